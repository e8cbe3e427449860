"""Help: every key binding of the screen below, generated from the bindings themselves."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static


def bindings_table(screen: Screen[object]) -> Table:
    """Key and description of every binding active on `screen` (its focus chain and app)."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    seen = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.description or (binding.action, binding.description) in seen:
            continue
        seen.add((binding.action, binding.description))
        table.add_row(Text(screen.app.get_key_display(binding)), Text(binding.description))
    return table


class HelpScreen(ModalScreen[None]):
    """The key bindings of the screen it was opened from."""

    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close help")]

    def __init__(self, below: Screen[object]) -> None:
        super().__init__()
        self._below = below

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text("Keys", style="bold"))
            yield Static(bindings_table(self._below), id="help-keys")
            yield Static(Text("escape, ? or q closes this help", style="dim"))
