"""The resume point: where the next sync of each query starts, saved only once the mirror holds it."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eoreader.durable import replace_file

FILE_NAME = "sync-state.json"


@dataclass
class Record:
    """One query's progress: the next start, the earliest date mirrored, the last full refresh."""

    next_since: dt.date | None = None
    first: dt.date | None = None
    refreshed: dt.date | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {k: v.isoformat() if v else None for k, v in vars(self).items()}

    @classmethod
    def from_dict(cls, raw: Any) -> Record:
        if not isinstance(raw, dict):
            return cls()
        return cls(**{k: _date(raw.get(k)) for k in ("next_since", "first", "refreshed")})


class State:
    """Every query's Record, in `<mirror>/sync-state.json`."""

    def __init__(self, folder: Path, records: dict[str, Record] | None = None) -> None:
        self.folder = folder
        self.records = records or {}

    @classmethod
    def load(cls, folder: Path) -> State:
        """The saved state; a missing or unreadable file means a first sync (nothing is lost:
        mirrored documents are recognised on disk and not downloaded again)."""
        try:
            raw = json.loads((folder / FILE_NAME).read_bytes())
        except (OSError, ValueError, RecursionError):
            return cls(folder)
        queries = raw.get("queries") if isinstance(raw, dict) else None
        if not isinstance(queries, dict):
            return cls(folder)
        return cls(folder, {str(k): Record.from_dict(v) for k, v in queries.items()})

    def record(self, key: str) -> Record:
        return self.records.setdefault(key, Record())

    def save(self, scratch: Path) -> None:
        """Write atomically and durably; call only once the documents it implies are on disk."""
        payload = {"version": 1, "queries": {k: r.to_dict() for k, r in sorted(self.records.items())}}
        data = json.dumps(payload, indent=2).encode("utf-8") + b"\n"
        replace_file(self.folder / FILE_NAME, data, scratch)


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
