"""Ingest from the reader: a folder indexed in a worker, with its progress in a dialog that can be hidden."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import ProgressBar, Static

from eoreader.sanitize import clean_line

if TYPE_CHECKING:
    from eoreader.ingest import Summary


@dataclass
class IngestJob:
    """One ingest run started from the reader, as the worker leaves it."""

    folder: Path
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None
    summary: Summary | None = None
    error: str | None = None
    # As the worker reports them (Library.ingest's progress): files read, in all; documents written.
    read: int = 0
    files: int = 0
    documents: int = 0

    def advance(self, read: int, files: int, documents: int) -> None:
        self.read, self.files, self.documents = read, files, documents

    @property
    def elapsed(self) -> float:
        return (self.finished or time.monotonic()) - self.started

    def report(self) -> str:
        """One line: what the run did, or why it stopped."""
        if self.error:
            return f"Ingest stopped: {clean_line(self.error)}"
        if self.summary is None:
            if self.files and self.read == self.files:  # the last documents and the run's merge
                return (f"All {self.files:,} files read; writing the index ({self.documents:,} documents "
                        f"so far)… {self.elapsed:.0f} s")
            return (f"Reading {clean_line(str(self.folder))}… {self.read:,} of {self.files:,} files read, "
                    f"{self.documents:,} documents written in {self.elapsed:.0f} s")
        return f"{self.summary.line()} in {self.elapsed:.0f} s"


class IngestScreen(ModalScreen[None]):
    """The progress of an ingest run; escape hides it and the run goes on."""

    BINDINGS = [Binding("escape", "dismiss", "Hide (the ingest goes on)")]

    def __init__(self, job: IngestJob) -> None:
        super().__init__()
        self.job = job

    def compose(self) -> ComposeResult:
        with Vertical(id="ingest"):
            yield Static(Content.styled("Ingest", "bold"))
            yield ProgressBar(total=None, id="ingest-bar")
            yield Static(id="ingest-report")
            yield Static(Content.styled("escape: hide (the ingest goes on)", "dim"))

    def on_mount(self) -> None:
        self.update()
        self.set_interval(0.5, self.update)

    def update(self) -> None:
        """Show how the run is going."""
        self.query_one("#ingest-report", Static).update(Content(self.job.report()))
        if self.job.finished is not None:
            self.query_one(ProgressBar).update(total=1, progress=1)
        elif self.job.files:
            self.query_one(ProgressBar).update(total=self.job.files, progress=self.job.read)
