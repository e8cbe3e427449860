"""Writes in batches that commit only on success; the manifest follows each commit."""

from __future__ import annotations

import os
import time
from pathlib import Path
from types import TracebackType

from whoosh.index import FileIndex, LockError
from whoosh.writing import SegmentWriter

from eoreader.ingest import Change
from eoreader.ingest.manifest import Manifest
from eoreader.search.schema import to_fields

# A killed run loses at most one batch: a few hundred documents or a few seconds of work.
BATCH_DOCS = 300
BATCH_SECONDS = 5.0
LOCK_WAIT_SECONDS = 5.0
PID_FILE = "writer.pid"


class IndexBusy(Exception):
    """Another process holds the index's write lock."""


class BatchWriter:
    """Adds documents and commits every batch; `manifest` is saved after each commit."""

    def __init__(self, ix: FileIndex, folder: Path, manifest: Manifest) -> None:
        self.ix, self.folder, self.manifest = ix, folder, manifest
        self.committed = 0
        self._writer: SegmentWriter | None = None
        self._pending: list[Change] = []
        self._deleted: list[str] = []
        self._started = 0.0

    def __enter__(self) -> BatchWriter:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if exc_type is None:
            self.commit(final=True)
        elif self._writer is not None:
            self._writer.cancel()
            self._writer = None

    def _open(self) -> SegmentWriter:
        if self._writer is None:
            try:
                self._writer = self.ix.writer(timeout=LOCK_WAIT_SECONDS, limitmb=256)
            except LockError:
                raise IndexBusy(f"index busy (pid {self._holder()})") from None
            (self.folder / PID_FILE).write_text(str(os.getpid()))
            self._started = time.monotonic()
        return self._writer

    def _holder(self) -> str:
        try:
            return (self.folder / PID_FILE).read_text().strip() or "unknown"
        except OSError:
            return "unknown"

    def write(self, change: Change) -> None:
        self._open().update_document(**to_fields(change.document))
        self._pending.append(change)
        if len(self._pending) >= BATCH_DOCS or time.monotonic() - self._started > BATCH_SECONDS:
            self.commit()

    def delete(self, doc_id: str) -> None:
        self._open().delete_by_term("id", doc_id)
        self._deleted.append(doc_id)

    def commit(self, final: bool = False) -> None:
        """Commit the batch in flight, then record it in the manifest."""
        if self._writer is None:
            if final:
                self.manifest.save(self.folder)
            return
        # Segments are merged only at the end: each batch commit stays cheap.
        self._writer.commit(merge=final)
        self._writer = None
        for change in self._pending:
            for entry in change.entries:
                self.manifest.entries[entry.path] = entry
        self.committed += len(self._pending)
        for doc_id in self._deleted:
            for path in self.manifest.files_of(doc_id):
                del self.manifest.entries[path]
        self._pending, self._deleted = [], []
        self.manifest.save(self.folder)
