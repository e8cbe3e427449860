"""Documents related to the one being read: the orders it names, those naming it, coverage, similar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from eoreader.sanitize import clean_line
from eoreader.tui.messages import FollowReference, OpenDocument
from eoreader.tui.text import literal

if TYPE_CHECKING:
    from eoreader.search import Hit, Related

# Option ids: "doc:<id>" opens a document, "eo:<number>" follows a reference to an order.
_DOC, _ORDER = "doc:", "eo:"


# Titles are cut to about two lines of the panel.
TITLE_CHARS = 56


def _short(title: str) -> str:
    title = " ".join(title.split())
    return title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1].rstrip() + "…"


def _heading(title: str, count: int) -> Option:
    return Option(Content.styled(f"{title} ({count})", "bold"), disabled=True)


def _hit(hit: Hit) -> Option:
    number = f"EO {hit.number} · " if hit.number else ""
    line = Content.styled(number, "dim") + literal(_short(hit.title))
    return Option(line, id=_DOC + hit.id)


class RelatedPanel(OptionList):
    """Related documents in groups; choosing one opens it (or says it is not in the index)."""

    def on_mount(self) -> None:
        self.add_option(Option(Content.styled("Finding related documents…", "dim"), disabled=True))

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def show(self, related: Related) -> None:
        """List what `related` holds, one group per kind of relation, empty groups left out."""
        self.clear_options()
        if related.references:
            self.add_option(_heading("Orders it names", len(related.references)))
            for ref in related.references:
                line = Content.styled(f"{clean_line(ref.relation).capitalize()} ", "italic") + Content.styled(
                    f"EO {clean_line(ref.number)}", "" if ref.id else "dim")
                line += Content.styled("" if ref.id else " (not indexed)", "dim")
                self._add(Option(line, id=_ORDER + ref.number))
        if related.referenced_by:
            self.add_option(_heading("Orders naming it", len(related.referenced_by)))
            for referrer in related.referenced_by:
                line = Content.styled(f"{clean_line(referrer.relation).capitalize()} it: ", "italic") + literal(_short(referrer.title))
                self._add(Option(line, id=_DOC + referrer.id))
        if related.covers is not None:
            self.add_option(_heading("The action it covers", 1))
            self._add(_hit(related.covers))
        for title, hits in (("Coverage", related.coverage), ("Similar", related.similar)):
            if hits:
                self.add_option(_heading(title, len(hits)))
                for hit in hits:
                    self._add(_hit(hit))
        if not self.option_count:
            self.add_option(Option(Content.styled("Nothing related in the index", "dim"), disabled=True))

    def _add(self, option: Option) -> None:
        # One document can be both similar and coverage; an option id may appear once.
        try:
            self.get_option(option.id or "")
        except OptionDoesNotExist:
            self.add_option(option)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        key = event.option.id or ""
        if key.startswith(_ORDER):
            self.post_message(FollowReference(key.removeprefix(_ORDER)))
        elif key.startswith(_DOC):
            self.post_message(OpenDocument(key.removeprefix(_DOC)))
