"""A disk that fails on purpose: write, fsync or rename number N raises ENOSPC or EIO.

SQLite's I/O-error tests fail operation N = 1, 2, ... of a run; this does the same for an
ingest in this process, at the level Python code reaches the disk: file objects opened for
writing (Whoosh's files and the manifest's), `os.fsync`, `os.rename` and `os.replace`.
"""

from __future__ import annotations

import builtins
import errno
import os
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, Any

OPS = ("write", "fsync", "rename")


class _FailingFile:
    """A file object whose writes go through the fault counter."""

    def __init__(self, inner: IO[Any], faults: Faults) -> None:
        self._inner, self._faults = inner, faults

    def write(self, data: Any) -> int:
        self._faults.hit("write")
        return self._inner.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def __enter__(self) -> _FailingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._inner.close()

    def __iter__(self) -> Iterator[Any]:
        return iter(self._inner)


class Faults:
    """Counts operations of each kind; fails number `at` of `op` (0: never) with `code`."""

    def __init__(self, op: str = "", at: int = 0, code: int = errno.EIO) -> None:
        self.op, self.at, self.code = op, at, code
        self.counts: Counter[str] = Counter()
        self.fired = False

    def hit(self, op: str) -> None:
        self.counts[op] += 1
        if op == self.op and self.counts[op] == self.at:
            self.fired = True
            raise OSError(self.code, os.strerror(self.code))

    @contextmanager
    def active(self) -> Iterator[Faults]:
        """Patch the disk operations for the duration of the block."""
        saved = builtins.open, os.fdopen, os.fsync, os.rename, os.replace
        builtins.open = self._opener(saved[0])  # type: ignore[assignment]
        os.fdopen = self._opener(saved[1])  # type: ignore[assignment]
        os.fsync = self._counted("fsync", saved[2])  # type: ignore[assignment]
        os.rename = self._counted("rename", saved[3])  # type: ignore[assignment]
        os.replace = self._counted("rename", saved[4])  # type: ignore[assignment]
        try:
            yield self
        finally:
            builtins.open, os.fdopen, os.fsync, os.rename, os.replace = saved  # type: ignore[misc]

    def _opener(self, real: Callable[..., Any]) -> Callable[..., Any]:
        def opener(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            handle = real(file, mode, *args, **kwargs)
            return _FailingFile(handle, self) if any(c in mode for c in "wax+") else handle
        return opener

    def _counted(self, op: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def counted(*args: Any, **kwargs: Any) -> Any:
            self.hit(op)
            return real(*args, **kwargs)
        return counted
