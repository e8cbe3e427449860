"""Who a sentence of an order directs: the subject of its "shall", named one way for all orders.

"Within 60 days of the date of this order, the Secretary of Defense, in consultation with
the Secretary of State, shall ..." directs "the Secretary of Defense"; "the Director of the
Office of Management and Budget (OMB)" is "the Director of OMB"; "each agency", "the head of
the agency" and "the heads of all executive departments and agencies" are "the heads of
executive departments and agencies". Several actors are joined with "; ".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MAX_SUBJECT_WORDS = 30
_LABEL = re.compile(r"^\s*(?:\((?:[a-z]{1,4}|[A-Z]{1,4}|\d{1,3})\)\s*)+")
# Clauses before "shall" that are no subject: "Within 60 days ...", "in consultation with ...".
_ADVERBIAL = re.compile(
    r"^(?:within|not|no|by|in|with|through|as|to|consistent|pursuant|after|upon|following|subject"
    r"|where|when|if|unless|except|notwithstanding|acting|including|under|for|at|on|beginning|during"
    r"|before|prior|until|once|thereafter|further|additionally|also|moreover|accordingly|therefore"
    r"|specifically|immediately|promptly|jointly|respectively|among|from|via|while|absent|given|based"
    r"|commencing|starting|effective|where\s+appropriate)\b",
    re.I,
)
# Clauses that only say how the actor before them acts; a second actor may follow them
# ("the Secretary of the Interior, through the Director of the BLM, and the Secretary of ...").
_MANNER = re.compile(r"^(?:acting\s+through|through|with\s+respect\s+to|on\s+behalf\s+of|as\s+appropriate)\b", re.I)
_AGENT = re.compile(
    r"^(?i:(?:the|each|all|every|both|any|such|these|those|relevant|appropriate)\s+)*"
    r"(?i:(?:executive|federal|relevant|appropriate|participating|covered|other|member|respective"
    r"|affected|responsible|designated|following|senior|deputy|acting|chief|principal|special"
    r"|national|united\s+states|u\.s\.|assistant|under|associate)\s+)*"
    r"(?:(?i:Secretar(?:y|ies)|Attorneys?\s+General|heads?|agenc(?:y|ies)|departments?|officials?)"
    r"|Directors?|Administrators?|Chair(?:man|woman|person|s)?|President\s+of\s+the\b"
    r"|Commissioners?|Assistants?\s+to\s+the\s+President|Advis[oe]rs?|Counsel|(?:Trade\s+)?Representatives?"
    r"|Office|Council|Board|Commission|Committee|Department|Controller"
    r"|Task\s+Force|Working\s+Group|Interagency|Coordinators?|Officers?|Chiefs?|Vice\s+President|Surgeon"
    r"|Comptroller|Archivist|Postmaster|Inspectors?\s+General|Federal\s+Government|Librarian|Agents?"
    r"|Ambassadors?|Commandants?|Administration|Service|Bureau|Corps|Institute|Center|Team|Panel"
    r"|[A-Z]{2,6}\b"
    # A body named in full: "the National Security Agency", "the White House Office of ...".
    r"|(?:[A-Z][\w’'.-]*\s+){1,8}(?:Agency|Administration|Service|Bureau|Office|Council|Board|Commission"
    r"|Committee|Department|Task\s+Force|Institute|Center|Corps|Group|Secretariat|Team|Foundation"
    r"|Initiative|Coordinator|Director|Advisor|Adviser)\b)",
)
_NOT_AN_AGENT = re.compile(r"^(?:the\s+)?(?:term|terms|order|provisions?|policy|United\s+States\s+Code)\b", re.I)
_PARENTHESES = re.compile(r"\s*\([^()]*\)")
_TRAILING = re.compile(r"\s+(?:each|both|jointly|together|also|respectively)$", re.I)
_ALIAS = re.compile(
    r"\b(?P<long>[Tt]he\s+(?:Secretary|Director|Administrator|Chair(?:man)?|Commissioner|Attorney\s+General"
    r"|Assistant\s+to\s+the\s+President|Representative)\b[^(),;]{0,80}?)\s*\(\s*(?:the\s+)?[“\"]?"
    r"(?P<short>[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+){0,3})[”\"]?\s*\)"
)
_ABBREVIATIONS = [
    ("the Office of Management and Budget", "OMB"),
    ("the Office of Personnel Management", "OPM"),
    ("the Office of Science and Technology Policy", "OSTP"),
    ("the Environmental Protection Agency", "EPA"),
]
# Every form of "the heads of agencies", whatever qualifies them ("each agency that ...").
_HEADS = re.compile(
    r"^(?:the\s+)?(?:heads?\s+of\s+)?(?:(?:all|each|every|any|an|the|such|these|those|other|relevant"
    r"|federal|appropriate|participating|covered|affected)\s+)*(?:executive\s+)?"
    r"(?:(?:departments?\s+(?:and|or)\s+)?agenc(?:y|ies)(?:[’']s?)?(?!\s+officials?\b)"
    r"|departments\s+and\s+agencies|agency\s+heads)(?:\s.*)?$",
    re.I,
)
_SECRETARIES = re.compile(r"^(?:[Tt]he\s+)?(?P<plural>Secretaries|Departments)\s+of\s+(?P<rest>.+)$")
_SINGULAR = {"Secretaries": "Secretary", "Departments": "Department"}
# "the Secretary of Homeland Security acting through the Director of CISA" directs the Secretary.
_THROUGH = re.compile(r"\s+(?:acting\s+through|through|in\s+(?:consultation|coordination)\s+with"
                      r"|with\s+the\s+(?:concurrence|approval)\s+of)\b.*$", re.I)
_CONSULTING = re.compile(r"\s(?:in\s+(?:consultation|coordination|collaboration)\s+with)\b", re.I)
# Department names holding "and": kept whole when "the Secretaries of X and Y" is split.
_WHOLE = ("Health and Human Services", "Housing and Urban Development")
HEADS = "the heads of executive departments and agencies"


def normalize(subject: str, aliases: dict[str, str] | None = None) -> str:
    """The actors a subject names, normalised and joined by "; "; "" when none acts.

    The subject is the first run of comma-separated clauses that name actors, after any
    opening phrase ("Within 60 days ...,") and before any that follows ("in consultation
    with ..."); a clause saying how one acts ("through ...") may sit inside the run.
    """
    subject = _PARENTHESES.sub("", _LABEL.sub("", subject)).strip(" ,;:")
    people: list[str] = []
    manner = False
    for clause in (c.strip() for c in subject.split(",")):
        joined = bool(re.match(r"^(?:and|or)\s", clause, re.I))
        clause = re.sub(r"^(?:and|or)\s+", "", clause, flags=re.I)
        if people and _SECRETARIES.match(people[-1]) and re.match(r"^(?:of\s+)?[A-Z]", clause):
            # "the Secretaries of State, Health and Human Services, and Labor"
            people[-1] += f", {clause}"
        elif clause and _agent(clause) and (not manner or joined):
            people.append(_TRAILING.sub("", _THROUGH.sub("", clause)))
            manner = False
            if _CONSULTING.search(clause):
                break  # the clauses after "in consultation with X" name more of those consulted
        elif people and _MANNER.match(clause):
            manner = True
        elif people:
            break
    names = [name for person in people for name in _expand(person, aliases or {})]
    return "; ".join(dict.fromkeys(names))


def _agent(clause: str) -> bool:
    return (bool(_AGENT.match(clause)) and not _ADVERBIAL.match(clause) and not _NOT_AN_AGENT.match(clause)
            and len(clause.split()) <= MAX_SUBJECT_WORDS)


def _expand(person: str, aliases: dict[str, str]) -> Iterable[str]:
    """The actors of one clause: "the Secretary of State and the Attorney General", "the
    Secretaries of Defense and Homeland Security", a short name the order defined."""
    for part in re.split(r"\s+and\s+(?=the\s|[A-Z]{2,6}$)", person):
        bare = re.sub(r"^the\s+", "", " ".join(part.split()), flags=re.I)
        if bare in aliases:
            yield from _expand(f"the {aliases[bare]}", {})
        elif match := _SECRETARIES.match(part):
            rest = match["rest"]
            for i, whole in enumerate(_WHOLE):
                rest = rest.replace(whole, f"\x00{i}")
            for item in re.split(r",\s*(?:and\s+)?|\s+and\s+(?:of\s+)?", rest):
                item = re.sub(r"\x00(\d)", lambda m: _WHOLE[int(m.group(1))], item.strip())
                if item:
                    yield _canonical(f"the {_SINGULAR[match['plural']]} of {item}")
        else:
            yield _canonical(part)


def _canonical(name: str) -> str:
    name = " ".join(name.split())
    if _HEADS.match(name):
        return HEADS
    bare = re.sub(r"^the\s+", "", name, flags=re.I)
    for long, short in _ABBREVIATIONS:
        bare = bare.replace(long, short)
    if re.match(r"^(?:each|all|every|any)\b", bare, re.I):
        return bare[0].lower() + bare[1:]
    return "the " + bare[0].upper() + bare[1:]


def aliases_in(text: str) -> dict[str, str]:
    """Short names an order defines: "the Secretary of Commerce (Secretary)" -> {"Secretary": ...}."""
    found: dict[str, str] = {}
    for match in _ALIAS.finditer(text):
        short = match["short"]
        long = re.sub(r"^[Tt]he\s+", "", " ".join(match["long"].split()))
        if short != long and short not in found and len(short) > 3 and not short.isupper():
            found[short] = long
    return found
