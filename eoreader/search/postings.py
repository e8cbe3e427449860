"""Posting lists as arrays: each term's documents and BM25F weights, read a block at a time.

Whoosh's matchers hand out one posting per Python call, about a microsecond each: a word
in most of 100,000 documents costs a tenth of a second per field, on every query. Here a
term's postings are read block by block into numpy arrays (document numbers, and each
posting's BM25F weight for this searcher's statistics), kept while they are in use, and
queries are scored and counted with array operations (scoring.py, docsets.py).
"""

from __future__ import annotations

import io
import pickle
import struct
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Any, NamedTuple, TypeVar

import numpy as np
# ISA-L's inflate, twice zlib's speed on posting blocks (a word in most documents is ~1 MB of
# them), with the same format and checksum.
from isal import isal_zlib
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.searching import Searcher

from eoreader.search.store import DamagedIndex, describe, segment_file
from eoreader.search.weighting import B, K1, LengthCache, length_table

T = TypeVar("T")
# The length before each block of a posting list (Whoosh's "!i").
_INT = struct.Struct("!i")

# Arrays of this many postings in all stay cached (8 bytes each: at most 48 MB).
CACHED_POSTINGS = 6_000_000

_EMPTY_IDS = np.zeros(0, np.int32)
_EMPTY_WEIGHTS = np.zeros(0, np.float32)


class Postings(NamedTuple):
    """One term's documents (ascending, global numbers) and its BM25F weight in each."""

    ids: np.ndarray
    weights: np.ndarray


class PostingCache:
    """The postings of the terms queries use, over one searcher (one index generation)."""

    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.size = self.reader.doc_count_all()
        self._lengths = LengthCache()
        self._cache: OrderedDict[tuple[str, bytes], Postings] = OrderedDict()
        self._held = 0
        self._lock = threading.Lock()

    def get(self, fieldname: str, text: bytes) -> Postings:
        """The postings of `text` in `fieldname`, empty when no document holds it."""
        key = (fieldname, text)
        with self._lock:
            found = self._cache.get(key)
            if found is not None:
                self._cache.move_to_end(key)
                return found
        found = self._read(fieldname, text)
        with self._lock:
            self._cache[key] = found
            self._held += len(found.ids)
            while self._held > CACHED_POSTINGS and len(self._cache) > 1:
                _, old = self._cache.popitem(last=False)
                self._held -= len(old.ids)
        return found

    def _read(self, fieldname: str, text: bytes) -> Postings:
        if fieldname not in self.searcher.schema or (fieldname, text) not in self.reader:
            return Postings(_EMPTY_IDS, _EMPTY_WEIGHTS)
        field = self.searcher.schema[fieldname]
        ids, tfs, lengths = [], [], []
        for segment, base in self.reader.leaf_readers():
            if (fieldname, text) not in segment:
                continue
            seg_ids, seg_tfs = read_or_name_damage(segment, f"postings of {fieldname}:{text!r}",
                                                   lambda: _segment_postings(segment, fieldname, text))
            ids.append(seg_ids + base)
            tfs.append(seg_tfs)
            if field.scorable:
                table = self._lengths.lengths(segment, fieldname)
                lengths.append(_lengths_of(segment, fieldname, seg_ids, table))
        if not ids:
            return Postings(_EMPTY_IDS, _EMPTY_WEIGHTS)
        all_ids = np.concatenate(ids).astype(np.int32)
        tf = np.concatenate(tfs)
        if not field.scorable:  # Whoosh scores an ID field by the posting's weight alone
            return Postings(all_ids, tf.astype(np.float32))
        length = np.concatenate(lengths)
        idf = float(self.searcher.idf(fieldname, text))
        avgfl = self.searcher.avg_field_length(fieldname) or 1.0
        # Whoosh's bm25(): idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avgfl)).
        weights = idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avgfl))
        return Postings(all_ids, weights.astype(np.float32))


def field_ids(reader: Any, fieldname: str) -> dict[bytes, np.ndarray]:
    """Every term of `fieldname` with its documents (global numbers, deleted ones too), read
    in one walk of each segment's term table: a facet of a thousand values in a few
    milliseconds, where looking each term up costs about 0.3 ms."""
    found: dict[bytes, list[np.ndarray]] = {}
    for segment, base in reader.leaf_readers():
        if not segment.doc_count_all():  # an empty index has a reader with no term table
            continue
        for (field, text), info in segment._terms.items_from(fieldname, b""):
            if field != fieldname:
                break
            ids, _ = read_or_name_damage(segment, f"postings of {fieldname}:{text!r}",
                                         lambda i=info: _from_info(segment, i))
            found.setdefault(text, []).append(ids + base)
    return {text: np.concatenate(parts).astype(np.int32) for text, parts in found.items()}


def read_or_name_damage(segment: Any, what: str, read: Callable[[], T]) -> T:
    """`read()`, whose failure on a damaged segment (Whoosh has no checksums: bad bytes
    raise whatever they lead to) becomes a DamagedIndex naming the segment's file."""
    try:
        return read()
    except Exception as exc:  # noqa: BLE001  any type at all, from garbled bytes
        raise DamagedIndex(segment_file(segment.segment()), f"{what} {describe(exc)}; run eoreader check --fix") from exc


def _segment_postings(segment: Any, fieldname: str, text: bytes) -> tuple[np.ndarray, np.ndarray]:
    """Document numbers (in the segment) and term frequencies, deleted documents included
    (docsets.py masks them out)."""
    return _from_info(segment, segment._terms.term_info(fieldname, text))


