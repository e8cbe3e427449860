"""The reader screen: header, table of contents, key points, body, related documents."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input

from eoreader.export import citation, to_markdown
from eoreader.library import Library, NotFound
from eoreader.model import Document
from eoreader.sanitize import clean
from eoreader.search import Related
from eoreader.tui.messages import KeyPointChosen, SectionChanged, SectionChosen
from eoreader.tui.page import Page
from eoreader.tui.screens.prompt import PromptScreen
from eoreader.tui.widgets.doc_header import DocumentHeader, status_line
from eoreader.tui.widgets.document_view import DocumentView
from eoreader.tui.widgets.find_bar import FindBar
from eoreader.tui.widgets.key_points import KeyPointList, KeyPointsPanel
from eoreader.tui.widgets.related import RelatedPanel
from eoreader.tui.widgets.toc import TableOfContents
from eoreader.userdata import Bookmark, Position, UserData


class Visit(NamedTuple):
    """A document and where in it: what back / forward return to."""

    doc_id: str
    anchor: str | None = None
    offset: int = 0
    query: str = ""


class ReaderScreen(Screen[None]):
    """Read one document, section by section."""

    AUTO_FOCUS = "#body"
    BINDINGS = [
        Binding("escape", "app.back", "Back"),
        Binding("right_square_bracket", "next_section", "Next §", key_display="]"),
        Binding("left_square_bracket", "previous_section", "Prev §", key_display="[", show=False),
        Binding("t", "toggle_toc", "Contents"),
        Binding("b", "bookmark", "Bookmark"),
        Binding("right_curly_bracket", "key_point(True)", "Next key point", key_display="}", show=False),
        Binding("left_curly_bracket", "key_point(False)", "Prev key point", key_display="{", show=False),
        Binding("n", "match(True)", "Next match", show=False),
        Binding("N", "match(False)", "Prev match", show=False),
        Binding("slash,ctrl+f", "find", "Find", key_display="/", show=False),
        Binding("l", "link(True)", "Next link", show=False),
        Binding("L", "link(False)", "Prev link", show=False),
        Binding("p", "toggle_key_points", "Key points panel", show=False),
        Binding("r", "related", "Related", show=False),
        Binding("y", "copy", "Copy citation", show=False),
        Binding("e", "export", "Export Markdown", show=False),
        Binding("s", "app.search", "New search", show=False),
        *[Binding(str(n), f"section({n})", f"Section {n}", show=False) for n in range(1, 10)],
    ]

    def __init__(self, library: Library, doc: Document, userdata: UserData, visit: Visit) -> None:
        super().__init__()
        self.library, self.document, self.userdata = library, doc, userdata
        self.visit = visit
        self.page = Page.build(doc, library.mentions)
        self._terms = library.terms(visit.query) if visit.query else frozenset()
        self._status = library.status(doc)

    def compose(self) -> ComposeResult:
        yield DocumentHeader(id="doc-header")
        with Horizontal():
            with Vertical(id="sidebar"):
                yield TableOfContents(id="toc")
                yield RelatedPanel(id="related")
            with Vertical(id="reading"):
                yield KeyPointsPanel(id="key-points")
                yield DocumentView(id="body")
                yield FindBar(id="find")
        yield Footer()

    async def on_mount(self) -> None:
        self._show_header()
        self.query_one(TableOfContents).show(self.document.sections)
        self.query_one(KeyPointsPanel).show(self.document.key_points)
        self.query_one(FindBar).display = False
        self._mark_terms()
        numbers = {t.key for t in self.page.links}
        body = self.query_one(DocumentView)
        await body.show(self.page, {n for n in numbers if self.library.resolve(n)})
        body.focus()
        self.call_after_refresh(body.settle_with, self._go_to_start)
        self._load_related()

    def _go_to_start(self) -> None:
        body = self.query_one(DocumentView)
        if self.visit.anchor:
            body.go_to_anchor(self.visit.anchor, self.visit.offset)
        if self.visit.query and body.page.matches:
            # The first match from the section the search found, marked as the cursor (now,
            # in the same frame: a key pressed meanwhile must not be undone by a late jump).
            body.step("matches", True)

    def _show_header(self) -> None:
        self.query_one(DocumentHeader).show(self.document, self._status,
                                            self.userdata.is_bookmarked(self.document.id))

    def _mark_terms(self) -> None:
        self.page.mark(lambda text: self.library.marks(text, self._terms))

    @work(thread=True, exclusive=True, group="related", exit_on_error=False)
    def _load_related(self) -> None:
        try:
            related = self.library.related(self.document.id)
        except NotFound:  # removed from the index since it was opened: nothing to relate
            related = Related()
        self.app.call_from_thread(self.query_one(RelatedPanel).show, related)

    def here(self) -> Visit:
        """This document and the reading position, to come back to."""
        anchor, offset = self.query_one(DocumentView).position()
        return self.visit._replace(anchor=anchor or None, offset=offset)

    def remember_position(self) -> None:
        """Keep the reading position for the next time this document is opened."""
        here = self.here()
        try:
            self.userdata.remember(self.document.id, Position(here.anchor, here.offset))
        except OSError as exc:
            self.notify(f"Could not save the reading position: {exc.strerror or exc}", severity="warning")

    def on_key(self) -> None:
        self.query_one(DocumentView).stop_settling()  # the user moves now: leave the start alone

    def on_mouse_down(self) -> None:
        self.query_one(DocumentView).stop_settling()

    def on_mouse_scroll_down(self) -> None:
        self.query_one(DocumentView).stop_settling()

    def on_mouse_scroll_up(self) -> None:
        self.query_one(DocumentView).stop_settling()

    def on_screen_suspend(self) -> None:
        self.remember_position()

    @on(SectionChanged)
    def _follow(self, event: SectionChanged) -> None:
        self.query_one(TableOfContents).follow(event.anchor)

    @on(SectionChosen)
    def _section_chosen(self, event: SectionChosen) -> None:
        self.query_one(DocumentView).go_to_anchor(event.anchor)

    @on(KeyPointChosen)
    def _key_point_chosen(self, event: KeyPointChosen) -> None:
        body = self.query_one(DocumentView)
        target = next((t for t in self.page.key_points if t.key == str(event.index)), None)
        if target is None:
            self.notify("This key point is not found in the text", severity="information")
            return
        body.show_target(target)

    @on(Input.Changed, "#find")
    def _find_typed(self, event: Input.Changed) -> None:
        body = self.query_one(DocumentView)
        self.page.find(event.value)
        body.cursor = None
        body.repaint()
        if self.page.matches:
            body.step("matches", True)

    @on(FindBar.Closed)
    def _find_closed(self, event: FindBar.Closed) -> None:
        body = self.query_one(DocumentView)
        if not event.keep:
            self._mark_terms()
            body.cursor = None
            body.repaint()
        elif not self.page.matches:
            self.notify("No match in this document", severity="information")
        body.focus()

    def action_next_section(self) -> None:
        body = self.query_one(DocumentView)
        body.go_to(body.current + 1)

    def action_previous_section(self) -> None:
        body = self.query_one(DocumentView)
        body.go_to(body.current - 1)

    def action_section(self, number: int) -> None:
        """Go to section `number`: the one numbered so ("Sec. 3."), else the n-th."""
        sections = self.document.sections
        index = next((i for i, s in enumerate(sections) if s.number == str(number)), number - 1)
        self.query_one(DocumentView).go_to(index)

    def action_toggle_toc(self) -> None:
        self.query_one("#sidebar").toggle_class("-toggled")

    def action_toggle_key_points(self) -> None:
        panel = self.query_one(KeyPointsPanel)
        panel.collapsed = not panel.collapsed

    def action_key_point(self, forward: bool) -> None:
        target = self.query_one(DocumentView).step("key_points", forward)
        if target is None:
            self.notify("This document has no key points marked in its text", severity="information")
        else:
            self.query_one(KeyPointList).point_at(int(target.key))

    def action_match(self, forward: bool) -> None:
        if self.query_one(DocumentView).step("matches", forward) is None:
            self.notify("No matches: press / to find a word", severity="information")

    def action_link(self, forward: bool) -> None:
        if self.query_one(DocumentView).step("links", forward) is None:
            self.notify("This document names no executive order", severity="information")

    def action_find(self) -> None:
        self.query_one(FindBar).open()

    def action_related(self) -> None:
        self.query_one("#sidebar").add_class("-toggled") if not self.query_one("#sidebar").display else None
        self.query_one(RelatedPanel).focus()

    def action_bookmark(self) -> None:
        doc = self.document
        try:
            if self.userdata.remove_bookmark(doc.id):
                self.notify("Bookmark removed")
            else:
                self.userdata.add_bookmark(Bookmark(doc.id, doc.title, doc.kind.value, doc.number,
                                                    self.query_one(DocumentView).reading or None))
                self.notify("Bookmarked: B lists the bookmarks")
        except OSError as exc:
            self.notify(f"Could not save the bookmarks: {exc.strerror or exc}", severity="error")
        self._show_header()

    def action_copy(self) -> None:
        selected = self.get_selected_text()
        text = clean(selected) if selected else citation(self.document)
        self.app.copy_to_clipboard(text)
        self.notify("Copied the selected text" if selected else f"Copied: {text}")

    def action_export(self) -> None:
        self.app.push_screen(
            PromptScreen("Export to Markdown file", f"{self.document.id}.md", check=_writable, warn=_exists),
            self._export)

    def _export(self, name: str | None) -> None:
        if not name:
            return
        path = Path(name).expanduser()
        status = status_line(*self._status) if self._status else ""
        try:
            path.write_text(to_markdown(self.document, status), encoding="utf-8")
        except OSError as exc:
            self.notify(f"Could not export: {exc.strerror or exc}", severity="error")
            return
        self.notify(f"Exported to {path}")


def _exists(name: str) -> str | None:
    return f"{name} exists and will be replaced" if Path(name).expanduser().exists() else None


def _writable(name: str) -> str | None:
    path = Path(name).expanduser()
    if path.is_dir():
        return f"{name} is a folder: name a file"
    if not path.absolute().parent.is_dir():
        return f"no folder {path.absolute().parent}"
    return None
