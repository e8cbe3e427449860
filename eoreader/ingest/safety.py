"""What stands between any file and the readers: safe reads, a time limit, clean results.

Whatever a reader does with a crafted file, the pipeline turns it into one `rejected`
line with a reason and goes on: FIFOs and devices are never opened for a blocking read,
sizes are checked before reading, a reader stuck on one file is stopped, and every string
of a parsed document passes the sanitizer again whatever the reader did.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields, is_dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from eoreader.ingest.decode import MAX_FILE_BYTES, Rejected
from eoreader.ingest.formats import Unsupported
from eoreader.model import Document
from eoreader.sanitize import clean, clean_line

# No real document takes a reader more than a second; a crafted one may loop forever.
READ_SECONDS = 60.0

_ERRNO_REASONS = {
    errno.ENOENT: "vanished before it could be read",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ELOOP: "symbolic link loop",
    errno.EISDIR: "a folder",
}


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file within the size cap (checked before reading)."""
    # O_NONBLOCK: a FIFO opens at once instead of waiting for a writer.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise Unsupported("a link to a folder, not followed")
        if not stat.S_ISREG(st.st_mode):
            raise Rejected("not a regular file")
        if st.st_size > MAX_FILE_BYTES:
            raise Rejected(f"larger than the {MAX_FILE_BYTES // (1024 * 1024)} MB limit")
        with os.fdopen(os.dup(fd), "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:  # it grew while being read
        raise Rejected(f"larger than the {MAX_FILE_BYTES // (1024 * 1024)} MB limit")
    return data


class _TooSlow(BaseException):  # not Exception: a reader's own `except Exception` must not swallow it
    pass


@contextmanager
def time_limit(seconds: float | None = None) -> Iterator[None]:
    """Stop a reader that takes longer than `seconds` (default READ_SECONDS; main thread
    only: it uses SIGALRM)."""
    seconds = READ_SECONDS if seconds is None else seconds
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise _TooSlow

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _TooSlow:
        raise Rejected(f"reading took longer than {seconds:g} s") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def vet(doc: Document) -> Document:
    """`doc` with every string sanitized (a no-op for readers that already did it)."""
    _clean_fields(doc)
    doc.sources = [clean_line(s) for s in doc.sources]
    return doc


def _clean_fields(obj: Any) -> None:
    for f in fields(obj):
        setattr(obj, f.name, _cleaned(getattr(obj, f.name)))


def _cleaned(value: Any) -> Any:
    if isinstance(value, Enum):
        return value
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [_cleaned(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        _clean_fields(value)
    return value


def reason(exc: BaseException) -> str:
    """One line saying why a file was rejected."""
    if isinstance(exc, Rejected):
        return clean_line(str(exc))
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if isinstance(exc, MemoryError):
        return "too large to parse"
    if isinstance(exc, OSError):
        return _ERRNO_REASONS.get(exc.errno or 0) or clean_line(exc.strerror or type(exc).__name__)
    return clean_line(f"{type(exc).__name__}: {exc}")
