"""Sync from the reader: the Federal Register mirrored in a worker, its progress in a dialog that can be hidden."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.filesize import decimal
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import ProgressBar, Static

from eoreader.sanitize import clean_line

if TYPE_CHECKING:  # sync (and the ingest it imports) loads when a sync starts, not at launch
    from eoreader.sync.summary import Progress, SyncSummary


def _listing() -> Progress:
    """Where a new sync starts: listing what to mirror."""
    from eoreader.sync.summary import Progress

    return Progress("listing")


@dataclass
class SyncJob:
    """One sync run started from the reader, as the worker leaves it."""

    started: float = field(default_factory=time.monotonic)
    progress: Progress = field(default_factory=_listing)
    finished: float | None = None
    summary: SyncSummary | None = None
    error: str | None = None
    stop: bool = False

    @property
    def elapsed(self) -> float:
        return (self.finished or time.monotonic()) - self.started

    def report(self) -> str:
        """One line: what the run is doing or did, or why it stopped."""
        if self.error:
            return f"Sync stopped: {clean_line(self.error)}"
        if self.summary is None:
            p = self.progress
            total = f"/{p.documents_total}" if p.documents_total else ""
            doing = clean_line(p.message) or p.phase
            return (f"{doing}: {p.pages} pages, {p.documents}{total} documents, {decimal(p.bytes)}… "
                    f"{self.elapsed:.0f} s")
        s = self.summary
        ended = "Sync cancelled" if s.cancelled else "Synced"
        indexed = f"; {len(s.ingest.indexed)} indexed" if s.ingest else ""
        # The first failure's reason says most often why all failed: no network, a server down.
        why = f" (first: {clean_line(s.failed[0].reason)})" if s.failed else ""
        return (f"{ended}: {len(s.new)} new, {len(s.updated)} updated, {len(s.unchanged)} unchanged, "
                f"{len(s.failed)} failed{why}{indexed} in {self.elapsed:.0f} s")


class SyncScreen(ModalScreen[None]):
    """The progress of a sync; escape hides it and the sync goes on, c cancels it."""

    BINDINGS = [
        Binding("escape", "dismiss", "Hide (the sync goes on)"),
        Binding("c", "cancel", "Cancel the sync"),
    ]

    def __init__(self, job: SyncJob) -> None:
        super().__init__()
        self.job = job

    def compose(self) -> ComposeResult:
        with Vertical(id="sync"):
            yield Static(Content.styled("Sync from the Federal Register", "bold"))
            yield ProgressBar(total=None, show_eta=False, id="sync-bar")
            yield Static(id="sync-report")
            yield Static(Content.styled("escape: hide (the sync goes on) · c: cancel", "dim"))

    def on_mount(self) -> None:
        self.update()
        self.set_interval(0.5, self.update)

    def action_cancel(self) -> None:
        """Ask the sync to stop before its next page or document; what it mirrored stays."""
        self.job.stop = True
        self.update()

    def update(self) -> None:
        """Show how the run is going."""
        self.query_one("#sync-report", Static).update(Content(self.job.report()))
        bar = self.query_one(ProgressBar)
        if self.job.finished is not None:
            bar.update(total=1, progress=1)
        elif self.job.progress.documents_total:
            bar.update(total=self.job.progress.documents_total, progress=self.job.progress.documents)
