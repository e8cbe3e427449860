"""BM25F's constants and each segment's field lengths, held in memory.

Whoosh reads a document's field length from its column file for every posting it scores;
the index is opened without mmap (whoosh-at-scale.md), so each is a seek and a read.
Each segment's length column (one byte per document) is read once instead, and scoring
(postings.py) looks lengths up in it.
"""

from __future__ import annotations

import weakref
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.util.numeric import byte_to_length

# Whoosh's BM25F defaults.
B, K1 = 0.75, 1.2
# Field length by its stored byte (Whoosh keeps lengths as one lossy byte).
_LENGTHS = np.asarray([float(byte_to_length(b)) or 1.0 for b in range(256)], np.float64)


def length_table() -> np.ndarray:
    """Field length by its stored byte, as an array to index with a column of bytes."""
    return _LENGTHS


class LengthCache:
    """Each segment's field lengths, one byte per document, read once."""

    def __init__(self) -> None:
        self._segments: weakref.WeakKeyDictionary[Any, dict[str, bytes | None]] = weakref.WeakKeyDictionary()

    def lengths(self, reader: Any, fieldname: str) -> bytes | None:
        """The length bytes of `fieldname` in segment `reader`, None if they cannot be read whole."""
        fields = self._segments.setdefault(reader, {})
        if fieldname not in fields:
            fields[fieldname] = _read_column(reader, fieldname)
        return fields[fieldname]


def _read_column(reader: Any, fieldname: str) -> bytes | None:
    try:
        column = reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if column is None:
            return None
        stored = bytes(column._dbfile.get(column._basepos, column._count))
        # Documents past the last length written have none (the byte 0).
        return stored.ljust(reader.doc_count_all(), b"\0")
    except AttributeError:  # another codec: postings.py asks the reader document by document
        return None
