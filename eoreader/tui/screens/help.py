"""Help: every key binding of the screen below, generated from the bindings themselves."""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

# How each place that defines bindings is named in the help (by class name); others by their own.
PLACES = {
    "SearchScreen": "Search", "ReaderScreen": "Reading", "BookmarksScreen": "Bookmarks",
    "DocumentView": "In the text", "TableOfContents": "In the contents", "ResultList": "In the results",
    "FacetPanel": "In the filters", "RelatedPanel": "In related documents", "KeyPointList": "In the key points",
    "BookmarkList": "In the bookmarks", "EOReaderApp": "Everywhere",
}


_NUMBER = re.compile(r"\b\d\b")


def _place(node: DOMNode) -> str:
    name = type(node).__name__
    return PLACES.get(name, name)


def bindings_text(screen: Screen[object]) -> Content:
    """Key and description of every binding active on `screen`, grouped by where it applies:
    the screen first, then the focused widget and its containers, then the whole app."""
    groups: dict[DOMNode, dict[tuple[str, str], list[str]]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.description:
            # "Section 1" ... "Section 9" (actions section(1) ... section(9)) make one row.
            action, description = binding.action.split("(")[0], _NUMBER.sub("N", binding.description)
            keys = groups.setdefault(active.node, {}).setdefault((action, description), [])
            key = screen.app.get_key_display(binding)
            if key not in keys:
                keys.append(key)
    for rows in groups.values():
        for keys in rows.values():
            if len(keys) > 2 and all(k.isdigit() for k in keys):
                keys[:] = [f"{keys[0]}-{keys[-1]}"]
    order = sorted(groups, key=lambda n: (n is not screen, n is screen.app))
    width = max((len(", ".join(k)) for g in groups.values() for k in g.values()), default=0) + 2
    lines: list[Content] = []
    for node in order:
        lines.append(Content.styled(_place(node), "bold $accent"))
        for (_, description), keys in groups[node].items():
            lines.append(Content.styled(f"  {', '.join(keys):<{width}}", "bold") + Content(description))
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    """The key bindings of the screen it was opened from."""

    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close help")]

    def __init__(self, below: Screen[object]) -> None:
        super().__init__()
        self._below = below

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Content.styled("Keys", "bold") + Content.styled("  (escape, ? or q closes this help)", "dim"))
            yield Static(bindings_text(self._below), id="help-keys")
