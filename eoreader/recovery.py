"""Opening an index whatever the last run left: a damaged one is rebuilt from its sources.

The index is a cache of the files the manifest names. A rebuild reads them into a new
folder beside the index and swaps it in by rename, so the live index is never deleted
before its replacement is complete (MoinMoin does the same; paperless-ngx rebuilds from
its database on any open error).
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from whoosh.index import FileIndex
from whoosh.searching import Searcher

from eoreader.durable import fsync_path
from eoreader.indexing import ingest_into
from eoreader.ingest.manifest import Manifest, load_pending
from eoreader.sanitize import clean_line
from eoreader.search import (
    DamagedIndex, NotAnIndex, acquire_lock, create, from_stored, is_ours, open_index, stored_documents,
)

# `--no-rebuild` sets this for the whole process, the TUI included.
ENV_NO_REBUILD = "EOREADER_NO_REBUILD"
REBUILD_SUFFIX = ".rebuild"
OLD_SUFFIX = ".replaced"

Notify = Callable[[str], None]


def to_stderr(message: str) -> None:
    """The default way to tell the user about a rebuild: one line on stderr."""
    sys.stderr.write(clean_line(message) + "\n")
    sys.stderr.flush()


def rebuild_allowed() -> bool:
    return not os.environ.get(ENV_NO_REBUILD)


def open_or_rebuild(folder: Path, rebuild: bool, notify: Notify) -> tuple[FileIndex, Searcher]:
    """Open the index in `folder`; on damage say so in one line and rebuild it, or raise."""
    _finish_swap(folder)
    try:
        return open_index(folder, recorded_files(folder))
    except DamagedIndex as exc:
        if not rebuild:
            raise DamagedIndex(exc.file, f"{exc.reason}; not rebuilt (--no-rebuild)") from exc
        notify(f"index damaged: {exc}; rebuilding it from its sources")
    rebuild_index(folder, unless_opens=True)
    try:
        return open_index(folder, recorded_files(folder))
    except DamagedIndex as exc:
        raise DamagedIndex(exc.file, f"{exc.reason}, even after rebuilding it") from exc


def recorded_files(folder: Path) -> dict[str, list[object]]:
    """Sizes and hashes of the index files as the last commit wrote them."""
    try:
        return Manifest.load(folder).index_files
    except (ValueError, KeyError, TypeError) as exc:
        raise DamagedIndex(folder / "manifest.json", f"unreadable ({type(exc).__name__})") from exc


def sources_of(folder: Path) -> list[str]:
    """Every source file the index in `folder` was built from (and still on disk)."""
    try:
        manifest = Manifest.load(folder)
        paths = set(manifest.entries)
        if pending := load_pending(folder):
            paths |= {e.path for e in pending.entries}
    except (OSError, ValueError, KeyError, TypeError):
        paths = _stored_sources(folder)
    return sorted(p for p in paths if os.path.lexists(p))


def _stored_sources(folder: Path) -> set[str]:
    """With no readable manifest, the sources its documents name (empty if it will not open)."""
    try:
        _, searcher = open_index(folder)
    except DamagedIndex:
        return set()
    try:
        return {source for doc in stored_documents(searcher) for source in from_stored(doc.data).sources}
    except Exception:  # noqa: BLE001  a damaged index may fail anywhere while read back
        return set()
    finally:
        searcher.close()


def rebuild_index(folder: Path, unless_opens: bool = False) -> None:
    """Rebuild the index in `folder` from its sources into a new folder, then swap it in.

    `unless_opens`: skip it when the index opens after all (another process rebuilt it
    while this one waited for the lock)."""
    lock = acquire_lock(folder)
    try:
        if unless_opens and _opens(folder):
            return
        fresh = folder.with_name(folder.name + REBUILD_SUFFIX)
        _remove_ours(fresh)
        ix = create(fresh)
        ingest_into(ix, fresh, sources_of(folder))
        _swap(folder, fresh)
    finally:
        lock.release()


def _opens(folder: Path) -> bool:
    try:
        open_index(folder, recorded_files(folder))[1].close()
    except DamagedIndex:
        return False
    return True


def _swap(folder: Path, fresh: Path) -> None:
    """Put `fresh` where `folder` is; the old folder goes only once the new one is in place."""
    old = folder.with_name(folder.name + OLD_SUFFIX)
    _remove_ours(old)
    os.rename(folder, old)
    os.rename(fresh, folder)
    fsync_path(folder.parent)
    shutil.rmtree(old, ignore_errors=True)


def _finish_swap(folder: Path) -> None:
    """Complete a swap that a crash cut between its two renames."""
    old = folder.with_name(folder.name + OLD_SUFFIX)
    fresh = folder.with_name(folder.name + REBUILD_SUFFIX)
    if not folder.exists() and old.is_dir() and is_ours(fresh):
        os.rename(fresh, folder)
        fsync_path(folder.parent)
    if folder.exists() and is_ours(old):
        shutil.rmtree(old, ignore_errors=True)


def _remove_ours(path: Path) -> None:
    """Remove a leftover folder of ours; refuse anything else that has the name."""
    if not path.exists():
        return
    if not is_ours(path) and any(path.iterdir()):
        raise NotAnIndex(f"{path} is in the way of a rebuild and is not an eoreader index")
    shutil.rmtree(path)
