"""Sortable columns (date, year, order number) as arrays, one value per document.

Whoosh answers a date range by expanding it into the terms of the range and walking their
postings (97-800 ms at 100,000 documents); reading the column once per searcher answers
any range, sort or date lookup with array operations.
"""

from __future__ import annotations

import numpy as np
from whoosh.reading import IndexReader

# What Whoosh's numeric columns hold for a document without a value (unsigned maximum).
MISSING = {"date": 2**64 - 1, "year": 2**32 - 1, "order": 2**32 - 1}


def read_column(reader: IndexReader, fieldname: str) -> np.ndarray:
    """The raw (untranslated) column `fieldname` for every document, as unsigned integers."""
    parts = []
    for segment, _ in reader.leaf_readers():
        count = segment.doc_count_all()
        if not segment.has_column(fieldname):
            parts.append(np.full(count, MISSING.get(fieldname, 0), np.uint64))
            continue
        column = segment.column_reader(fieldname, translate=False)
        parts.append(_values(column, count))
    return np.concatenate(parts) if parts else np.zeros(0, np.uint64)


def _values(column: object, count: int) -> np.ndarray:
    typecode = getattr(column, "_typecode", None)
    if typecode is None or not hasattr(column, "_dbfile"):  # not a fixed-width numeric column
        return np.fromiter(iter(column), np.uint64, count)  # type: ignore[call-overload]
    stored = column._count  # type: ignore[attr-defined]
    raw = column._dbfile.get(column._basepos, stored * column._fixedlen)  # type: ignore[attr-defined]
    values = np.frombuffer(raw, np.dtype(typecode).newbyteorder(">")).astype(np.uint64)
    if stored < count:  # documents past the last value written hold the default
        values = np.concatenate([values, np.full(count - stored, column._default, np.uint64)])  # type: ignore[attr-defined]
    return values[:count]
