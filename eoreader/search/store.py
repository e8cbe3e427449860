"""Opening and creating index folders: only folders eoreader made, never mmapped.

Whoosh's TOC and segment metadata are pickles, so opening a folder runs code chosen by
whoever wrote it: eoreader marks the folders it creates and refuses any other.
"""

from __future__ import annotations

import json
from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.index import EmptyIndexError, FileIndex

from eoreader.search.schema import SCHEMA_VERSION, build_schema

MARKER = ".eoreader-index"
INDEX_NAME = "MAIN"


class NotAnIndex(Exception):
    """A folder that eoreader did not create: it is never opened as an index."""


class DamagedIndex(Exception):
    """An index folder eoreader made that Whoosh can no longer open."""


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
    """A new, empty, marked index in `folder` (which must be empty or absent)."""
    folder.mkdir(parents=True, exist_ok=True)
    if any(p.name not in (MARKER, ".gitkeep", ".gitignore") for p in folder.iterdir()) and not is_ours(folder):
        raise NotAnIndex(f"{folder} is not empty and not an eoreader index; refusing to use it")
    ix = _storage(folder).create_index(build_schema(), indexname=INDEX_NAME)
    (folder / MARKER).write_text(json.dumps({"format": "eoreader", "schema": SCHEMA_VERSION}))
    return ix


def open_or_create(folder: Path) -> FileIndex:
    """Open the index in `folder`, creating it when the folder is new or empty."""
    if not folder.exists() or not is_ours(folder):
        return create(folder)
    storage = _storage(folder)
    try:
        if not storage.index_exists(INDEX_NAME):
            return create(folder)
        return storage.open_index(INDEX_NAME)
    except EmptyIndexError:
        return create(folder)
    except Exception as exc:  # Whoosh raises seven unrelated types on damage
        raise DamagedIndex(f"{folder}: {type(exc).__name__}: {exc}") from exc
