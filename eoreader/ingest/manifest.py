"""The manifest: every source file the index was built from, written atomically.

The index is a cache of the sources; the manifest says which file made which document and
records a batch only after the commit that wrote it has returned, so after a crash it never
names a document the index lacks. Just before each commit the batch is written to a pending
file naming the index generation that commit will create: a crash between the commit and
the manifest's record leaves both, and `load()` counts the batch as committed exactly when
the index reached that generation.

Each committed batch is appended to `manifest.log` (a line, fsynced); `manifest.json` is
rewritten whole only at the end of a run. Rewriting it after every batch would write
O(files) per commit: 40 MB three hundred times over for an ingest of 100,000 files.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from eoreader.durable import replace_file

FILE_NAME = "manifest.json"
LOG_NAME = "manifest.log"
PENDING_NAME = "manifest.pending.json"
TEMP_PREFIX = ".manifest-"


@dataclass
class Entry:
    """One source file as last indexed."""

    path: str
    size: int
    mtime_ns: int
    sha256: str
    doc_id: str
    state: str  # "indexed", "merged" (into doc_id with another file), or "rejected"
    reason: str = ""
    # sha256 of the document as stored in the index, so `eoreader check` can compare.
    text_sha256: str = ""


@dataclass
class Batch:
    """What one commit writes: entries and deleted documents, and the generation it creates."""

    generation: int
    entries: list[Entry] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    # The files of that generation (name -> size, hash), once the commit has written them.
    index_files: dict[str, list[Any]] = field(default_factory=dict)


class Manifest:
    """Source path -> Entry, and the index generation (with its files) that they describe."""

    def __init__(self, entries: Iterable[Entry] = (), generation: int = -1,
                 index_files: dict[str, list[Any]] | None = None) -> None:
        self.entries: dict[str, Entry] = {}
        self._by_doc: dict[str, set[str]] = {}
        self.generation = generation
        # There is a log or a pending batch: a writer `save()`s first, dropping any torn line
        # the log ends with before it appends to it.
        self.replayed = False
        # What the search layer recorded about that generation's files (name -> size, hash).
        self.index_files: dict[str, list[Any]] = index_files or {}
        for entry in entries:
            self.put(entry)

    @classmethod
    def load(cls, folder: Path, generation: int | None = None) -> Manifest:
        """The manifest in `folder` and the batches logged since; a pending batch counts
        when the index is at `generation`."""
        path = folder / FILE_NAME
        if not path.exists():
            manifest = cls()
        else:
            raw = json.loads(path.read_text(encoding="utf-8"))
            manifest = cls((Entry(**e) for e in raw["files"]), raw.get("generation", -1),
                           raw.get("index_files"))
        for batch in _logged(folder):
            if batch.generation > manifest.generation:
                manifest.record(batch)
        manifest.replayed = (folder / LOG_NAME).exists()
        pending = load_pending(folder)
        if (pending and generation is not None and pending.generation == generation
                and manifest.generation < generation):
            manifest.record(pending)
            manifest.replayed = True
        return manifest

    def record(self, batch: Batch) -> None:
        """Count `batch` as committed: its entries, deletions, generation and files."""
        self.apply(batch.entries, batch.deleted)
        self.generation, self.index_files = batch.generation, batch.index_files

    def put(self, entry: Entry) -> None:
        """Record `entry`, replacing any entry for the same path."""
        self.remove(entry.path)
        self.entries[entry.path] = entry
        self._by_doc.setdefault(entry.doc_id, set()).add(entry.path)

    def remove(self, path: str) -> None:
        old = self.entries.pop(path, None)
        if old is not None:
            self._by_doc.get(old.doc_id, set()).discard(path)

    def apply(self, entries: Iterable[Entry], deleted: Iterable[str]) -> None:
        """Record a committed batch: its entries, and the documents it deleted."""
        for entry in entries:
            self.put(entry)
        for doc_id in deleted:
            for path in self.files_of(doc_id):
                self.remove(path)

    def save(self, folder: Path) -> None:
        """Write all to a temp file, fsync, rename over the old one, fsync the folder; then
        drop the log and pending batch it now holds."""
        _write_atomic(folder, FILE_NAME, {
            "version": 2, "generation": self.generation, "index_files": self.index_files,
            "files": [asdict(e) for e in self.entries.values()],
        })
        (folder / LOG_NAME).unlink(missing_ok=True)
        drop_pending(folder)
        self.replayed = False

    def log(self, folder: Path, batch: Batch) -> None:
        """Record a committed `batch` here and as one fsynced line of the log."""
        self.record(batch)
        with (folder / LOG_NAME).open("a", encoding="ascii") as out:
            out.write(json.dumps(asdict(batch), ensure_ascii=True) + "\n")
            out.flush()
            os.fsync(out.fileno())
        drop_pending(folder)

    def save_pending(self, folder: Path, batch: Batch) -> None:
        """Write the batch a commit is about to create, before that commit starts."""
        _write_atomic(folder, PENDING_NAME, asdict(batch))

    def files_of(self, doc_id: str) -> list[str]:
        """The paths of the files (not rejected) that make the document `doc_id`."""
        return sorted(p for p in self._by_doc.get(doc_id, ()) if self.entries[p].state != "rejected")

    def doc_ids(self) -> set[str]:
        return {e.doc_id for e in self.entries.values() if e.state != "rejected"}


def load_pending(folder: Path) -> Batch | None:
    """The pending batch in `folder`, if one was left there."""
    try:
        return _batch(json.loads((folder / PENDING_NAME).read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None


def _logged(folder: Path) -> list[Batch]:
    """The batches of the log, up to a line a crash cut short."""
    try:
        lines = (folder / LOG_NAME).read_text(encoding="ascii", errors="replace").splitlines()
    except FileNotFoundError:
        return []
    batches = []
    for line in lines:
        try:
            batches.append(_batch(json.loads(line)))
        except (ValueError, KeyError, TypeError):
            break  # the last append, torn: its batch is still in the pending file
    return batches


def _batch(raw: dict[str, Any]) -> Batch:
    return Batch(raw["generation"], [Entry(**e) for e in raw["entries"]], raw["deleted"],
                 raw.get("index_files", {}))


def drop_pending(folder: Path) -> None:
    """Remove the pending file once the manifest itself records its batch."""
    (folder / PENDING_NAME).unlink(missing_ok=True)


def _write_atomic(folder: Path, name: str, payload: dict[str, Any]) -> None:
    # ensure_ascii: paths with undecodable bytes hold lone surrogates, which only an
    # escaped JSON string can carry.
    replace_file(folder / name, json.dumps(payload, ensure_ascii=True).encode("ascii"), prefix=TEMP_PREFIX)