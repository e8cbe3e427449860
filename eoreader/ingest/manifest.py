"""The manifest: every source file the index was built from, written atomically.

The index is a cache of the sources; the manifest says which file made which document and
is saved only after the commit it describes has returned, so after a crash it never names
a document the index lacks.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

FILE_NAME = "manifest.json"


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


class Manifest:
    """Source path -> Entry, loaded from and saved to a folder."""

    def __init__(self, entries: dict[str, Entry] | None = None) -> None:
        self.entries: dict[str, Entry] = entries or {}

    @classmethod
    def load(cls, folder: Path) -> Manifest:
        path = folder / FILE_NAME
        if not path.exists():
            return cls()
        raw = json.loads(path.read_text(encoding="utf-8"))
        return cls({e["path"]: Entry(**e) for e in raw["files"]})

    def save(self, folder: Path) -> None:
        """Write to a temp file, fsync, rename over the old one, fsync the folder."""
        payload = {"version": 1, "files": [asdict(e) for e in self.entries.values()]}
        fd, tmp = tempfile.mkstemp(prefix=".manifest-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(payload, out, ensure_ascii=False)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, folder / FILE_NAME)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)

    def files_of(self, doc_id: str) -> list[str]:
        return [p for p, e in self.entries.items() if e.doc_id == doc_id and e.state != "rejected"]

    def doc_ids(self) -> set[str]:
        return {e.doc_id for e in self.entries.values() if e.state != "rejected"}
