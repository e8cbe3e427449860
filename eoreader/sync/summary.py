"""What a sync reports: progress while it runs, and a summary at the end."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from eoreader.ingest import Summary


@dataclass
class Failure:
    """A document, or a page of the listing, that did not reach the mirror, and why."""

    document: str
    reason: str
    title: str = ""
    # The publication date a later sync must start from to try it again.
    published: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, "title": self.title, "reason": self.reason,
                "published": self.published.isoformat() if self.published else None}


@dataclass(frozen=True)
class Progress:
    """A snapshot for a progress bar; `documents_total` grows as each date window is listed."""

    phase: str  # "listing", "downloading", "ingesting", "done"
    pages: int = 0
    documents: int = 0
    documents_total: int = 0
    bytes: int = 0
    message: str = ""


@dataclass
class SyncSummary:
    """What one sync did: documents new, updated, unchanged and failed, and what ingest did."""

    mirror: str
    since: dt.date
    until: dt.date
    dry_run: bool = False
    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pages: int = 0
    requests: int = 0
    bytes: int = 0
    retries: int = 0
    cancelled: bool = False
    next_since: dt.date | None = None
    ingest: Summary | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "mirror": self.mirror,
            "since": self.since.isoformat(),
            "until": self.until.isoformat(),
            "dry_run": self.dry_run,
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "failed": [f.to_dict() for f in self.failed],
            "warnings": self.warnings,
            "pages": self.pages,
            "requests": self.requests,
            "bytes": self.bytes,
            "retries": self.retries,
            "cancelled": self.cancelled,
            "next_since": self.next_since.isoformat() if self.next_since else None,
            "ingest": self.ingest.to_dict() if self.ingest else None,
        }
