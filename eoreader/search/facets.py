"""Facet counts (kind, president, year, actor) over a whole result set, in one pass.

Each facet is kept as two parallel arrays, one entry per (value, document) pair, built once
per searcher: from the field's column when a document has one value (kind, president,
year: NUMERIC terms hold every trie level, not years), else from the value terms'
postings. Counting a result set is then one lookup of its documents and one `bincount`,
whatever the number of values (an actor facet has about a thousand).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import numpy as np
from whoosh.searching import Searcher

from eoreader.search.columns import INT_SHIFT, read_labels
from eoreader.search.docsets import DocSets, to_mask
from eoreader.search.postings import field_ids

FACETS = ("kind", "president", "year", "actor")
# The index field each facet counts when it is not the facet's own name.
_FIELDS = {"actor": "actors"}
# Facets of one value per document, read from the field's column rather than its postings.
_COLUMNS = ("kind", "president")


class Facet(NamedTuple):
    values: list[str]
    # For each (value, document) pair: the value's index and the document.
    value_of: np.ndarray
    docnums: np.ndarray


class Facets:
    """The (value, document) pairs of each facet, built once per searcher."""

    def __init__(self, searcher: Searcher, docsets: DocSets) -> None:
        self.reader = searcher.reader()
        self.docsets = docsets
        self._facets: dict[str, Facet] = {}

    def facet(self, name: str) -> Facet:
        if name not in self._facets:
            if name == "year":
                self._facets[name] = self._year()
            elif name in _COLUMNS:
                self._facets[name] = self._column(name)
            else:
                self._facets[name] = self._terms(name)
        return self._facets[name]

    def _column(self, name: str) -> Facet:
        values, codes = read_labels(self.reader, name)
        docnums = np.flatnonzero(codes >= 0)
        return Facet(values, codes[docnums], docnums)

    def _terms(self, name: str) -> Facet:
        field = _FIELDS.get(name, name)
        values, value_of, docnums = [], [], []
        for text, ids in sorted(field_ids(self.reader, field).items()):
            value_of.append(np.full(len(ids), len(values), np.int64))
            docnums.append(ids)
            values.append(text.decode())
        if not values:
            return Facet([], np.zeros(0, np.int64), np.zeros(0, np.int64))
        return Facet(values, np.concatenate(value_of), np.concatenate(docnums))

    def _year(self) -> Facet:
        raw = self.docsets.column("year").astype(np.int64) - INT_SHIFT
        docnums = np.flatnonzero((raw > 0) & (raw < 10_000))  # undated documents hold the default
        years, value_of = np.unique(raw[docnums], return_inverse=True)
        return Facet([str(y) for y in years.tolist()], value_of.astype(np.int64), docnums)

    def count(self, docs: int, names: Iterable[str] = FACETS) -> dict[str, list[tuple[str, int]]]:
        """facet -> [(value, documents)] for the documents in `docs`, most first; only the
        facets `names` (each is built on its first count: the actor facet reads a thousand
        terms)."""
        mask = to_mask(docs, self.docsets.size) & to_mask(self.docsets.all(), self.docsets.size)
        out: dict[str, list[tuple[str, int]]] = {}
        for name in FACETS:
            if name not in names:
                continue
            facet = self.facet(name)
            numbers = np.bincount(facet.value_of[mask[facet.docnums]], minlength=len(facet.values))
            counts = [(facet.values[i], int(numbers[i])) for i in np.flatnonzero(numbers)]
            if name == "year":
                counts.sort(key=lambda vn: vn[0], reverse=True)
            else:
                counts.sort(key=lambda vn: (-vn[1], vn[0]))
            out[name] = counts
        return out
