"""Whoosh's segment writer, with less work per posting at commit.

At commit Whoosh writes each posting with its document's field length, which it reads
from the segment's length column one posting at a time: a quarter of the commit's time.
Merging a segment, it reads every posting of it into its sorting pool (a Python call
each, spilled to disk past `limitmb`) to sort what is already sorted; the segment's
postings are merged straight into the new segment's instead, read back from the copy
`Runs` kept when the segment was written in this run, else from the segment.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from typing import Any

from whoosh.reading import SegmentReader
from whoosh.writing import PostingPool, SegmentWriter

from eoreader.search.runs import Post, Runs


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

    def __init__(self, *args: Any, runs: Runs | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kept = runs
        self.sources: list[Iterable[Post]] = []
        self.readers: list[SegmentReader] = []

    def iter_postings(self) -> Iterator[Post]:
        """The pool's postings and those of the merged segments, in order."""
        if self.sources:
            return self._merged()
        if self.kept is None:
            return super().iter_postings()
        # A segment that merges none may be merged by the run's last commit: keep a copy.
        return self.kept.tee(self.segment.segment_id(), super().iter_postings())

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

    def __init__(self, ix: Any, limitmb: int = 128, runs: Runs | None = None, **kwargs: Any) -> None:
        super().__init__(ix, limitmb=limitmb, **kwargs)
        # SegmentWriter takes a poolclass argument but ignores it; its pool is still empty.
        self.pool = MergingPool(self._tempstorage, self.newsegment, limitmb=limitmb, runs=runs)

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
        kept = self.pool.kept.postings(reader.segment().segment_id()) if self.pool.kept else None
        if kept is not None:
            self.pool.sources.append(_renumbered(kept, basedoc, docmap))
        else:
            own = SegmentReader(self.storage, self.schema, reader.segment())
            self.pool.readers.append(own)
            self.pool.sources.append(self._process_posts(own.iter_postings(), basedoc, docmap))
        self._added = True


def _renumbered(postings: Iterable[Post], basedoc: int, docmap: dict[int, int] | None) -> Iterator[Post]:
    """A segment's postings with their new document numbers; those of deleted documents
    (absent from `docmap`) left out."""
    if docmap is None:
        for field, text, docnum, weight, value in postings:
            yield field, text, basedoc + docnum, weight, value
        return
    for field, text, docnum, weight, value in postings:
        new = docmap.get(docnum)
        if new is not None:
            yield field, text, new, weight, value

    def per_document_reader(self) -> Any:
        """The new segment's per-document reader, its lengths kept (the segment is final)."""
        return Lengths(super().per_document_reader())
