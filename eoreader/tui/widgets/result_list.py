"""The list of search hits."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from eoreader.sanitize import clean_line
from eoreader.search import Hit
from eoreader.tui.text import styled

MATCH_STYLE = "bold reverse"


def hit_prompt(hit: Hit) -> Text:
    """Title, kind, date, the section and the snippet with matched terms marked."""
    prompt = Text(clean_line(hit.title), style="bold")
    meta = [hit.kind, f"EO {hit.number}" if hit.number else "", hit.date.isoformat() if hit.date else ""]
    prompt.append("\n" + " · ".join(m for m in meta if m), style="dim")
    if hit.section_heading:
        prompt.append(f"  § {clean_line(hit.section_heading)}", style="dim italic")
    snippet = styled(hit.snippet.text, [(s, e, MATCH_STYLE) for s, e in hit.snippet.marks])
    return prompt + Text("\n") + snippet


class ResultList(OptionList):
    """Search hits; selecting one opens it."""

    BINDINGS = [("j", "cursor_down", "Down"), ("k", "cursor_up", "Up")]

    def show(self, hits: list[Hit]) -> None:
        self.clear_options()
        self.add_options(Option(hit_prompt(hit), id=hit.id) for hit in hits)
        if hits:
            self.highlighted = 0
