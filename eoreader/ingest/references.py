"""References to executive orders in a document's text, each with how it affects the order.

"Executive Order 13787 of March 31, 2017 (...), is hereby revoked" revokes 13787; "This
order supersedes Executive Order 12958" supersedes it; "Executive Order 14193, as amended
by Executive Order 14197, is further amended" amends 14193 and mentions 14197. A passive
verb acts on the list of orders just before it, an active verb on the list just after it.
Every other reference is a mention.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from eoreader.ingest.mentions import Mention, order_mentions
from eoreader.ingest.sentences import sentence_spans
from eoreader.model import Document, Kind, Reference, Relation, Section

_PASSIVE = re.compile(
    r"\b(?:is|are|be)\s+(?:(?:hereby|further|also|each|both|accordingly|hereafter|herewith)\s+)*"
    r"(?P<verb>revoked|rescinded|amended|superseded|modified|replaced|revised)\b"
    r"(?:\s+and\s+(?P<also>revoked|rescinded))?(?P<colon>[^.:;]{0,60}:)?",
    re.I,
)
_ACTIVE = re.compile(
    r"(?<!which\s)(?<!that\s)\b(?:(?P<third>revokes|rescinds|amends|supersedes)"
    r"|(?:shall|will)\s+(?:hereby\s+)?(?P<future>revoke|rescind|supersede|replace)"
    r"|(?:am\s+|hereby\s+|and\s+)(?P<ing>revoking|amending|superseding)"
    r"|(?P<base>revoke|rescind|amend|supersede))\b"
    r"(?P<those>\s+(?:that|this|the\s+said)\s+(?:executive\s+)?order\b"
    r"|\s+(?:those|these|such|the\s+said)\s+(?:executive\s+)?orders\b)?",
    re.I,
)
# A bare "revoke" acts only in the President's own voice: "I hereby terminate ..., revoke".
_HEREBY = re.compile(r"\bhereby\b", re.I)
# Nouns that name a change in a title or heading: "Amendments to Executive Orders 13038 and 13054".
_NOMINAL = re.compile(
    r"\b(?P<verb>revoking|revocation|rescinding|rescission|amending|amendments?|modifying"
    r"|modification|superseding|supersession)\b",
    re.I,
)
_NEGATED = re.compile(r"\b(?:nothing|not|no)\b[^.;]{0,60}$", re.I)
_RELATIVE = re.compile(r",?\s*\b(?:which|that)\s+$", re.I)
# A sentence that commands something is no bare list item under "... are hereby revoked:".
_COMMAND = re.compile(r"\b(?:shall|may|must|will)\b", re.I)
# "Each advisory committee listed below is continued until September 30, 1999": extending
# an order's term amends it, as the Federal Register's disposition notes record it.
_LIST_INTRO = re.compile(
    r"\b(?:is|are)\s+(?:hereby\s+)?(?P<verb>revoked|rescinded|amended|superseded|continued)\b", re.I
)
_RELATIONS = {
    "revok": Relation.REVOKES, "revoc": Relation.REVOKES, "rescin": Relation.REVOKES, "rescis": Relation.REVOKES,
    "amend": Relation.AMENDS, "modif": Relation.AMENDS, "revis": Relation.AMENDS,
    "continu": Relation.AMENDS, "supersed": Relation.SUPERSEDES, "supersess": Relation.SUPERSEDES,
    "replac": Relation.SUPERSEDES,
}
STRENGTH = {Relation.MENTIONS: 0, Relation.AMENDS: 1, Relation.SUPERSEDES: 2, Relation.REVOKES: 3}


class Verb(NamedTuple):
    """A verb of change and which way it looks for the orders it acts on."""

    start: int
    end: int
    relation: Relation
    before: bool  # the list just before it ("... is hereby revoked")
    after: bool  # the list just after it ("This order supersedes ...")
    rest: bool  # every order after it ("are hereby revoked: (a) ...")
    relative: bool  # every order before it ("..., which are hereby revoked")


def find_references(doc: Document) -> list[Reference]:
    """The references of `doc`'s title and sections, set on `doc.references` too."""
    refs = [Reference(n, r, None, doc.title) for n, r in relations(doc.title, nominal=True)]
    for section in doc.sections:
        _collect(section, refs, inherited=None)
    # Fact sheets and articles describe changes; only the acting document makes them.
    if doc.kind in (Kind.FACT_SHEET, Kind.ARTICLE):
        refs = [Reference(r.number, Relation.MENTIONS, r.section, r.text) for r in refs]
    doc.references = _dedupe([r for r in refs if r.number != doc.number])
    return doc.references


def references_in(text: str, section: str | None = None, inherited: Relation | None = None,
                  nominal: bool = False) -> list[Reference]:
    """The references in `text`; `inherited` is the relation a list introduction set."""
    refs = []
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        for number, relation in relations(sentence, inherited, nominal):
            refs.append(Reference(number, relation, section, sentence))
    return refs


