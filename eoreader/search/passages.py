"""The passage that best answers a query: its section, its text, the matched words marked.

Re-analysing a whole body per hit costs ~2 ms (whoosh-at-scale.md); instead one regex of
the terms' stems finds candidate words at C speed, and only those are stemmed to confirm.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from functools import lru_cache

from eoreader.model import BodySpan, Document
from eoreader.search.schema import ANALYZER

SNIPPET_CHARS = 240
# Stems end where words differ ("famili" for family/families): match words from the stem
# minus its last letters, then confirm by stemming the word.
_STEM_SLACK = 2


@dataclass
class Snippet:
    """A passage of a document, with the spans of matched terms in it."""

    text: str
    marks: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Passage:
    """The best passage and the section it sits in."""

    anchor: str | None
    number: str
    heading: str
    snippet: Snippet


@lru_cache(maxsize=50_000)
def stem_of(word: str) -> str | None:
    """The index word `word` becomes, or None when the analyzer drops it."""
    tokens = [t.text for t in ANALYZER(word, mode="query")]
    return tokens[0] if len(tokens) == 1 else None


@lru_cache(maxsize=512)
def _finder(terms: frozenset[str]) -> re.Pattern[str] | None:
    heads = sorted({t[: max(2, len(t) - _STEM_SLACK)] for t in terms if t}, key=len, reverse=True)
    if not heads:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(h) for h in heads) + r")[\w'.-]*", re.I)


def find_marks(text: str, terms: Collection[str]) -> list[tuple[int, int, str]]:
    """(start, end, term) of every word of `text` that analyses to one of `terms`."""
    finder = _finder(frozenset(terms))
    if finder is None:
        return []
    marks = []
    for match in finder.finditer(text):
        for length, stem in _shape_stems(match.group()):
            if stem in terms:
                start = match.start()
                marks.append((start, start + length, stem))
                break
    return marks


@lru_cache(maxsize=50_000)
def _shape_stems(word: str) -> tuple[tuple[int, str | None], ...]:
    """(length, index word) of `word` as matched and cut at its inner punctuation
    ("enforcement's" -> "enforcement"): the shapes a mark may take, longest first."""
    shapes = [word.rstrip("'.-")]
    for sep in ("'", "-", "."):
        if sep in shapes[-1]:
            shapes.append(shapes[-1].split(sep)[0])
    return tuple((len(shape), stem_of(shape)) for shape in shapes if shape)


def best_passage(doc: Document, terms: Collection[str], weight: Callable[[str], float]) -> Passage:
    """The window of SNIPPET_CHARS holding the most (idf-`weight`ed) distinct matched terms."""
    body = doc.body()
    spans = doc.body_spans()
    marks = find_marks(body, terms) if terms else []
    start, end = 0, min(len(body), SNIPPET_CHARS)
    if marks:
        start, end = _best_window(marks, weight)
        # The passage stays inside the section of its first match.
        span = _span_at(spans, start)
        low, high = (span.start, span.end) if span else (0, len(body))
        start, end = _widen(body, start, min(end, high), low, high)
    inside = [(s - start, e - start) for s, e, _ in marks if s >= start and e <= end]
    span = _span_at(spans, start)
    section = doc.section(span.anchor) if span else None
    text = body[start:end].replace("\n", " ")
    return Passage(
        span.anchor if span else None, section.number if section else "",
        section.heading if section else "", Snippet(text, inside),
    )


def _best_window(marks: list[tuple[int, int, str]], weight: Callable[[str], float]) -> tuple[int, int]:
    best, best_score, left = (marks[0][0], marks[0][1]), -1.0, 0
    counts: dict[str, int] = {}
    for right, (_, end, term) in enumerate(marks):
        counts[term] = counts.get(term, 0) + 1
        while end - marks[left][0] > SNIPPET_CHARS:
            gone = marks[left][2]
            counts[gone] -= 1
            if not counts[gone]:
                del counts[gone]
            left += 1
        # Distinct terms count most; repeats add a little.
        score = sum(weight(t) for t in counts) + 0.1 * (right - left)
        if score > best_score:
            best_score, best = score, (marks[left][0], end)
    return best


def _span_at(spans: list[BodySpan], offset: int) -> BodySpan | None:
    """The innermost section span holding `offset` (spans of subsections come later)."""
    holding = [s for s in spans if s.start <= offset < s.end + 2]
    return holding[-1] if holding else (spans[0] if spans else None)


def _widen(body: str, start: int, end: int, low: int, high: int) -> tuple[int, int]:
    """The window grown to SNIPPET_CHARS around the matches within [low, high), cut at words."""
    room = max(0, SNIPPET_CHARS - (end - start))
    start = max(low, start - room // 3)
    end = min(high, start + max(SNIPPET_CHARS, end - start))
    start = max(low, min(start, end - SNIPPET_CHARS))
    # Start at a sentence or line start when one is near, else at a word.
    head = body[max(low, start - 100):start]
    cut = max(head.rfind(". "), head.rfind("\n"))
    if cut >= 0:
        start = start - len(head) + cut + 1
    while start > low and body[start - 1].isalnum():
        start -= 1
    while end < high and body[end - 1].isalnum() and body[end].isalnum():
        end += 1
    while start < end and body[start].isspace():
        start += 1
    return start, end
