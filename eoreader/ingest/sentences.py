"""Sentences of legal text: where each one starts and ends, abbreviations left whole."""

from __future__ import annotations

import re
from typing import NamedTuple

# Words that end in a period without ending a sentence ("U.S.C.", "Sec. 3", "et seq.").
_ABBREVIATIONS = frozenset(
    "no nos sec secs seq stat pub fed reg inc co corp ltd jr sr mr mrs ms dr st gen gov rep "
    "sen hon art arts cl ch para pt vol approx etc viz cf v vs al jan feb mar apr jun jul aug "
    "sep sept oct nov dec p pp et".split()
)
_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s|$)")
_PARAGRAPH = re.compile(r"\n\s*\n")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")


class Span(NamedTuple):
    start: int
    end: int


def sentence_spans(text: str) -> list[Span]:
    """The sentences of `text` as spans, blank lines always ending one."""
    spans: list[Span] = []
    pos = 0
    for para in [*_PARAGRAPH.finditer(text), None]:
        stop = para.start() if para else len(text)
        spans.extend(_split(text, pos, stop))
        pos = para.end() if para else stop
    return spans


def sentences(text: str) -> list[str]:
    """The sentences of `text`."""
    return [text[s:e] for s, e in sentence_spans(text)]


def _split(text: str, start: int, stop: int) -> list[Span]:
    out: list[Span] = []
    begin = start
    for match in _END.finditer(text, start, stop):
        end = match.end()
        if _abbreviation(text, begin, match.start()) or not _opens_sentence(text, end, stop):
            continue
        out.append(_trimmed(text, begin, end))
        begin = end
    if text[begin:stop].strip():
        out.append(_trimmed(text, begin, stop))
    return [s for s in out if s.end > s.start]


def _abbreviation(text: str, begin: int, dot: int) -> bool:
    """Whether the period at `dot` closes an abbreviation or an initial, not a sentence."""
    if text[dot] != ".":
        return False
    word = text[begin:dot + 1].split()[-1] if text[begin:dot + 1].split() else ""
    word = word.lstrip("(“\"'‘[")
    bare = word.rstrip(".").lower()
    return bare in _ABBREVIATIONS or bool(_INITIALS.fullmatch(word)) and len(word) <= 6


def _opens_sentence(text: str, end: int, stop: int) -> bool:
    """A sentence follows when the next word starts with a capital, a digit, a quote or a label."""
    rest = text[end:stop].lstrip()
    return not rest or rest[0].isupper() or rest[0].isdigit() or rest[0] in "(“\"‘'["


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)
