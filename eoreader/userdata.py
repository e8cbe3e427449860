"""What the reader keeps between launches: bookmarks and the last reading position of each document.

One JSON file in the user data directory (`eoreader.paths.data_dir()`), replaced atomically
on every save so that a crash or a full disk leaves the previous file whole.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from eoreader.durable import replace_file
from eoreader import paths

__all__ = ["FILE_NAME", "Bookmark", "Position", "UserData", "default_path"]

FILE_NAME = "userdata.json"
# Positions of the documents read longest ago are forgotten past this many.
MAX_POSITIONS = 1000
_log = logging.getLogger(__name__)


@dataclass
class Bookmark:
    """A document the user marked, with where they were in it."""

    doc_id: str
    title: str
    kind: str = ""
    number: str | None = None
    section: str | None = None
    added: str = ""  # ISO timestamp, so the file sorts and reads the same everywhere


@dataclass
class Position:
    """Where the user stopped reading: the section at the top of the view and lines into it."""

    section: str | None
    offset: int = 0


@dataclass
class UserData:
    """Bookmarks and reading positions, loaded from and saved to `path`."""

    path: Path
    bookmarks: list[Bookmark] = field(default_factory=list)
    positions: dict[str, Position] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None) -> UserData:
        """The data saved at `path` (default: the user data directory); empty when there is none.

        A damaged file is set aside (renamed `*.damaged`) rather than overwritten, so nothing
        the user kept is lost silently.
        """
        target = Path(path) if path is not None else default_path()
        try:
            raw = json.loads(target.read_text(encoding="utf-8"))
            return cls(target, [Bookmark(**b) for b in raw.get("bookmarks", [])],
                       {k: Position(**v) for k, v in raw.get("positions", {}).items()})
        except FileNotFoundError:
            return cls(target)
        except (OSError, ValueError, TypeError, AttributeError) as exc:
            _log.warning("could not read %s (%s); starting afresh", target, exc)
            with contextlib.suppress(OSError):
                target.replace(target.with_name(target.name + ".damaged"))
            return cls(target)

    def is_bookmarked(self, doc_id: str) -> bool:
        return any(b.doc_id == doc_id for b in self.bookmarks)

    def add_bookmark(self, bookmark: Bookmark) -> None:
        """Bookmark a document (once: bookmarking it again moves it to the top, updated)."""
        self.remove_bookmark(bookmark.doc_id)
        if not bookmark.added:
            bookmark.added = dt.datetime.now().isoformat(timespec="seconds")
        self.bookmarks.insert(0, bookmark)
        self.save()

    def remove_bookmark(self, doc_id: str) -> bool:
        """Forget the bookmark of `doc_id`; whether there was one."""
        kept = [b for b in self.bookmarks if b.doc_id != doc_id]
        removed = len(kept) != len(self.bookmarks)
        self.bookmarks = kept
        if removed:
            self.save()
        return removed

    def position(self, doc_id: str) -> Position | None:
        return self.positions.get(doc_id)

    def remember(self, doc_id: str, position: Position) -> None:
        """Keep where the user stopped reading `doc_id` (the most recent last)."""
        self.positions.pop(doc_id, None)
        self.positions[doc_id] = position
        while len(self.positions) > MAX_POSITIONS:
            self.positions.pop(next(iter(self.positions)))
        self.save()

    def save(self) -> None:
        """Write the file atomically: a temporary file beside it, fsync, rename, fsync the folder."""
        data: dict[str, Any] = {
            "bookmarks": [asdict(b) for b in self.bookmarks],
            "positions": {k: asdict(v) for k, v in self.positions.items()},
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(data, ensure_ascii=False, indent=1)
        replace_file(self.path, text.encode("utf-8"), prefix=f".{self.path.name}.")


def default_path() -> Path:
    """Where the user's bookmarks and positions live: the platform's user data directory."""
    return paths.data_dir() / FILE_NAME
