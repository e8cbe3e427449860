"""Index folders: only folders eoreader made, opened without mmap, damage named by file.

Whoosh's TOC and segment metadata are pickles, so opening a folder runs code chosen by
whoever wrote it: eoreader marks the folders it creates and refuses any other. A damaged
index raises one of seven unrelated exception types, or none at all (there are no
checksums), so opening compares file sizes with those recorded at the last commit and
`eoreader check` compares their hashes.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import struct
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC, FileIndex
from whoosh.reading import SegmentReader
from whoosh.searching import Searcher
from whoosh.util.filelock import FileLock

from eoreader.durable import fsync_path
from eoreader.search.schema import SCHEMA_VERSION, build_schema

MARKER = ".eoreader-index"
INDEX_NAME = "MAIN"
LOCK_NAME = f"{INDEX_NAME}_WRITELOCK"
PID_FILE = "writer.pid"
# What eoreader itself keeps beside Whoosh's files.
OWN_FILES = {MARKER, LOCK_NAME, PID_FILE, "manifest.json", "manifest.log", "manifest.pending.json", ".gitkeep",
             ".gitignore"}


# Writers wait this long for the lock before saying who holds it.
LOCK_WAIT_SECONDS = 5.0
LOCK_POLL_SECONDS = 0.1


class IndexBusy(Exception):
    """Another process holds the index's write lock."""


class NotAnIndex(Exception):
    """A folder that eoreader did not create: it is never opened as an index."""


class DamagedIndex(Exception):
    """An index folder eoreader made that can no longer be read; names the file at fault."""

    def __init__(self, file: str | os.PathLike[str], reason: str) -> None:
        super().__init__(f"{file}: {reason}")
        self.file, self.reason = str(file), reason


def _storage(folder: Path) -> FileStorage:
    # Without mmap a searcher opens in 0.07 s and 35 MB instead of 0.5 s and 0.85 GB at
    # 100,000 documents (shared/reference/whoosh-at-scale.md).
    return FileStorage(str(folder), supports_mmap=False)


def is_ours(folder: Path) -> bool:
    return (folder / MARKER).is_file()


