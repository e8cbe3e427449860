"""Sets of documents as bitmaps (Python ints): whole result sets counted at C speed.

Totals and facet counts need every matching document, not the top ten. Iterating Whoosh's
union matchers costs about a microsecond per document per term; instead each term's
postings (postings.py) become a bitmap once (cached), ranges come from the columns
(columns.py), a query's set is those bitmaps OR-ed and AND-ed, and a facet count is
`(results & value).bit_count()`.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from itertools import islice

import numpy as np
from whoosh.fields import DATETIME
from whoosh.query import (
    And, AndMaybe, AndNot, ConstantScoreQuery, DisjunctionMax, Every, NullQuery, NumericRange, Or, Phrase,
    Query, Require, Term,
)
from whoosh.query.wrappers import WrappingQuery
from whoosh.searching import Searcher

from eoreader.search.columns import MISSING, read_column
from eoreader.search.deadline import NO_DEADLINE, Deadline
from eoreader.search.phrases import phrase_docs
from eoreader.search.postings import PostingCache

# Bitmaps of this many terms stay cached: ~12 KB each at 100,000 documents.
CACHED_TERMS = 2000
# Phrases whose matching was cut short by a deadline, kept to resume on the next search.
UNFINISHED = 16
# Documents a resumed matcher reads between looks at the clock.
STRIDE = 64
# Seconds of a search's budget a phrase leaves for scoring and building the hits.
RESERVE = 0.015


def to_bitmap(docnums: Iterable[int] | np.ndarray, size: int) -> int:
    """The bitmap of `docnums` (each below `size`)."""
    mask = np.zeros(size, bool)
    ids = docnums if isinstance(docnums, np.ndarray) else np.fromiter(docnums, np.int64)
    mask[ids] = True
    return from_mask(mask)


def from_mask(mask: np.ndarray) -> int:
    return int.from_bytes(np.packbits(mask, bitorder="little").tobytes(), "little")


def to_mask(bitmap: int, size: int) -> np.ndarray:
    """`bitmap` as an array of `size` booleans."""
    data = np.frombuffer(bitmap.to_bytes((size + 7) >> 3, "little"), np.uint8)
    return np.unpackbits(data, count=size, bitorder="little").view(bool)


def members(bitmap: int) -> list[int]:
    """The document numbers set in `bitmap`, ascending."""
    size = bitmap.bit_length()
    return np.flatnonzero(to_mask(bitmap, size)).tolist() if size else []


class DocSets:
    """Bitmaps of queries over one searcher (one generation of the index)."""

    def __init__(self, searcher: Searcher, postings: PostingCache) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.postings = postings
        self.size = self.reader.doc_count_all()
        self._columns: dict[str, np.ndarray] = {}
        self._frequencies: dict[tuple[str, str], int] = {}
        self._unfinished: OrderedDict[str, tuple[int, Iterator[int]]] = OrderedDict()
        self._terms: OrderedDict[tuple[str, str | bytes], int] = OrderedDict()
        self._all: int | None = None
        self._lock = threading.Lock()

    def frequency(self, fieldname: str, word: str) -> int:
        """How many documents hold `word` in `fieldname` (Whoosh's look-up is a few reads of
        the unmapped term table: remembered, as links ask for the same words again)."""
        key = (fieldname, word)
        found = self._frequencies.get(key)
        if found is None:
            found = self._frequencies[key] = self.reader.doc_frequency(fieldname, word)
        return found

    def all(self) -> int:
        """Every live document."""
        if self._all is None:
            full = (1 << self.size) - 1
            self._all = to_bitmap(self.reader.all_doc_ids(), self.size) if self.reader.has_deletions() else full
        return self._all

    def term(self, fieldname: str, text: str) -> int:
        key = (fieldname, text)
        with self._lock:  # a cancelled search may still run beside the next one (TUI workers)
            cached = self._terms.get(key)
            if cached is not None:
                self._terms.move_to_end(key)
                return cached
        bitmap = to_bitmap(self.postings.get(fieldname, text).ids, self.size) & self.all()
        with self._lock:
            self._terms[key] = bitmap
            if len(self._terms) > CACHED_TERMS:
                self._terms.popitem(last=False)
        return bitmap

    def of(self, query: Query | None, deadline: Deadline = NO_DEADLINE) -> int:
        """The documents `query` matches; those found so far if `deadline` passes first."""
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
                out |= self.of(sub, deadline)
            return out
        if isinstance(query, And):
            out = self.all()
            for sub in query.subqueries:
                out &= self.of(sub, deadline)
                if not out:
                    break
            return out
        if isinstance(query, AndNot):
            return self.of(query.a, deadline) & ~self.of(query.b, deadline)
        if isinstance(query, (AndMaybe,)):
            return self.of(query.a, deadline)
        if isinstance(query, Require):
            return self.of(query.a, deadline) & self.of(query.b, deadline)
        if isinstance(query, (ConstantScoreQuery, WrappingQuery)):
            return self.of(query.child, deadline)
        if isinstance(query, NumericRange) and query.fieldname in MISSING:
            return self.range(query)
        # Phrases and the rest: their own matcher, remembered like a term's postings (a
        # phrase is re-run on every key typed after it).
        key = repr(query)
        with self._lock:
            cached = self._terms.get(("", key))
        if cached is None:
            cached = self._matched(key, query, deadline)
        return cached

    def _matched(self, key: str, query: Query, deadline: Deadline) -> int:
        """The documents of a phrase (phrases.py, a few microseconds a candidate) or of a
        query without a faster path (Whoosh's matcher). When the deadline passes, the
        documents found so far; the next search resumes from there."""
        with self._lock:
            found, ids = self._unfinished.pop(key, (0, None))
        if ids is None:
            ids = phrase_docs(self.postings, query) if isinstance(query, Phrase) else iter(query.docs(self.searcher))
        while True:
            if deadline.passed(RESERVE):
                deadline.give_up()
                with self._lock:
                    self._unfinished[key] = (found, ids)
                    if len(self._unfinished) > UNFINISHED:
                        self._unfinished.popitem(last=False)
                return found & self.all()
            chunk = np.fromiter(islice(ids, STRIDE), np.int64)
            if len(chunk):
                found |= to_bitmap(chunk, self.size)
            if len(chunk) < STRIDE:
                break
        found &= self.all()
        with self._lock:
            self._terms[("", key)] = found
            if len(self._terms) > CACHED_TERMS:
                self._terms.popitem(last=False)
        return found

    def column(self, fieldname: str) -> np.ndarray:
        """The raw values of a sortable column, read once per searcher."""
        with self._lock:
            found = self._columns.get(fieldname)
        if found is None:
            found = read_column(self.reader, fieldname)
            with self._lock:
                self._columns[fieldname] = found
        return found

    def range(self, query: NumericRange) -> int:
        """The documents whose column value lies in the range (dates as Whoosh's longs)."""
        values = self.column(query.fieldname)
        field = self.searcher.schema[query.fieldname]
        # Columns hold dates as Whoosh's longs (as the query does) and numbers made sortable.
        sortable = (lambda v: v) if isinstance(field, DATETIME) else field.to_column_value
        start, end = query.start, query.end
        low = 0 if start is None else int(sortable(start)) + bool(query.startexcl)
        high = MISSING[query.fieldname] - 1 if end is None else int(sortable(end)) - bool(query.endexcl)
        inside = (values >= np.uint64(max(low, 0))) & (values <= np.uint64(high))
        return from_mask(inside) & self.all()
