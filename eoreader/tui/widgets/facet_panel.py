"""Facets of the result set (kind, president, year) with counts; choosing one filters by it."""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from eoreader.model import Kind
from eoreader.sanitize import clean_line
from eoreader.tui.messages import FacetChosen
from eoreader.tui.searching import FACETS

TITLES = {"kind": "Kind", "president": "President", "year": "Year"}
# Values are cut to this width so that the counts line up in the panel.
NAME_CELLS = 16


def kind_name(value: str) -> str:
    """ "fact-sheet" -> "Fact Sheet"; an unknown kind as it is."""
    try:
        return Kind(value).label
    except ValueError:
        return value


def option_id(facet: str, value: str) -> str:
    return f"{facet}={value}"


class FacetPanel(OptionList):
    """One group per facet; a chosen value is ticked, and choosing it again drops it."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def show(self, facets: dict[str, list[tuple[str, int]]], chosen: dict[str, str]) -> None:
        """List each facet's values with their counts; `chosen` values come first, ticked."""
        highlighted = self.highlighted_option.id if self.highlighted_option else None
        # Added at once: each add lays the screen out again (7 ms a time while typing).
        options = []
        for facet in FACETS:
            title = TITLES[facet]
            values = list(facets.get(facet, []))
            if facet in chosen and all(v != chosen[facet] for v, _ in values):
                values.insert(0, (chosen[facet], 0))
            if not values:
                continue
            options.append(Option(Content.styled(title, "bold"), disabled=True))
            width = max(len(f"{n:,}") for _, n in values)
            for value, count in values:
                tick = "✓ " if chosen.get(facet) == str(value) else "  "
                name = clean_line(str(value))
                name = name.title() if facet == "president" else name
                name = kind_name(name) if facet == "kind" else name
                name = name if len(name) <= NAME_CELLS else name[: NAME_CELLS - 1] + "…"
                line = Content(f"{tick}{name:<{NAME_CELLS}}") + Content.styled(f" {count:>{width},}", "dim")
                options.append(Option(line, id=option_id(facet, str(value))))
        self.clear_options()
        self.add_options(options)
        if highlighted:
            try:
                self.highlighted = self.get_option_index(highlighted)
            except LookupError:
                self.highlighted = None

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            facet, _, value = event.option.id.partition("=")
            self.post_message(FacetChosen(facet, value))
