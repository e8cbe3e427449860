"""The list of search hits: title, badges, date, section, and the passage with matches marked."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from eoreader.model import Kind
from eoreader.sanitize import clean_line
from eoreader.search import Hit
from eoreader.tui.text import badge, literal, styled

MATCH_STYLE = "bold reverse"


def kind_label(kind: str) -> str:
    """ "order" -> "EXECUTIVE ORDER"; an unknown kind as it is."""
    try:
        return Kind(kind).label.upper()
    except ValueError:
        return clean_line(kind).upper()


def hit_prompt(hit: Hit) -> Content:
    """Title; kind badge, number, date, status badge and section; the passage with matches."""
    title = literal(" ".join(hit.title.split()) or hit.id, "bold")
    meta = badge(kind_label(hit.kind), "kind")
    details = [f"EO {hit.number}" if hit.number else "", hit.date.isoformat() if hit.date else ""]
    meta += Content.styled(" " + " · ".join(d for d in details if d), "dim")
    if hit.status and hit.status != "in force":
        by = f" by {clean_line(hit.status_by)}" if hit.status_by else ""
        meta += Content(" ") + badge(f"{hit.status}{by}", hit.status)
    if hit.section_heading:
        number = f"{clean_line(hit.section_number)}. " if hit.section_number.isdigit() else ""
        meta += Content.styled(f"  § {number}{clean_line(hit.section_heading)}", "dim italic")
    snippet = styled(hit.snippet.text, [(s, e, MATCH_STYLE) for s, e in hit.snippet.marks])
    lines = [title, meta, snippet]
    if coverage := hit.coverage:
        names = "; ".join(clean_line(c.title) for c in coverage[:2])
        more = f" and {len(coverage) - 2} more" if len(coverage) > 2 else ""
        lines.append(Content.styled(f"↳ covered by {names}{more}", "dim italic"))
    # The blank line keeps one hit apart from the next.
    return Content("\n").join([*lines, Content("")])


class ResultList(OptionList):
    """Search hits; selecting one opens it."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First result", show=False),
        Binding("G", "last", "Last result", show=False),
    ]

    def show(self, hits: list[Hit], keep: bool = False) -> None:
        """List `hits`, the first highlighted; `keep`: they extend the hits shown, so the
        highlight and the scroll position stay where they are."""
        highlighted, scrolled = self.highlighted, self.scroll_offset
        self.clear_options()
        self.add_options(Option(hit_prompt(hit), id=hit.id) for hit in hits)
        if keep and highlighted is not None and highlighted < len(hits):
            self.scroll_to(scrolled.x, scrolled.y, animate=False, immediate=True)
            self.highlighted = highlighted
        elif hits:
            self.highlighted = 0
