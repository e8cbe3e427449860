"""The manifest: every source file the index was built from, written atomically.

The index is a cache of the sources; the manifest says which file made which document and
is saved only after the commit it describes has returned, so after a crash it never names
a document the index lacks. Just before each commit the batch is written to a pending file
naming the index generation that commit will create: a crash between the commit and the
manifest's save leaves both, and `load()` counts the batch as committed exactly when the
index reached that generation.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from eoreader.durable import fsync_path

FILE_NAME = "manifest.json"
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
class Pending:
    """A batch written to the index by a commit that may not have returned."""

    generation: int
    entries: list[Entry] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)


class Manifest:
    """Source path -> Entry, and the index generation (with its files) that they describe."""

    def __init__(self, entries: Iterable[Entry] = (), generation: int = -1,
                 index_files: dict[str, list[Any]] | None = None) -> None:
        self.entries: dict[str, Entry] = {}
        self._by_doc: dict[str, set[str]] = {}
        self.generation = generation
        # What the search layer recorded about that generation's files (name -> size, hash).
        self.index_files: dict[str, list[Any]] = index_files or {}
        for entry in entries:
            self.put(entry)

    @classmethod
    def load(cls, folder: Path, generation: int | None = None) -> Manifest:
        """The manifest in `folder`; a pending batch counts when the index is at `generation`."""
        path = folder / FILE_NAME
        if not path.exists():
            manifest = cls()
        else:
            raw = json.loads(path.read_text(encoding="utf-8"))
            manifest = cls((Entry(**e) for e in raw["files"]), raw.get("generation", -1),
                           raw.get("index_files"))
        pending = load_pending(folder)
        if (pending and generation is not None and pending.generation == generation
                and manifest.generation < generation):
            manifest.apply(pending.entries, pending.deleted)
            manifest.generation = generation
            manifest.index_files = {}
        return manifest

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
        """Write to a temp file, fsync, rename over the old one, fsync the folder."""
        _write_atomic(folder, FILE_NAME, {
            "version": 2, "generation": self.generation, "index_files": self.index_files,
            "files": [asdict(e) for e in self.entries.values()],
        })

    def save_pending(self, folder: Path, pending: Pending) -> None:
        """Write the batch a commit is about to create, before that commit starts."""
        _write_atomic(folder, PENDING_NAME, asdict(pending))

    def files_of(self, doc_id: str) -> list[str]:
        """The paths of the files (not rejected) that make the document `doc_id`."""
        return sorted(p for p in self._by_doc.get(doc_id, ()) if self.entries[p].state != "rejected")

    def doc_ids(self) -> set[str]:
        return {e.doc_id for e in self.entries.values() if e.state != "rejected"}


def load_pending(folder: Path) -> Pending | None:
    """The pending batch in `folder`, if one was left there."""
    try:
        raw = json.loads((folder / PENDING_NAME).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    return Pending(raw["generation"], [Entry(**e) for e in raw["entries"]], raw["deleted"])


def drop_pending(folder: Path) -> None:
    """Remove the pending file once the manifest itself records its batch."""
    (folder / PENDING_NAME).unlink(missing_ok=True)


def _write_atomic(folder: Path, name: str, payload: dict[str, Any]) -> None:
    # ensure_ascii: paths with undecodable bytes hold lone surrogates, which only an
    # escaped JSON string can carry.
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as out:
            json.dump(payload, out, ensure_ascii=True)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, folder / name)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_path(folder)
