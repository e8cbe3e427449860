"""Key points: where each one sits in the text, so the reader can highlight it there."""

from __future__ import annotations

import re

from eoreader.model import Document, KeyPoint

_WORD = re.compile(r"[a-z0-9]+")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'”’]?|$)")
_STOP = frozenset(
    "a an and are as at be by for from has have he her his in is it its of on or she that the "
    "their them they this to was were will with who also".split()
)


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
