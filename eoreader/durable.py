"""Making files and folder entries durable: what an fsync-less library leaves to its caller."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def fsync_path(path: Path) -> None:
    """fsync a file, or a folder (making its new and renamed entries durable)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_file(path: Path, data: bytes, scratch: Path | None = None, prefix: str = ".") -> None:
    """Atomically put `data` at `path`: a temp file in `scratch` (default: beside `path`, so on
    the same disk), fsync, rename over `path`, fsync its folder."""
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=scratch or path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_path(path.parent)
