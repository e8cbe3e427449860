"""Key points: what an order directs, by when, what it changes, its policy and its terms;
and where each key point sits in the text, so the reader can highlight it there.

`key_points(doc)` finds them in an order's own sections, deterministically; readers call
it once the sections are built. Articles and fact sheets state their own key points.
"""

from __future__ import annotations

import re

from eoreader.ingest.deadlines import deadlines
from eoreader.ingest.directives import directives
from eoreader.ingest.sentences import sentence_spans
from eoreader.model import Document, KeyPoint, Kind, Relation, Section

TYPES = ("summary", "policy", "revokes", "supersedes", "amends", "directive", "deadline", "definition")
_POLICY_HEADING = re.compile(r"\b(?:purpose|policy|policies)\b", re.I)
_POLICY_OPENING = re.compile(r"^(?:\([a-z]\)\s*)?(?:it\s+is\s+(?:hereby\s+)?the\s+policy\b|the\s+purpose\s+of\s+this)", re.I)
_DEFINITIONS_HEADING = re.compile(r"\bdefinitions?\b", re.I)
_DEFINITION = re.compile(
    r"(?:^|\bthe\s+terms?\s+|^\s*\([a-zA-Z0-9]+\)\s*(?:the\s+terms?\s+)?)[“\"]"
    r"(?P<term>[^”\"]{1,80})[”\"]\s*(?:,[^,]{0,60},\s*)?(?:means|shall\s+mean|has\s+the\s+meaning|have\s+the\s+meaning"
    r"|refers?\s+to|includes|shall\s+include|is\s+defined|are\s+defined)\b",
    re.I,
)
# A short first sentence says too little: the policy takes the second one too.
POLICY_MIN_CHARS = 160
_STATED = (Kind.ARTICLE, Kind.FACT_SHEET)
_WORD = re.compile(r"[a-z0-9]+")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'”’]?|$)")
_STOP = frozenset(
    "a an and are as at be by for from has have he her his in is it its of on or she that the "
    "their them they this to was were will with who also".split()
)


def key_points(doc: Document) -> list[KeyPoint]:
    """The key points found in `doc`'s text, in reading order (none for articles and fact sheets)."""
    if doc.kind in _STATED:
        return []
    found = policy(doc) + changes(doc) + definitions(doc) + directives(doc) + deadlines(doc)
    order = {s.anchor: i for i, (_, s) in enumerate(doc.walk())}
    return sorted(found, key=lambda p: (order.get(p.section or "", 0), p.start, TYPES.index(p.type)))


def policy(doc: Document) -> list[KeyPoint]:
    """The first sentence or two of the purpose or policy section."""
    for _, section in doc.walk():
        if section.anchor in ("preamble", "signature", "body"):
            continue
        spans = sentence_spans(section.text)
        if not spans:
            continue
        first = section.text[spans[0].start:spans[0].end]
        if _POLICY_HEADING.search(section.heading) or _POLICY_OPENING.match(first):
            end = spans[1].end if len(spans) > 1 and len(first) < POLICY_MIN_CHARS else spans[0].end
            return [_point(section, spans[0].start, end, "policy")]
    return []


def changes(doc: Document) -> list[KeyPoint]:
    """A point for each sentence that revokes, supersedes or amends another order."""
    points: dict[tuple[str, int, str], KeyPoint] = {}
    for ref in doc.references:
        if ref.relation is Relation.MENTIONS or ref.section is None:
            continue
        section = doc.section(ref.section)
        start = section.text.find(ref.text) if section and ref.text else -1
        if section is None or start < 0:
            continue
        key = (section.anchor, start, ref.relation.value)
        points.setdefault(key, _point(section, start, start + len(ref.text), ref.relation.value))
    return list(points.values())


def definitions(doc: Document) -> list[KeyPoint]:
    """Each term a definitions section (or a "the term ... means" sentence) defines."""
    points = []
    for _, section in doc.walk():
        in_definitions = bool(_DEFINITIONS_HEADING.search(section.heading))
        for start, end in sentence_spans(section.text):
            sentence = section.text[start:end]
            match = _DEFINITION.search(sentence)
            if match and (in_definitions or "term" in sentence[:match.end()].lower()):
                points.append(_point(section, start, end, "definition"))
    return points


def _point(section: Section, start: int, end: int, kind: str) -> KeyPoint:
    return KeyPoint(text=section.text[start:end], type=kind, section=section.anchor, start=start, end=end)


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def locate(doc: Document, point: KeyPoint) -> KeyPoint:
    """`point` placed on the sentence of `doc` that shares most of its words (at least 2)."""
    wanted = _words(point.text)
    best: tuple[int, str, int, int] | None = None
    for _, section in doc.walk():
        for match in _SENTENCE.finditer(section.text):
            shared = len(wanted & _words(match.group()))
            if shared >= 2 and (best is None or shared > best[0]):
                start = match.start() + len(match.group()) - len(match.group().lstrip())
                best = (shared, section.anchor, start, match.end())
    if best:
        point.section, point.start, point.end = best[1], best[2], best[3]
    return point


def locate_all(doc: Document) -> Document:
    """Every key point of `doc` that has no place yet, located."""
    for point in doc.key_points:
        if point.section is None:
            locate(doc, point)
    return doc