def relations(sentence: str, inherited: Relation | None = None,
              nominal: bool = False) -> list[tuple[str, Relation]]:
    """Each order number in `sentence` with the relation its verb gives it.

    `nominal` reads a title or heading, where nouns name the change ("Revocation of").
    """
    mentions = order_mentions(sentence)
    if not mentions:
        return []
    governed = _govern(sentence, mentions, _verbs(sentence, nominal))
    if _COMMAND.search(sentence):
        inherited = None
    out = []
    for i, mention in enumerate(mentions):
        found = {Relation.MENTIONS}
        if mention.prescribed:
            found = {Relation.AMENDS}
        elif not mention.indirect and not _quoted(sentence, mention.start):
            found = governed.get(i) or ({inherited} if inherited else found)
        for relation in sorted(found, key=lambda r: STRENGTH[r]):
            # Revoking "Sections 1 through 4 of" an order leaves the rest of it in force.
            if mention.part and relation in (Relation.REVOKES, Relation.SUPERSEDES):
                relation = Relation.AMENDS
            out.append((mention.number, relation))
    return out


def _verbs(sentence: str, nominal: bool) -> list[Verb]:
    verbs = [Verb(m.start(), m.end("verb"), _relation(m["also"] or m["verb"]), True, False,
                  bool(m["colon"]), bool(_RELATIVE.search(sentence, 0, m.start())))
             for m in _PASSIVE.finditer(sentence)]
    for m in _ACTIVE.finditer(sentence):
        if m["base"] and not _HEREBY.search(sentence, 0, m.start()):
            continue
        relation = _relation(m["third"] or m["future"] or m["ing"] or m["base"])
        # "I hereby terminate the emergency declared in Executive Order 13617, revoke that
        # order, Executive Order 13310 ...": the orders before and after are its objects.
        verbs.append(Verb(m.start(), m.end(), relation, bool(m["those"]), True, False, False))
    if nominal:
        verbs += [Verb(m.start(), m.end(), _relation(m["verb"]), False, True, False, False)
                  for m in _NOMINAL.finditer(sentence)]
    verbs = [v for v in verbs if not _NEGATED.search(sentence, 0, v.start)]
    return sorted(verbs)


def _govern(sentence: str, mentions: list[Mention], verbs: list[Verb]) -> dict[int, set[Relation]]:
    """The relations each verb gives the mentions it acts on (by index)."""
    out: dict[int, set[Relation]] = {}

    def give(indices: list[int], relation: Relation) -> None:
        for i in indices:
            out.setdefault(i, set()).add(relation)

    for n, verb in enumerate(verbs):
        earlier = verbs[n - 1].end if n else 0
        later = verbs[n + 1].start if n + 1 < len(verbs) else len(sentence)
        before = [i for i, m in enumerate(mentions) if m.end <= verb.start + 1 and not m.indirect]
        after = [i for i, m in enumerate(mentions) if m.start >= verb.end]
        if verb.relative:
            give(before, verb.relation)
        elif verb.before and before and mentions[before[-1]].start >= earlier:
            last = mentions[before[-1]].group
            give([i for i in before if mentions[i].group == last], verb.relation)
        if verb.rest:
            give(after, verb.relation)
        elif verb.after and after and mentions[after[0]].start < later:
            first = mentions[after[0]].group
            give([i for i in after if mentions[i].group == first], verb.relation)
    return out


def _relation(verb: str) -> Relation:
    verb = verb.lower()
    return next(r for stem, r in _RELATIONS.items() if verb.startswith(stem))


def _quoted(sentence: str, pos: int) -> bool:
    """Whether `pos` sits inside quoted text (the new wording of an amended order)."""
    before = sentence[:pos]
    return before.count("“") > before.count("”") or before.count("``") > before.count("''")


def _collect(section: Section, refs: list[Reference], inherited: Relation | None) -> None:
    refs.extend(references_in(section.heading, section.anchor, nominal=True))
    # A heading that names a change without naming the order ("Revocations.") sets it
    # for the lists below it.
    if not order_mentions(section.heading) and (match := _NOMINAL.search(section.heading)):
        inherited = _relation(match["verb"])
    refs.extend(references_in(section.text, section.anchor, inherited))
    intro = _list_intro(section.text) or inherited
    for sub in section.subsections:
        _collect(sub, refs, intro)


def _list_intro(text: str) -> Relation | None:
    """The relation a text ending in "... are hereby revoked:" gives the items below it."""
    spans = sentence_spans(text)
    if not spans:
        return None
    last = text[spans[-1].start:spans[-1].end]
    if order_mentions(last):
        return None
    verbs = list(_LIST_INTRO.finditer(last))
    return _relation(verbs[-1]["verb"]) if verbs else None


def _dedupe(refs: list[Reference]) -> list[Reference]:
    """Each order's relations in each section once; a mention only where nothing stronger is."""
    seen: dict[tuple[str, str | None, Relation], Reference] = {}
    for ref in refs:
        seen.setdefault((ref.number, ref.section, ref.relation), ref)
    changed = {(n, s) for n, s, r in seen if r is not Relation.MENTIONS}
    return [ref for (n, s, r), ref in seen.items() if r is not Relation.MENTIONS or (n, s) not in changed]
