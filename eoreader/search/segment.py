"""Whoosh's segment writer, with less work per posting at commit.

At commit Whoosh writes each posting with its document's field length, which it reads
from the segment's length column one posting at a time: a quarter of the commit's time.
Merging a segment, it reads every posting of it into its sorting pool (a Python call
each, spilled to disk past `limitmb`) to sort what is already sorted; the segment's
postings are merged straight into the new segment's instead.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from typing import Any

from whoosh.reading import SegmentReader
from whoosh.writing import PostingPool, SegmentWriter

Post = tuple[str, bytes, int, float, bytes]


class Lengths:
    """A per-document reader whose field lengths are read once per field and then kept."""

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._lengths: dict[str, list[int | None]] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int | None:
        """What the reader's `doc_field_length` gives, from a list filled on first use."""
        lengths = self._lengths.get(fieldname)
        if lengths is None:
            read = self._reader.doc_field_length
            lengths = [read(doc, fieldname, default) for doc in range(self._reader.doc_count_all())]
            self._lengths[fieldname] = lengths
        return lengths[docnum]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._reader, name)


class MergingPool(PostingPool):
    """A posting pool that, at commit, merges in the sorted postings of segments being merged."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sources: list[Iterable[Post]] = []
        self.readers: list[SegmentReader] = []

    def iter_postings(self) -> Iterator[Post]:
        """The pool's postings and those of the merged segments, in order."""
        if not self.sources:
            return super().iter_postings()
        return self._merged()

    def _merged(self) -> Iterator[Post]:
        try:
            # Each source is sorted by (field, term, new document number), and no two
            # sources hold the same document: a k-way merge is the pool's sort.
            yield from heapq.merge(super().iter_postings(), *self.sources)
        finally:
            self._close()

    def cleanup(self) -> None:
        self._close()
        super().cleanup()

    def _close(self) -> None:
        readers, self.readers, self.sources = self.readers, [], []
        for reader in readers:
            reader.close()


class Writer(SegmentWriter):
    """A SegmentWriter whose commit reads each field's document lengths once, and which
    merges segments without sorting their postings again."""

    def __init__(self, ix: Any, limitmb: int = 128, **kwargs: Any) -> None:
        super().__init__(ix, limitmb=limitmb, **kwargs)
        # SegmentWriter takes a poolclass argument but ignores it; its pool is still empty.
        self.pool = MergingPool(self._tempstorage, self.newsegment, limitmb=limitmb)

    def add_reader(self, reader: Any) -> None:
        """Add a segment's documents now and its postings at commit (as they are read then,
        the segment is opened again and kept open until the commit)."""
        if not isinstance(reader, SegmentReader):
            super().add_reader(reader)
            return
        self._check_state()
        basedoc = self.docnum
        indexed = {name for name in reader.indexed_field_names() if name in self.schema}
        docmap = self.write_per_doc(set(self.schema.names()) | indexed, reader)
        own = SegmentReader(self.storage, self.schema, reader.segment())
        self.pool.readers.append(own)
        self.pool.sources.append(self._process_posts(own.iter_postings(), basedoc, docmap))
        self._added = True

    def per_document_reader(self) -> Any:
        """The new segment's per-document reader, its lengths kept (the segment is final)."""
        return Lengths(super().per_document_reader())