def schema_version(folder: Path) -> int | None:
    try:
        return int(json.loads((folder / MARKER).read_text())["schema"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def create(folder: Path) -> FileIndex:
    """A new, empty, marked index in `folder` (which must be empty, absent or ours)."""
    folder.mkdir(parents=True, exist_ok=True)
    if not is_ours(folder) and any(p.name not in (".gitkeep", ".gitignore") for p in folder.iterdir()):
        raise NotAnIndex(f"{folder} is not empty and not an eoreader index; refusing to use it")
    ix = _storage(folder).create_index(build_schema(), indexname=INDEX_NAME)
    (folder / MARKER).write_text(json.dumps({"format": "eoreader", "schema": SCHEMA_VERSION}))
    return ix


def open_index(folder: Path, recorded: dict[str, list[Any]] | None = None) -> tuple[FileIndex, Searcher]:
    """The index in `folder` and a searcher over it, creating it when the folder is new.

    `recorded` (file name -> [size, sha256]) is what the last commit wrote; a file of
    another size is damage even when Whoosh would read it.
    """
    recorded = recorded or {}
    if not folder.exists() or not is_ours(folder):
        ix = create(folder)
        return ix, ix.searcher()
    if (version := schema_version(folder)) != SCHEMA_VERSION:
        raise DamagedIndex(folder / MARKER, f"index schema {version}, this eoreader reads {SCHEMA_VERSION}")
    storage = _storage(folder)
    gen = TOC._latest_generation(storage, INDEX_NAME)
    if gen < 0:
        if recorded:
            toc = next((n for n in recorded if n.startswith("_")), "the table of contents")
            raise DamagedIndex(folder / toc, "missing")
        ix = create(folder)
        return ix, ix.searcher()
    toc = TOC._filename(INDEX_NAME, gen)
    try:
        ix = FileIndex(storage, indexname=INDEX_NAME)
        segments = ix._segments()
    except Exception as exc:  # Whoosh raises seven unrelated types on a damaged TOC
        raise DamagedIndex(folder / toc, describe(exc)) from exc
    for name in [toc] + [segment_file(s) for s in segments]:
        _check_size(folder, name, recorded.get(name))
    try:
        searcher = ix.searcher()
    except Exception as exc:
        raise DamagedIndex(folder / _culprit(storage, ix, segments, exc), describe(exc)) from exc
    _probe(folder, searcher)
    return ix, searcher


def _probe(folder: Path, searcher: Searcher) -> None:
    """Read one posting list per segment and text field: zeroed postings open fine, then
    fail every search (under a millisecond; `eoreader check` reads much more)."""
    for reader, _ in searcher.reader().leaf_readers():
        try:
            for field in ("title", "body"):
                first = next(iter(reader.lexicon(field)), None)
                if first is not None:
                    list(reader.postings(field, first).all_ids())
        except Exception as exc:  # a damaged posting list raises whatever its bytes lead to
            searcher.close()
            name = segment_file(reader.segment()) if hasattr(reader, "segment") else "a segment"
            raise DamagedIndex(folder / name, f"postings {describe(exc)}") from exc


def _check_size(folder: Path, name: str, record: list[Any] | None) -> None:
    try:
        size = (folder / name).stat().st_size
    except FileNotFoundError:
        raise DamagedIndex(folder / name, "missing") from None
    if record and size != record[0]:
        raise DamagedIndex(folder / name, f"{size:,} bytes where the last commit wrote {record[0]:,}")


def _culprit(storage: FileStorage, ix: FileIndex, segments: list[Any], exc: Exception) -> str:
    """The file of the first segment that cannot be opened on its own."""
    for segment in segments:
        try:
            SegmentReader(storage, ix.schema, segment).close()
        except Exception:
            return segment_file(segment)
    filename = getattr(exc, "filename", None)
    return str(filename) if filename else str(TOC._filename(INDEX_NAME, ix.latest_generation()))


def describe(exc: BaseException) -> str:
    """A few words for what a damaged file did to Whoosh."""
    if isinstance(exc, FileNotFoundError):
        what = "missing"
    elif isinstance(exc, (EOFError, struct.error)):
        what = "cut short"
    elif isinstance(exc, pickle.UnpicklingError):
        what = "garbled"
    else:
        what = "unreadable"
    name = type(exc).__name__
    if name == "error":  # struct.error, zlib.error: say which
        name = f"{type(exc).__module__}.error"
    return f"{what} ({name})"


def segment_file(segment: Any) -> str:
    """The file a committed segment lives in (eoreader's segments are compound)."""
    return str(segment.make_filename(".seg"))


def generation(ix: FileIndex) -> int:
    return int(ix.latest_generation())


def live_files(ix: FileIndex) -> list[str]:
    """The files the current generation is made of: its TOC and its segments."""
    return [TOC._filename(INDEX_NAME, generation(ix))] + [segment_file(s) for s in ix._segments()]


def digests(folder: Path, names: Iterable[str], known: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """[size, sha256] of each file; segment files never change, so known ones are reused."""
    out = {}
    for name in names:
        if name in known and not name.startswith("_"):
            out[name] = known[name]
        else:
            out[name] = [(folder / name).stat().st_size, file_hash(folder / name)]
    return out


def file_hash(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def sync(folder: Path, names: Iterable[str]) -> None:
    """fsync `names` and the folder: Whoosh never does, and a power cut must not undo a commit."""
    for name in names:
        fsync_path(folder / name)
    fsync_path(folder)


def strays(folder: Path, live: Iterable[str]) -> list[Path]:
    """Leftovers of killed or failed writers: temp TOCs, unreferenced segments, temp folders.

    Only meaningful while holding the write lock (a writer at work makes such files).
    """
    keep = set(live) | OWN_FILES
    found = []
    for path in sorted(folder.iterdir()):
        name = path.name
        if name in keep:
            continue
        if (name.startswith((f"_{INDEX_NAME}_", f"{INDEX_NAME}_", ".manifest-"))
                or name == f"{INDEX_NAME}.tmp"):
            found.append(path)
    return found


def acquire_lock(folder: Path) -> FileLock:
    """The index's write lock, waiting a few seconds for it; records this process's pid.

    The lock is an flock the OS drops when its holder dies; the file is never deleted
    (deleting it under a live writer would let a second one in).
    """
    lock = FileLock(str(folder / LOCK_NAME))
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while not lock.acquire():
        if time.monotonic() > deadline:
            raise IndexBusy(f"index busy (pid {lock_holder(folder)})")
        time.sleep(LOCK_POLL_SECONDS)
    try:
        (folder / PID_FILE).write_text(str(os.getpid()))
    except BaseException:
        lock.release()
        raise
    return lock


def lock_holder(folder: Path) -> str:
    """The pid the current writer recorded, for "index busy (pid P)"."""
    try:
        return (folder / PID_FILE).read_text().strip() or "unknown"
    except OSError:
        return "unknown"
