"""Sortable columns (date, year, order number) as arrays, one value per document.

Whoosh answers a date range by expanding it into the terms of the range and walking their
postings (97-800 ms at 100,000 documents); reading the column once per searcher answers
any range, sort or date lookup with array operations.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import numpy as np
from whoosh.reading import IndexReader

from eoreader.search.postings import read_or_name_damage

# What Whoosh's numeric columns hold for a document without a value (unsigned maximum).
MISSING = {"date": 2**64 - 1, "year": 2**32 - 1, "order": 2**32 - 1}
# Whoosh's NUMERIC int columns hold a value shifted by this, to sort unsigned.
INT_SHIFT = 2**31


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


def read_labels(reader: IndexReader, fieldname: str) -> tuple[list[str], np.ndarray]:
    """The values of the sortable text column `fieldname`, sorted, and for every document the
    index of its value among them (-1: no value). A facet's 100,000 (value, document) pairs
    in a few milliseconds, where its terms' postings take 20 ms to read. A damaged column
    raises DamagedIndex naming its segment."""
    parts: list[tuple[list[str], np.ndarray]] = []
    for segment, _ in reader.leaf_readers():
        count = segment.doc_count_all()
        if not segment.has_column(fieldname):
            parts.append(([""], np.zeros(count, np.int64)))
            continue
        parts.append(read_or_name_damage(segment, f"column {fieldname}", partial(_segment_labels, segment, fieldname, count)))
    values = sorted({v for seg_values, _ in parts for v in seg_values} - {""})
    where = {v: i for i, v in enumerate(values)}
    codes = [np.array([where.get(v, -1) for v in seg_values], np.int64)[seg_codes] for seg_values, seg_codes in parts]
    return values, (np.concatenate(codes) if codes else np.zeros(0, np.int64))


def _segment_labels(segment: Any, fieldname: str, count: int) -> tuple[list[str], np.ndarray]:
    column = segment.column_reader(fieldname, translate=False)
    values, codes = _labels(column) or _labels_slowly(column, count)
    return [v.decode() for v in values], codes


# A value of up to this many bytes is known from its first and last eight.
_SHORT = 16
# Columns with more distinct values than this are grouped by sorting.
_FEW = 64


def _labels(column: object) -> tuple[list[bytes], np.ndarray] | None:
    """A VarBytes column's distinct values and each document's index among them, by array
    operations; None when its layout is not the one expected or a value is longer than
    _SHORT bytes."""
    lengths = getattr(column, "_lengths", None)
    if lengths is None or not hasattr(column, "_dbfile"):
        return None
    lengths = np.asarray(lengths, np.int64)
    if not len(lengths) or lengths.max() > _SHORT:
        return None
    stored = getattr(column, "_offsets", None)
    offsets = (np.asarray(stored, np.int64) if stored is not None
               else np.concatenate([[0], np.cumsum(lengths)[:-1]]))
    raw = column._dbfile.get(column._basepos, int((offsets + lengths).max())) + bytes(8)  # type: ignore[attr-defined]
    # Eight bytes read at every byte offset: the first and last eight of each value.
    window = np.ndarray((len(raw) - 7,), "<u8", raw, strides=(1,))
    bits = np.minimum(lengths * 8, 64).astype(np.uint64)
    with np.errstate(over="ignore"):
        # numpy shifts 1 by 64 to 0, so a value of eight bytes or more keeps all 64 bits.
        head = window[offsets] & ((np.uint64(1) << bits) - np.uint64(1))
        tail = np.where(lengths > 8, window[np.maximum(offsets + lengths - 8, 0)], np.uint64(0))
        keys = head * np.uint64(0x9E3779B97F4A7C15) ^ tail * np.uint64(0xC2B2AE3D27D4EB4F) ^ lengths.astype(np.uint64)
    first, codes = _group(keys)
    same = (head == head[first][codes]) & (tail == tail[first][codes]) & (lengths == lengths[first][codes])
    if not same.all():  # two values with one key: count them the slow way
        return None
    return [raw[o:o + n] for o, n in zip(offsets[first].tolist(), lengths[first].tolist())], codes.astype(np.int64)


def _group(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each distinct key, the first document holding it; and each document's key index.
    A column holds a handful of values: one comparison per value beats sorting 100,000."""
    codes = np.full(len(keys), -1, np.int64)
    first: list[int] = []
    while len(first) < _FEW and (unset := codes < 0).any():
        at = int(np.argmax(unset))
        codes[keys == keys[at]] = len(first)
        first.append(at)
    if (codes < 0).any():
        _, at, codes = np.unique(keys, return_index=True, return_inverse=True)
        return at, codes
    return np.array(first, np.int64), codes


def _labels_slowly(column: object, count: int) -> tuple[list[bytes], np.ndarray]:
    values = list(column)  # type: ignore[call-overload]
    distinct = sorted(set(values))
    where = {v: i for i, v in enumerate(distinct)}
    return distinct, np.fromiter((where[v] for v in values), np.int64, count)
