"""The eoreader app: global bindings, screens, and opening documents."""

from __future__ import annotations

from textual import on
from textual.app import App
from textual.binding import Binding

from eoreader.library import Library, NotFound
from eoreader.sanitize import clean_line
from eoreader.tui.messages import OpenDocument
from eoreader.tui.screens.help import HelpScreen
from eoreader.tui.screens.reader import ReaderScreen
from eoreader.tui.screens.search import SearchScreen


class EOReaderApp(App[None]):
    """Search and read executive orders."""

    TITLE = "eoreader"
    CSS_PATH = "styles/app.tcss"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help", key_display="?"),
    ]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library

    def on_mount(self) -> None:
        self.push_screen(SearchScreen(self.library))

    @on(OpenDocument)
    def open_document(self, message: OpenDocument) -> None:
        try:
            doc = self.library.get(message.doc_id)
        except NotFound:
            self.notify(f"{clean_line(message.doc_id)} is not in the index", severity="warning")
            return
        self.push_screen(ReaderScreen(self.library, doc, message.section, message.query))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))


def run(index_dir: str | None = None) -> None:
    """Open the index (filled from seeds/ on first launch from a checkout) and run the app."""
    from eoreader import paths

    with Library(index_dir) as library:
        seeds = paths.seeds_dir()
        if not len(library) and seeds is not None:
            library.ingest([seeds])
        EOReaderApp(library).run()
