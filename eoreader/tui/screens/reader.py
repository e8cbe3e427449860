"""The reader screen: table of contents, key points and the body of one document."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static

from eoreader.library import Library
from eoreader.model import Document
from eoreader.sanitize import clean_line
from eoreader.tui.messages import SectionChanged
from eoreader.tui.widgets.document_view import DocumentView
from eoreader.tui.widgets.key_points import KeyPointsPanel
from eoreader.tui.widgets.toc import TableOfContents


def header_text(doc: Document) -> Text:
    title = Text(clean_line(doc.title), style="bold")
    meta = [doc.kind.label, f"EO {doc.number}" if doc.number else "",
            f"signed {doc.signed}" if doc.signed else "",
            f"published {doc.published}" if doc.published else "", doc.citation or ""]
    return title + Text("\n" + " · ".join(clean_line(m) for m in meta if m), style="dim")


class ReaderScreen(Screen[None]):
    """Read one document, section by section."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("right_square_bracket", "next_section", "Next §", key_display="]"),
        Binding("left_square_bracket", "previous_section", "Prev §", key_display="["),
        Binding("t", "toggle_toc", "Contents"),
        *[Binding(str(n), f"section({n})", f"Section {n}", show=False) for n in range(1, 10)],
    ]

    def __init__(self, library: Library, doc: Document, section: str | None = None, query: str = "") -> None:
        super().__init__()
        self.library, self.document = library, doc
        self._section, self._query = section, query

    def compose(self) -> ComposeResult:
        yield Static(header_text(self.document), id="doc-header")
        with Horizontal():
            yield TableOfContents(id="toc")
            with Vertical(id="reading"):
                yield KeyPointsPanel(id="key-points")
                yield DocumentView(id="body")
        yield Footer()

    def on_mount(self) -> None:
        terms = self.library.terms(self._query) if self._query else frozenset()
        self.query_one(TableOfContents).show(self.document.sections)
        self.query_one(KeyPointsPanel).show(self.document.key_points)
        body = self.query_one(DocumentView)
        body.show(self.document, lambda text: self.library.marks(text, terms))
        body.focus()
        if self._section:
            self.call_after_refresh(body.go_to_anchor, self._section)

    @on(SectionChanged)
    def _follow(self, event: SectionChanged) -> None:
        toc = self.query_one(TableOfContents)
        if toc.highlighted != event.index:
            toc.highlighted = event.index

    @on(OptionList.OptionSelected, "#toc")
    def _toc_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one(DocumentView).go_to(event.option_index)

    def action_next_section(self) -> None:
        body = self.query_one(DocumentView)
        body.go_to(body.current + 1)

    def action_previous_section(self) -> None:
        body = self.query_one(DocumentView)
        body.go_to(body.current - 1)

    def action_section(self, number: int) -> None:
        self.query_one(DocumentView).go_to(number - 1)

    def action_toggle_toc(self) -> None:
        toc = self.query_one(TableOfContents)
        toc.display = not toc.display
