"""Facet counts (kind, president, year, actor) over a whole result set, from cached value bitmaps."""

from __future__ import annotations

from whoosh.searching import Searcher

from eoreader.search.docsets import DocSets, to_bitmap

FACETS = ("kind", "president", "year", "actor")
# The index field each facet counts when it is not the facet's own name.
_FIELDS = {"actor": "actors"}


class Facets:
    """Each facet value's documents as a bitmap, built once per searcher."""

    def __init__(self, searcher: Searcher, docsets: DocSets) -> None:
        self.reader = searcher.reader()
        self.docsets = docsets
        self._values: dict[str, dict[str, int]] = {}

    def values(self, facet: str) -> dict[str, int]:
        """value -> bitmap of its documents."""
        if facet not in self._values:
            self._values[facet] = self._year() if facet == "year" else self._terms(facet)
        return self._values[facet]

    def _terms(self, facet: str) -> dict[str, int]:
        field = _FIELDS.get(facet, facet)
        return {text.decode(): self.docsets.term(field, text) for text in self.reader.lexicon(field)}

    def _year(self) -> dict[str, int]:
        """Years from the sortable column: NUMERIC terms hold every trie level, not years."""
        if not self.reader.has_column("year"):
            return {}
        column = self.reader.column_reader("year")
        by_year: dict[int, list[int]] = {}
        for docnum in self.reader.all_doc_ids():
            year = column[docnum]
            if 0 < year < 10_000:  # undated documents hold the column's default
                by_year.setdefault(year, []).append(docnum)
        size = self.docsets.size
        return {str(y): to_bitmap(ids, size) for y, ids in sorted(by_year.items())}

    def count(self, docs: int) -> dict[str, list[tuple[str, int]]]:
        """facet -> [(value, documents)] for the documents in `docs`, most first."""
        out: dict[str, list[tuple[str, int]]] = {}
        for facet in FACETS:
            counts = [(value, (docs & bits).bit_count()) for value, bits in self.values(facet).items()]
            counts = [(v, n) for v, n in counts if n]
            if facet == "year":
                counts.sort(key=lambda vn: vn[0], reverse=True)
            else:
                counts.sort(key=lambda vn: (-vn[1], vn[0]))
            out[facet] = counts
        return out
