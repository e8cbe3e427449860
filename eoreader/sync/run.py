"""One sync run: each listed window's documents compared with the mirror, fetched, saved."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable

from eoreader.sync.api import BadResponse, Entry
from eoreader.sync.client import Client, FetchError
from eoreader.sync.fulltext import fetch_text
from eoreader.sync.listing import Listing
from eoreader.sync.mirror import Mirror
from eoreader.sync.summary import Failure, Progress, SyncSummary


class Cancelled(Exception):
    """The caller asked the sync to stop."""


class Run:
    """Applies listings to the mirror, keeping the summary and the progress current.

    Its `sleep` and `retrying` are the client's hooks, so `client` is set once both exist.
    """

    client: Client

    def __init__(self, mirror: Mirror, summary: SyncSummary,
                 on_progress: Callable[[Progress], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> None:
        self.mirror, self.summary = mirror, summary
        self._on_progress = on_progress
        self._cancelled = cancelled
        self._seen: set[str] = set()
        self.progress = Progress("listing")

    def check(self) -> None:
        """Raise Cancelled when the caller wants the sync to stop."""
        if self._cancelled and self._cancelled():
            raise Cancelled

    def emit(self, **changes: object) -> None:
        """Send a progress snapshot to the caller."""
        self.progress = dataclasses.replace(self.progress, bytes=self.client.bytes, **changes)  # type: ignore[arg-type]
        if self._on_progress:
            self._on_progress(self.progress)

    def page_listed(self) -> None:
        self.summary.pages += 1
        self.emit(phase="listing", pages=self.summary.pages, message="")
        self.check()

    def retrying(self, reason: str, wait: float) -> None:
        self.emit(message=f"retrying in {wait:.1f} s: {reason}")

    def sleep(self, seconds: float) -> None:
        """Wait between retries in short steps, so a cancel need not outlast a Retry-After."""
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            self.check()
            time.sleep(min(left, 0.25))

    def apply(self, listing: Listing) -> None:
        """Every document of one listed window, and what went wrong listing it."""
        self.summary.failed += listing.failures
        self.summary.warnings += listing.warnings
        fresh = [e for e in listing.entries if e.number not in self._seen]
        self.emit(documents_total=self.progress.documents_total + len(fresh))
        for entry in fresh:
            self.check()
            self._seen.add(entry.number)
            self.document(entry)
            self.emit(phase="downloading", documents=self.progress.documents + 1, message="")

    def document(self, entry: Entry) -> None:
        """Bring one document's mirror copy up to date; a failure is recorded, never raised."""
        status = self.mirror.status(entry)
        if status == "unchanged":
            self.summary.unchanged.append(entry.number)
            return
        if self.summary.dry_run:
            (self.summary.new if status == "new" else self.summary.updated).append(entry.number)
            return
        if status == "updated":
            self.mirror.update(entry)
            self.summary.updated.append(entry.number)
            return
        try:
            text, extension = fetch_text(self.client, entry)
        except (FetchError, BadResponse) as exc:
            self.summary.failed.append(Failure(entry.number, str(exc), entry.title, entry.published))
            return
        self.mirror.add(entry, text, extension)
        self.summary.new.append(entry.number)
