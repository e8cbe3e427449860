"""Writes in batches that commit only on success; the manifest follows each commit.

One writer holds the index's lock from `__enter__` to `__exit__`, across all its batches,
so no other process can commit between two batches and make its manifest stale.
"""

from __future__ import annotations

import hashlib
import signal
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from whoosh.index import FileIndex
from whoosh.util.filelock import FileLock
from whoosh.reading import SegmentReader
from whoosh.writing import NO_MERGE, SegmentWriter

from eoreader.ingest import Change
from eoreader.ingest.manifest import Batch, Entry, Manifest
from eoreader.search import store
from eoreader.search.schema import to_fields
from eoreader.search.runs import Runs
from eoreader.search.segment import Writer

# A killed run loses at most one batch: a few hundred documents or a few seconds of work.
BATCH_DOCS = 300
BATCH_SECONDS = 5.0


class Unindexable(ValueError):
    """A parsed document the index cannot hold (its fields fail to convert); the message says why."""


class BatchWriter:
    """Adds documents and commits every batch; the manifest is saved after each commit."""

    def __init__(self, ix: FileIndex, folder: Path) -> None:
        self.ix, self.folder = ix, folder
        self.manifest = Manifest()
        self.committed = 0
        self._lock: FileLock | None = None
        self._writer: SegmentWriter | None = None
        self._entries: list[Entry] = []
        self._ids: set[str] = set()
        self._deleted: list[str] = []
        self._started = 0.0
        self._run_segments: set[str] = set()
        # This run's segments' postings, which its last commit merges (runs.py).
        self._runs = Runs()

    def __enter__(self) -> BatchWriter:
        """Take the lock (waiting a few seconds), then read the manifest it protects."""
        self._lock = store.acquire_lock(self.folder)
        try:
            self.manifest = Manifest.load(self.folder, store.generation(self.ix))
            if self.manifest.replayed:
                self.manifest.save(self.folder)
        except BaseException:
            self._lock.release()
            raise
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            if exc_type is None:
                self.commit(final=True)
            else:
                self._abort()
        finally:
            self._runs.close()
            if self._lock is not None:
                self._lock.release()

    def write(self, change: Change) -> None:
        """Add or replace `change.document`; commits when the batch is full."""
        doc_id = change.document.id
        if doc_id in self._ids:
            # Whoosh replaces only committed documents: a second version of one in this
            # batch would leave both.
            self.commit()
        try:
            fields = to_fields(change.document)
        except (ValueError, TypeError, OverflowError) as exc:
            raise Unindexable(f"cannot be indexed ({type(exc).__name__}: {exc})") from exc
        text_hash = stored_hash(fields["data"])
        self._open().update_document(**fields)
        self._ids.add(doc_id)
        self._entries.extend(_with_hash(e, text_hash) for e in change.entries)
        if len(self._ids) >= BATCH_DOCS or time.monotonic() - self._started > BATCH_SECONDS:
            self.commit()

    def delete(self, doc_id: str) -> None:
        self._open().delete_by_term("id", doc_id)
        self._deleted.append(doc_id)

    def commit(self, final: bool = False) -> None:
        """Commit the batch in flight, then record it in the manifest."""
        if final and self._writer is None and self._mergeable() >= 2:
            self._open()
        writer, self._writer = self._writer, None
        if writer is None:
            if final:
                self._save_unchanged()
            return
        batch = Batch(writer.generation, self._entries, self._deleted)
        with _interrupts_deferred():
            try:
                self.manifest.save_pending(self.folder, batch)
                if writer._added:
                    self._run_segments.add(writer.newsegment.segment_id())
                # Batches commit without merging, so each commit stays cheap; the last one
                # merges what the run wrote (ten segments search 50% slower than one).
                writer.commit(mergetype=self._merge_run if final else NO_MERGE)
            except BaseException:
                _cancel(writer)
                raise
            live = store.live_files(self.ix)
            store.sync(self.folder, live)
            batch.index_files = store.digests(self.folder, live, self.manifest.index_files)
            if final:
                self.manifest.record(batch)
                self.manifest.save(self.folder)
            else:
                self.manifest.log(self.folder, batch)
            # Counted before a held ctrl-c is let through, so the message counts this batch.
            self.committed += len(self._ids)
            self._entries, self._ids, self._deleted = [], set(), []

    def _mergeable(self) -> int:
        return sum(1 for seg in self.ix._segments() if self._should_merge(seg))

    def _should_merge(self, segment: Any) -> bool:
        # Small segments of earlier runs are merged too, so many small ingests do not pile up.
        return segment.segment_id() in self._run_segments or segment.doc_count() < BATCH_DOCS

    def _merge_run(self, writer: SegmentWriter, segments: list[Any]) -> list[Any]:
        """Whoosh merge policy: this run's segments and any small ones go into the new one."""
        merge = [seg for seg in segments if self._should_merge(seg)]
        if len(merge) + writer._added < 2:
            return segments
        for segment in merge:
            reader = SegmentReader(writer.storage, writer.schema, segment)
            writer.add_reader(reader)
            reader.close()
        return [seg for seg in segments if seg not in merge]

    def _open(self) -> SegmentWriter:
        if self._writer is None:
            # _lk=False: this object already holds the lock, for the whole run. What
            # ix.writer() makes, with each field's lengths read once at commit (segment.py).
            self._writer = Writer(self.ix, _lk=False, limitmb=256, runs=self._runs)
            self._started = time.monotonic()
        return self._writer

    def _abort(self) -> None:
        writer, self._writer = self._writer, None
        if writer is not None:
            _cancel(writer)

    def _save_unchanged(self) -> None:
        """A run with nothing to commit still saves new mtimes, and folds in logged batches."""
        live = store.live_files(self.ix)
        self.manifest.generation = store.generation(self.ix)
        self.manifest.index_files = store.digests(self.folder, live, self.manifest.index_files)
        self.manifest.save(self.folder)


def stored_hash(data: bytes) -> str:
    """sha256 of a document as the index stores it (its JSON, uncompressed)."""
    return hashlib.sha256(zlib.decompress(data)).hexdigest()


def _with_hash(entry: Entry, text_hash: str) -> Entry:
    entry.text_sha256 = text_hash
    return entry


def _cancel(writer: SegmentWriter) -> None:
    """Drop a writer's uncommitted segment, even one a failed commit left half-closed."""
    try:
        writer.cancel()
    except Exception:  # noqa: BLE001  the error that got us here is the one to report
        writer.is_closed = True


@contextmanager
def _interrupts_deferred() -> Iterator[None]:
    """Hold ctrl-c until the commit and the manifest that records it are both written."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[Any] = []
    previous = signal.signal(signal.SIGINT, lambda *args: caught.append(args))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught and callable(previous):
        previous(*caught[0])
