"""Warnings from libraries (pypdf, Whoosh) go to a log file, never to the terminal.

The TUI draws on the terminal: a warning printed there would tear its screen, and a
library quoting a crafted file could print escape sequences. Python's logging prints
unhandled warnings to stderr by default ("last resort"); `setup()` sends everything to
`eoreader.log` in the data folder instead, sanitized.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from eoreader import paths
from eoreader.sanitize import clean

LOG_NAME = "eoreader.log"
MAX_BYTES = 1_000_000
# Set once per process: (the log file's path or None,).
_installed: tuple[Path | None] | None = None


class _CleanFormatter(logging.Formatter):
    """Log lines sanitized: a library may quote bytes of a crafted file."""

    def format(self, record: logging.LogRecord) -> str:
        return clean(super().format(record))


def log_path() -> Path:
    return paths.data_dir() / LOG_NAME


def setup() -> Path | None:
    """Send warnings and library logging to the log file; returns its path (None: unwritable)."""
    global _installed
    if _installed:
        return _installed[0]
    path = log_path()
    handler: logging.Handler
    where: Path | None = path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=2, encoding="utf-8")
    except OSError:
        # No writable data folder: warnings are dropped rather than drawn over the TUI.
        handler, where = logging.NullHandler(), None
    handler.setFormatter(_CleanFormatter("%(asctime)s %(process)d %(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    logging.captureWarnings(True)
    _installed = (where,)
    return where
