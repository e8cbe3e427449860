"""A small dialog asking for one line: a file name to export to, a folder to ingest, an order number."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from eoreader.sanitize import clean_line

# Given what the user typed: None when it is fine, else why not.
Check = Callable[[str], str | None]


class PromptScreen(ModalScreen[str | None]):
    """Ask for a value; `check` refuses a value, `warn` asks to press enter again to confirm it."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, value: str = "", *, check: Check | None = None,
                 warn: Check | None = None) -> None:
        super().__init__()
        self._title, self._value = title, value
        self._check, self._warn = check, warn
        self._warned: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt"):
            yield Static(Content.styled(self._title, "bold"))
            yield Input(self._value, id="prompt-input", select_on_focus=False)
            yield Static(id="prompt-note")
            yield Static(Content.styled("enter: OK   escape: cancel", "dim"))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        note = self.query_one("#prompt-note", Static)
        if not value:
            return
        if self._check and (problem := self._check(value)):
            note.update(Content.styled(clean_line(problem), "$text-error"))
            return
        if self._warn and self._warned != value and (warning := self._warn(value)):
            self._warned = value
            note.update(Content.styled(clean_line(warning) + " (enter again to confirm)", "$text-warning"))
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)
