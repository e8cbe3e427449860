"""Help: every key binding of the screen below, generated from the bindings themselves."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static


def bindings_text(screen: Screen[object]) -> Text:
    """Key and description of every binding active on `screen` (its focus chain and app)."""
    rows: dict[tuple[str, str], str] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.description:
            key = screen.app.get_key_display(binding)
            rows.setdefault((binding.action, binding.description), key)
    width = max((len(k) for k in rows.values()), default=0) + 2
    text = Text()
    for (_, description), key in rows.items():
        text.append(f"{key:<{width}}", style="bold")
        text.append(description + "\n")
    text.rstrip()
    return text


class HelpScreen(ModalScreen[None]):
    """The key bindings of the screen it was opened from."""

    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close help")]

    def __init__(self, below: Screen[object]) -> None:
        super().__init__()
        self._below = below

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text("Keys", style="bold"))
            yield Static(bindings_text(self._below), id="help-keys")
            yield Static(Text("escape, ? or q closes this help", style="dim"))
