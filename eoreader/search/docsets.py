"""Sets of documents as bitmaps (Python ints): whole result sets counted at C speed.

Totals and facet counts need every matching document, not the top ten. Iterating Whoosh's
union matchers costs about a microsecond per document per term; instead each term's
postings become a bitmap once (cached), a query's set is those bitmaps OR-ed and AND-ed,
and a facet count is `(results & value).bit_count()`.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable

from whoosh.query import (
    And, AndMaybe, AndNot, ConstantScoreQuery, DisjunctionMax, Every, NullQuery, Or, Query, Require,
    Term,
)
from whoosh.query.wrappers import WrappingQuery
from whoosh.searching import Searcher

# Bitmaps of this many terms stay cached: ~12 KB each at 100,000 documents.
CACHED_TERMS = 2000


def to_bitmap(docnums: Iterable[int], size: int) -> int:
    bits = bytearray((size >> 3) + 1)
    for docnum in docnums:
        bits[docnum >> 3] |= 1 << (docnum & 7)
    return int.from_bytes(bits, "little")


def members(bitmap: int) -> list[int]:
    """The document numbers set in `bitmap`, ascending."""
    out = []
    data = bitmap.to_bytes((bitmap.bit_length() + 7) >> 3, "little")
    for index, byte in enumerate(data):
        if byte:
            base = index << 3
            out.extend(base + bit for bit in range(8) if byte >> bit & 1)
    return out


class DocSets:
    """Bitmaps of queries over one searcher (one generation of the index)."""

    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.size = self.reader.doc_count_all()
        self._terms: OrderedDict[tuple[str, str | bytes], int] = OrderedDict()
        self._all: int | None = None
        self._lock = threading.Lock()

    def all(self) -> int:
        """Every live document."""
        if self._all is None:
            self._all = to_bitmap(self.reader.all_doc_ids(), self.size)
        return self._all

    def term(self, fieldname: str, text: str) -> int:
        key = (fieldname, text)
        with self._lock:  # a cancelled search may still run beside the next one (TUI workers)
            cached = self._terms.get(key)
            if cached is not None:
                self._terms.move_to_end(key)
                return cached
        try:
            ids = self.reader.postings(fieldname, text).all_ids() if (fieldname, text) in self.reader else ()
        except KeyError:
            ids = ()
        bitmap = to_bitmap(ids, self.size) & self.all()
        with self._lock:
            self._terms[key] = bitmap
            if len(self._terms) > CACHED_TERMS:
                self._terms.popitem(last=False)
        return bitmap

    def of(self, query: Query | None) -> int:
        """The documents `query` matches."""
        if query is None or isinstance(query, Every):
            return self.all()
        if query is NullQuery or isinstance(query, type(NullQuery)):
            return 0
        if isinstance(query, Term):
            text = query.text
            if isinstance(text, str):
                field = self.searcher.schema[query.fieldname] if query.fieldname in self.searcher.schema else None
                text = field.to_bytes(text) if field is not None else text.encode()
            return self.term(query.fieldname, text)
        if isinstance(query, (Or, DisjunctionMax)):
            out = 0
            for sub in query.subqueries:
                out |= self.of(sub)
            return out
        if isinstance(query, And):
            out = self.all()
            for sub in query.subqueries:
                out &= self.of(sub)
                if not out:
                    break
            return out
        if isinstance(query, AndNot):
            return self.of(query.a) & ~self.of(query.b)
        if isinstance(query, (AndMaybe,)):
            return self.of(query.a)
        if isinstance(query, Require):
            return self.of(query.a) & self.of(query.b)
        if isinstance(query, (ConstantScoreQuery, WrappingQuery)):
            return self.of(query.child)
        # Phrases, ranges and the rest: their own matcher, remembered like a term's postings
        # (a phrase is re-run on every key typed after it).
        key = ("", repr(query))
        with self._lock:
            cached = self._terms.get(key)
        if cached is None:
            cached = to_bitmap(query.docs(self.searcher), self.size) & self.all()
            with self._lock:
                self._terms[key] = cached
                if len(self._terms) > CACHED_TERMS:
                    self._terms.popitem(last=False)
        return cached
