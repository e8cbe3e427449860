"""What BM25F does not see, read for the top candidates only: how much of the query a
document holds (each word weighted by rarity) and whether the query's words stand next to
each other in it, as they do in the phrase the user remembers ("requester service center").
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
from whoosh.reading import IndexReader

from eoreader.search.postings import PostingCache

# Query words count as neighbours in a document up to this many positions apart (stop
# words are not counted: "board of inquiry" is two neighbours).
NEAR = 2
FIELDS = ("title", "body")


class Fit(NamedTuple):
    """How well one document fits the query's words, each share from 0 to 1."""

    coverage: float
    proximity: float


def fits(postings: PostingCache, docnums: Sequence[int], words: Sequence[str],
         proximity: bool = True) -> dict[int, Fit]:
    """Coverage and proximity of `words` (the query's index words, in order) per document;
    proximity reads word positions, so it is left at 0 unless asked for."""
    words = [w for w in words if w]
    if not words or not docnums:
        return {}
    reader = postings.reader
    ordered = sorted(set(docnums))
    candidates = np.asarray(ordered, np.int64)
    total = max(reader.doc_count_all(), 1)
    weight = {w: math.log(1 + total / (1 + max(reader.doc_frequency(f, w) for f in FIELDS))) for w in set(words)}
    held: dict[str, set[int]] = {}
    for word in weight:
        found = np.zeros(len(candidates), bool)
        for field in FIELDS:
            ids = postings.get(field, word.encode()).ids
            found |= np.isin(candidates, ids, assume_unique=True)
        held[word] = set(candidates[found].tolist())
    pairs = [(a, b) for a, b in zip(words, words[1:]) if a != b] if proximity else []
    positions = _positions(reader, ordered, {w for pair in pairs for w in pair}, held)
    all_weight = sum(weight.values()) or 1.0
    pair_weight = sum(weight[a] + weight[b] for a, b in pairs) or 1.0
    out = {}
    for docnum in ordered:
        coverage = sum(weight[w] for w in weight if docnum in held[w]) / all_weight
        near = sum(weight[a] + weight[b] for a, b in pairs if _near(positions, a, b, docnum))
        out[docnum] = Fit(coverage, near / pair_weight if pairs else 0.0)
    return out


def _positions(reader: IndexReader, docnums: list[int], words: set[str],
               held: dict[str, set[int]]) -> dict[tuple[str, int], list[int]]:
    """The body positions of each of `words` in each of `docnums` that holds it."""
    positions: dict[tuple[str, int], list[int]] = {}
    for word in words:
        if ("body", word) not in reader:
            continue
        matcher = reader.postings("body", word)
        if not matcher.supports("positions"):
            continue
        for docnum in docnums:
            if docnum not in held[word]:
                continue
            matcher.skip_to(docnum)
            if not matcher.is_active():
                break
            if matcher.id() == docnum:
                positions[(word, docnum)] = matcher.value_as("positions")
    return positions


def _near(positions: dict[tuple[str, int], list[int]], a: str, b: str, docnum: int) -> bool:
    first, second = positions.get((a, docnum)), positions.get((b, docnum))
    if not first or not second:
        return False
    later = set(second)
    return any(p + step in later for p in first for step in range(1, NEAR + 1))
