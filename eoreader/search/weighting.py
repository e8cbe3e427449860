"""BM25F with field lengths held in memory.

Whoosh reads a document's field length from its column file for every posting it scores;
the index is opened without mmap (whoosh-at-scale.md), so each is a seek and a read, and
they were a third of query time. Each segment's length column (one byte per document) is
read once instead, and the scorer looks lengths up in it.
"""

from __future__ import annotations

import weakref
from typing import Any

from whoosh import scoring
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.util.numeric import byte_to_length

# Whoosh's BM25F defaults.
B, K1 = 0.75, 1.2
_LENGTHS = [float(byte_to_length(b)) or 1.0 for b in range(256)]


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
        return bytes(column._dbfile.get(column._basepos, column._count))
    except AttributeError:  # another codec: score through Whoosh's own per-document reads
        return None


class BM25F(scoring.BM25F):
    """Whoosh's BM25F, reading field lengths from a LengthCache."""

    def __init__(self, cache: LengthCache, **kwargs: float) -> None:
        super().__init__(B=B, K1=K1, **kwargs)
        self.cache = cache

    def scorer(self, searcher: Any, fieldname: str, text: bytes, qf: int = 1) -> scoring.BaseScorer:
        if not searcher.schema[fieldname].scorable:
            return scoring.WeightScorer.for_(searcher, fieldname, text)
        lengths = self.cache.lengths(searcher.reader(), fieldname)
        b = self._field_B.get(fieldname, self.B)
        if lengths is None:
            return scoring.BM25FScorer(searcher, fieldname, text, b, self.K1, qf=qf)
        return _Scorer(searcher, fieldname, text, b, self.K1, qf, lengths)


class _Scorer(scoring.BM25FScorer):
    def __init__(self, searcher: Any, fieldname: str, text: bytes, b: float, k1: float, qf: int,
                 lengths: bytes) -> None:
        super().__init__(searcher, fieldname, text, b, k1, qf=qf)
        self._lengths = lengths
        # bm25(): idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avgfl)), constants folded.
        self._num = self.idf * (k1 + 1)
        self._base = k1 * (1 - b)
        self._per_length = k1 * b / self.avgfl

    def score(self, matcher: Any) -> float:
        tf = matcher.weight()
        length = _LENGTHS[self._lengths[matcher.id()]]
        return float(self._num * tf / (tf + self._base + self._per_length * length))