def _from_info(segment: Any, info: W3TermInfo) -> tuple[np.ndarray, np.ndarray]:
    """A term's document numbers and frequencies, from its term info: the blocks' numbers
    gathered into one list and converted once (a word in most documents has a thousand
    blocks; an array each cost as much as decoding them)."""
    deltas: list[int] = []
    tfs: list[float] = []
    starts: list[int] = []
    for block in blocks(segment, info):
        block_deltas, weights = block.head()
        starts.append(len(deltas))
        deltas.extend(block_deltas)
        if weights is None:
            tfs.extend([1.0] * len(block_deltas))
        elif isinstance(weights, float):
            tfs.extend([weights] * len(block_deltas))
        else:
            tfs.extend(weights)
    # Each block's deltas count from zero: a running sum, restarted at each block.
    sums = np.cumsum(np.asarray(deltas, np.int64))
    before = np.concatenate([[0], sums[np.asarray(starts[1:], np.int64) - 1]])
    ids = sums - np.repeat(before, np.diff([*starts, len(deltas)]))
    return ids, np.asarray(tfs, np.float64)


class Block(NamedTuple):
    """One block of a posting list: its last document, and how to decode it (ids as an
    array; weights None, one float, or one each; values, e.g. encoded positions), or only
    its ids, as deltas (the first from zero), and weights."""

    max_id: int
    load: Callable[[], tuple[np.ndarray, Any, Any]]
    head: Callable[[], tuple[Sequence[int], Any]]


def blocks(segment: Any, info: W3TermInfo) -> Iterator[Block]:
    """The blocks of a term's postings in `segment`, read with one read of the postings
    file (Whoosh's matcher makes a dozen small ones a block): after a magic number, each
    block is a length (negative for the last), a pickled header and the (compressed)
    pickled tuple of id deltas, weights and values."""
    if info.is_inlined():  # a short list kept in the term table itself
        ids, weights, values = info.inlined_postings()
        yield Block(ids[-1], lambda: (np.asarray(ids, np.int64), weights, values),
                    lambda: ([ids[0], *(b - a for a, b in zip(ids, ids[1:]))], weights))
        return
    offset, length = info.extent()
    if isinstance(length, tuple):  # whoosh-reloaded keeps the length as a 1-tuple
        (length,) = length
    data = segment._terms._postfile.get(offset, length)
    if data[:4] != WHOOSH3_HEADER_MAGIC:
        raise ValueError("no posting list here (bad magic number)")
    stream = io.BytesIO(data)
    position = 4
    while True:
        (size,) = _INT.unpack_from(data, position)
        stream.seek(position + _INT.size)
        count, max_id, _, compression, _, _ = pickle.load(stream)
        end = position + _INT.size + abs(size)
        yield Block(max_id, partial(_load, data, stream.tell(), end, compression),
                    partial(_head, data, stream.tell(), end, compression, count))
        if size < 0:
            return
        position = end


def _load(data: bytes, start: int, end: int, compression: int) -> tuple[np.ndarray, Any, Any]:
    deltas, weights, values = _unpickle(data, start, end, compression)
    # Each block's ids are deltas from zero: its first id is absolute.
    return np.cumsum(np.asarray(deltas, np.int64)), weights, values


def _unpickle(data: bytes, start: int, end: int, compression: int) -> tuple[Sequence[int], Any, Any]:
    raw = data[start:end]
    return pickle.loads(isal_zlib.decompress(raw) if compression else raw)  # type: ignore[no-any-return]


# How a block's pickle (protocol 2) starts its values: each posting's encoded positions are
# bytes, which protocol 2 pickles as a call of this global.
_VALUES = b"c_codecs\nencode\n"
# A delta takes at most 5 bytes of pickle, a weight 9.
_HEAD_BYTES_PER_POSTING = 14


def _head(data: bytes, start: int, end: int, compression: int, count: int) -> tuple[Sequence[int], Any]:
    """A block's ids and weights without its values: the pickle is cut where the values
    start (unpickling each posting's positions is most of the cost of reading a word's
    documents, and scoring needs none of them). It is still decompressed whole: only the
    end of the stream checks that its bytes are undamaged."""
    raw = data[start:end]
    if compression:
        raw = isal_zlib.decompress(raw)
    cut = raw.find(_VALUES, 0, count * _HEAD_BYTES_PER_POSTING + 64)
    if cut > 0:
        if raw[cut - 1:cut] == b"(":  # values of more than three postings open with a mark
            cut -= 1
        try:
            deltas, weights = pickle.loads(raw[:cut] + b"\x86.")  # the two on the stack as a pair, stop
        except (pickle.UnpicklingError, ValueError, TypeError, KeyError, EOFError, IndexError):
            deltas, weights = None, None  # not the layout expected: read the whole block
        if (isinstance(deltas, tuple) and len(deltas) == count
                and (not isinstance(weights, tuple) or len(weights) == count)):
            return deltas, weights
    deltas, weights, _ = _unpickle(data, start, end, compression)
    return deltas, weights


def _lengths_of(segment: Any, fieldname: str, ids: np.ndarray, table: bytes | None) -> np.ndarray:
    if table is not None:
        return length_table()[np.frombuffer(table, np.uint8)[ids]]
    return np.asarray([segment.doc_field_length(int(d), fieldname, 1) or 1 for d in ids], np.float64)
