"""BM25F over whole arrays: a query's score for every document at once, then its top.

Scores as Whoosh's matchers would compute them (a term's BM25F weight times its boost; a
union or intersection sums its parts; a phrase sums its words where the phrase occurs;
ranges and other filters score their boost), but term at a time over arrays of postings
(postings.py) instead of one Python call per posting per matcher. Which documents match
comes from DocSets, exactly as the total and the facets count them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from whoosh.query import (
    And, AndMaybe, AndNot, ConstantScoreQuery, DisjunctionMax, NullQuery, Or, Phrase, Query, Require, Term,
)
from whoosh.query.wrappers import WrappingQuery

from eoreader.search.deadline import Deadline
from eoreader.search.docsets import DocSets, to_mask
from eoreader.search.postings import PostingCache


@dataclass
class Scores:
    """Every document's score for one query, and the documents it matches."""

    values: np.ndarray
    matches: np.ndarray

    def top(self, limit: int, within: int | None = None) -> list[tuple[int, float]]:
        """The best `limit` (document, score) pairs, best first, ties in index order;
        `within`: only documents of that bitmap."""
        allowed = self.matches if within is None else self.matches & to_mask(within, len(self.values))
        candidates = np.flatnonzero(allowed)
        if not len(candidates):
            return []
        scores = self.values[candidates]
        if len(candidates) > limit:
            best = np.argpartition(-scores, limit - 1)[:limit]
            candidates, scores = candidates[best], scores[best]
        order = np.lexsort((candidates, -scores))
        return [(int(candidates[i]), float(scores[i])) for i in order]


class ArrayScorer:
    """Scores queries over one searcher with cached posting arrays."""

    def __init__(self, docsets: DocSets, postings: PostingCache) -> None:
        self.docsets = docsets
        self.postings = postings
        self.size = docsets.size

    def scores(self, query: Query, deadline: Deadline) -> Scores:
        """Every document's score for `query`. Every word is scored (a word's cost is bounded
        by its postings, read once); only phrase matching stops at the deadline (docsets.py)."""
        values = np.zeros(self.size, np.float64)
        self._add(query, values, 1.0, deadline)
        matches = to_mask(self.docsets.of(query, deadline), self.size)
        return Scores(values, matches)

    def _add(self, query: Query, into: np.ndarray, boost: float, deadline: Deadline) -> None:
        """Add `query`'s score, times `boost`, to `into` wherever it matches."""
        boost *= getattr(query, "boost", 1.0)
        if isinstance(query, Term):
            self._term(query.fieldname, query.text, into, boost)
        elif isinstance(query, (Or, DisjunctionMax)):
            for sub in query.subqueries:
                self._add(sub, into, boost, deadline)
        elif isinstance(query, (And, Require)):
            self._masked(query, query.subqueries if isinstance(query, And) else [query.a, query.b],
                         into, boost, deadline)
        elif isinstance(query, (AndMaybe, AndNot)):
            self._masked(query, [query.a, query.b] if isinstance(query, AndMaybe) else [query.a],
                         into, boost, deadline)
        elif isinstance(query, Phrase):
            words = [Term(query.fieldname, w) for w in query.words]
            self._masked(query, words, into, boost, deadline)
        elif isinstance(query, ConstantScoreQuery):
            if query.score:
                into += query.score * to_mask(self.docsets.of(query.child, deadline), self.size)
        elif isinstance(query, WrappingQuery):
            self._add(query.child, into, boost, deadline)
        elif query is not NullQuery:  # ranges and other filters score their boost
            into += boost * to_mask(self.docsets.of(query, deadline), self.size)

    def _masked(self, query: Query, parts: list[Query], into: np.ndarray, boost: float,
                deadline: Deadline) -> None:
        """The parts' scores summed, counted only where `query` itself matches."""
        own = np.zeros(self.size, np.float64)
        for part in parts:
            self._add(part, own, boost, deadline)
        own *= to_mask(self.docsets.of(query, deadline), self.size)
        into += own

    def _term(self, fieldname: str, text: str | bytes, into: np.ndarray, boost: float) -> None:
        if isinstance(text, str):
            field = self.docsets.searcher.schema[fieldname] if fieldname in self.docsets.searcher.schema else None
            text = field.to_bytes(text) if field is not None else text.encode()
        found = self.postings.get(fieldname, text)
        if len(found.ids):
            into[found.ids] += boost * found.weights
