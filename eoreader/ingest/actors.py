"""Who a sentence of an order directs: the subject of its "shall", named one way for all orders.

"Within 60 days of the date of this order, the Secretary of Defense, in consultation with
the Secretary of State, shall ..." directs "the Secretary of Defense"; "the Director of the
Office of Management and Budget (OMB)" is "the Director of OMB"; "each agency" and "the
heads of all executive departments and agencies" are "the heads of executive departments
and agencies". Several actors are joined with "; ".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SHALL = re.compile(r"\bshall\b")
MAX_SUBJECT_WORDS = 30
_LABEL = re.compile(r"^\s*(?:\((?:[a-z]{1,4}|[A-Z]{1,4}|\d{1,3})\)\s*)+")
# Clauses before "shall" that are no subject: "Within 60 days ...", "in consultation with ...".
_ADVERBIAL = re.compile(
    r"^(?:within|not|no|by|in|with|through|as|to|consistent|pursuant|after|upon|following|subject"
    r"|where|when|if|unless|except|notwithstanding|acting|including|under|for|at|on|beginning|during"
    r"|before|prior|until|once|thereafter|further|additionally|also|moreover|accordingly|therefore"
    r"|specifically|immediately|promptly|jointly|respectively|among|from|via|while|absent|given|based)\b",
    re.I,
)
_AGENT = re.compile(
    r"^(?i:(?:the|each|all|every|both|any\s+such|such|relevant|appropriate)\s+)*"
    r"(?i:(?:executive|federal|relevant|appropriate|participating|covered|other|member|respective"
    r"|affected|responsible|designated|following|senior|deputy|acting|chief|principal|special"
    r"|national|united\s+states|u\.s\.)\s+)*"
    r"(?:(?i:Secretar(?:y|ies)|Attorneys?\s+General|heads?|agenc(?:y|ies)|departments?)"
    r"|Directors?|Administrators?|Chair(?:man|woman|person|s)?"
    r"|Commissioners?|Assistants?\s+to\s+the\s+President|Advis[oe]rs?|Counsel|(?:Trade\s+)?Representatives?"
    r"|Office|Council|Board|Commission|Committee|Department"
    r"|Task\s+Force|Working\s+Group|Interagency|Coordinators?|Officers?|Chiefs?|Vice\s+President|Surgeon"
    r"|Comptroller|Archivist|Postmaster|Inspectors?\s+General|Federal\s+Government|Librarian"
    r"|Ambassadors?|Commandants?|Administration|Service|Bureau|Corps|Institute|Center|Team|Panel"
    r"|[A-Z]{2,6}\b"
    # A body named in full: "the National Security Agency", "the White House Office of ...".
    r"|(?:[A-Z][\w’'.-]*\s+){1,8}(?:Agency|Administration|Service|Bureau|Office|Council|Board|Commission"
    r"|Committee|Department|Task\s+Force|Institute|Center|Corps|Group|Secretariat|Team|Foundation"
    r"|Initiative|Coordinator|Director|Advisor|Adviser)\b)",
)
_NOT_AN_AGENT = re.compile(r"^(?:the\s+)?(?:term|terms|order|provisions?|policy|United\s+States\s+Code)\b", re.I)
_PARENTHESES = re.compile(r"\s*\([^()]*\)")
_ALIAS = re.compile(
    r"\b(?P<long>the\s+(?:Secretary|Director|Administrator|Chair(?:man)?|Commissioner|Attorney\s+General"
    r"|Assistant\s+to\s+the\s+President|Representative)\b[^()]{0,80}?)\s*\(\s*(?:the\s+)?[“\"]?"
    r"(?P<short>[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+){0,3})[”\"]?\s*\)"
)
_ABBREVIATIONS = [
    ("the Office of Management and Budget", "OMB"),
    ("the Office of Personnel Management", "OPM"),
    ("the Office of Science and Technology Policy", "OSTP"),
    ("the Environmental Protection Agency", "EPA"),
]
_HEADS = re.compile(
    r"^(?:the\s+)?(?:(?:heads?\s+of\s+(?:all\s+|each\s+|the\s+)?|(?:each|all|every)\s+)"
    r"(?:executive\s+)?(?:(?:departments?\s+(?:and|or)\s+)?agenc(?:y|ies)|departments?)"
    r"|(?:executive\s+)?departments\s+and\s+agencies|agencies|agency\s+heads|heads\s+of\s+agencies)"
    r"(?:\s+(?:in|of)\s+the\s+executive\s+branch\b.*)?$",
    re.I,
)
_SECRETARIES = re.compile(r"^(?:[Tt]he\s+)?(?P<plural>Secretaries|Departments)\s+of\s+(?P<rest>.+)$")
_SINGULAR = {"Secretaries": "Secretary", "Departments": "Department"}
# "the Secretary of Homeland Security acting through the Director of CISA" directs the Secretary.
_THROUGH = re.compile(r"\s+(?:acting\s+through|through|in\s+(?:consultation|coordination)\s+with"
                      r"|with\s+the\s+(?:concurrence|approval)\s+of)\b.*$", re.I)
# Department names holding "and": kept whole when "the Secretaries of X and Y" is split.
_WHOLE = ("Health and Human Services", "Housing and Urban Development")


def subject_of(sentence: str) -> tuple[str, int] | None:
    """(actor, where its "shall" is) for the first "shall" of `sentence` whose subject acts."""
    for match in _SHALL.finditer(sentence):
        actor = normalize(sentence[:match.start()])
        if actor:
            return actor, match.start()
    return None


def normalize(subject: str, aliases: dict[str, str] | None = None) -> str:
    """The actors a subject names, normalised and joined by "; "; "" when none acts.

    The subject is the first run of comma-separated clauses that name actors, after any
    opening phrase ("Within 60 days ...,") and before any that follows ("in consultation
    with ...").
    """
    subject = _PARENTHESES.sub("", _LABEL.sub("", subject)).strip(" ,;:")
    people: list[str] = []
    for clause in (c.strip() for c in subject.split(",")):
        clause = re.sub(r"^(?:and|or)\s+", "", clause, flags=re.I)
        if people and _SECRETARIES.match(people[-1]) and re.match(r"^(?:of\s+)?[A-Z]", clause):
            # "the Secretaries of State, Health and Human Services, and Labor"
            people[-1] += f", {clause}"
        elif clause and _agent(clause):
            people.append(_THROUGH.sub("", clause))
        elif people or not _ADVERBIAL.match(clause):
            break
    names = [name for person in people for name in _expand(person, aliases or {})]
    return "; ".join(dict.fromkeys(names))


def _agent(clause: str) -> bool:
    return (bool(_AGENT.match(clause)) and not _ADVERBIAL.match(clause) and not _NOT_AN_AGENT.match(clause)
            and len(clause.split()) <= MAX_SUBJECT_WORDS)


def _expand(person: str, aliases: dict[str, str]) -> Iterable[str]:
    if match := _SECRETARIES.match(person):
        rest = match["rest"]
        for i, whole in enumerate(_WHOLE):
            rest = rest.replace(whole, f"\x00{i}")
        for part in re.split(r",\s*(?:and\s+)?|\s+and\s+(?:of\s+)?", rest):
            part = re.sub(r"\x00(\d)", lambda m: _WHOLE[int(m.group(1))], part.strip())
            if part:
                yield _canonical(f"the {_SINGULAR[match['plural']]} of {part}", aliases)
        return
    for part in re.split(r"\s+and\s+(?=the\s)", person):
        yield _canonical(part, aliases)


def _canonical(name: str, aliases: dict[str, str]) -> str:
    name = " ".join(name.split())
    if _HEADS.match(name):
        return "the heads of executive departments and agencies"
    bare = re.sub(r"^the\s+", "", name, flags=re.I)
    if bare in aliases:
        bare = aliases[bare]
    for long, short in _ABBREVIATIONS:
        bare = bare.replace(long, short)
    if re.match(r"^(?:each|all|every|any)\b", bare, re.I):
        return bare[0].lower() + bare[1:]
    if re.fullmatch(r"[A-Z]{2,6}", bare):
        return bare
    return "the " + bare[0].upper() + bare[1:]


def aliases_in(text: str) -> dict[str, str]:
    """Short names an order defines: "the Secretary of Commerce (Secretary)" -> {"Secretary": ...}."""
    found: dict[str, str] = {}
    for match in _ALIAS.finditer(text):
        short = match["short"]
        long = re.sub(r"^the\s+", "", " ".join(match["long"].split()))
        if short != long and short not in found and len(short) > 3 and not short.isupper():
            found[short] = long
    return found
