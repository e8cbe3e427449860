"""The mirror folder: one folder per document, each appearing whole or not at all.

Layout: `<mirror>/documents/<document_number>/` holds the metadata (`EO_<n>.json`, or
`<document_number>.json`) and one full text (`.xml`, `.html` or `.txt`); that folder is what
ingest reads. A document is built in `<mirror>/.staging/`, made durable (fsync the files and
the folder), then renamed into `documents/` in one step, so a killed sync never leaves a
half-downloaded document where ingest looks (Pillai et al., OSDI 2014).
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from eoreader.durable import fsync_path, replace_file
from eoreader.sync.api import FIELDS, Entry

ENV_MIRROR = "EOREADER_MIRROR"
DOCUMENTS = "documents"
STAGING = ".staging"
LOCK = ".lock"
# URLs name where the text lives, not what the document says: a moved host is no update.
_COMPARED = tuple(f for f in FIELDS if not f.endswith("_url"))


class MirrorBusy(Exception):
    """Another sync is writing to the same mirror."""


def write_file(path: Path, data: bytes) -> None:
    """Create `path` with `data` and fsync it; the caller makes its folder durable."""
    with open(path, "xb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())


def metadata_bytes(entry: Entry) -> bytes:
    return json.dumps(entry.metadata, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8") + b"\n"


class Mirror:
    """The documents on disk, keyed by document number."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.documents = root / DOCUMENTS
        self.staging = root / STAGING
        self._lock_fd: int | None = None

    def open(self) -> None:
        """Create the folders, take the lock, clear what a killed sync left in staging."""
        self.documents.mkdir(parents=True, exist_ok=True)
        self.staging.mkdir(exist_ok=True)
        fd = os.open(self.root / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise MirrorBusy(f"another sync is writing to {self.root}") from None
        self._lock_fd = fd
        for leftover in self.staging.iterdir():
            if leftover.is_dir() and not leftover.is_symlink():
                shutil.rmtree(leftover)
            else:
                leftover.unlink()

    def close(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    def stored(self, entry: Entry) -> dict[str, Any] | None:
        """The metadata saved for this document, or None when it is not (wholly) mirrored."""
        folder = self.documents / entry.number
        meta = folder / f"{entry.stem}.json"
        texts = [folder / f"{entry.stem}{ext}" for ext in (".xml", ".html", ".txt")]
        if not meta.is_file() or not any(t.is_file() for t in texts):
            return None
        try:
            data = json.loads(meta.read_bytes())
        except (ValueError, RecursionError):
            return None
        return data if isinstance(data, dict) else None

    def status(self, entry: Entry) -> str:
        """"new", "updated" (its metadata changed) or "unchanged"."""
        stored = self.stored(entry)
        if stored is None:
            return "new"
        same = all(stored.get(f) == entry.metadata.get(f) for f in _COMPARED)
        return "unchanged" if same else "updated"

    def add(self, entry: Entry, text: bytes, extension: str) -> None:
        """Put a whole document in place: built and synced in staging, then one rename."""
        build = Path(tempfile.mkdtemp(prefix=f"{entry.number}.", dir=self.staging))
        write_file(build / f"{entry.stem}{extension}", text)
        write_file(build / f"{entry.stem}.json", metadata_bytes(entry))
        fsync_path(build)
        target = self.documents / entry.number
        old = None
        if target.exists():
            # rename() cannot replace a non-empty folder: move the old one aside first.
            old = Path(tempfile.mkdtemp(prefix=f"{entry.number}.old.", dir=self.staging))
            os.replace(target, old / "document")
        os.replace(build, target)
        fsync_path(self.documents)
        if old:
            shutil.rmtree(old)

    def update(self, entry: Entry) -> None:
        """Rewrite a mirrored document's metadata in place, atomically."""
        replace_file(self.documents / entry.number / f"{entry.stem}.json", metadata_bytes(entry), self.staging)
