"""The eoreader app: global bindings, opening documents, back / forward history, commands."""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.worker import get_current_worker
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from eoreader.library import Library, NotFound
from eoreader.sanitize import clean_line
from eoreader.tui.commands import DocumentCommands
from eoreader.tui.messages import FollowReference, OpenDocument
from eoreader.tui.screens.bookmarks import BookmarksScreen
from eoreader.tui.screens.deadlines import DeadlinesScreen
from eoreader.tui.screens.help import HelpScreen
from eoreader.tui.screens.ingest import IngestJob, IngestScreen
from eoreader.tui.screens.prompt import PromptScreen
from eoreader.tui.screens.reader import ReaderScreen, Visit
from eoreader.tui.screens.search import SearchScreen
from eoreader.tui.screens.sync import SyncJob, SyncScreen
from eoreader.tui.searching import Ahead
from eoreader.userdata import UserData

if TYPE_CHECKING:  # sync (and the ingest it imports) loads when a sync starts, not at launch
    from eoreader.sync.summary import Progress


class EOReaderApp(App[None]):
    """Search and read executive orders."""

    TITLE = "eoreader"
    CSS_PATH = ["styles/app.tcss", "styles/search.tcss", "styles/reader.tcss"]
    COMMANDS = App.COMMANDS | {DocumentCommands}
    # Below 100 columns the table of contents and the facets fold away (t / ctrl+f bring them).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("B,ctrl+b", "bookmarks", "Bookmarks", key_display="B", show=False),
        Binding("D", "deadlines", "Deadlines", show=False),
        Binding("alt+left", "back", "Back", show=False),
        Binding("alt+right,f", "forward", "Forward", show=False),
        Binding("number_sign", "open_order", "Open order by number", key_display="#", show=False),
        Binding("I", "ingest", "Ingest a folder", show=False),
        Binding("T", "change_theme", "Switch theme", show=False),
    ]

    def __init__(self, library: Library, userdata: UserData | None = None, ahead: Ahead | None = None) -> None:
        super().__init__()
        self.library = library
        # The first search, started before the app (eoreader.tui.launch).
        self.ahead = ahead
        self.userdata = userdata if userdata is not None else UserData.load()
        self.forward_visits: list[Visit] = []
        self.ingest_job: IngestJob | None = None
        self.sync_job: SyncJob | None = None
        # Keyword arguments for `eoreader.sync.sync` (mirror, since, settings ...); none: its defaults.
        self.sync_options: dict[str, Any] = {}

    def on_mount(self) -> None:
        self.push_screen(SearchScreen(self.library, self.ahead))

    def open(self, visit: Visit) -> bool:
        """Read `visit`'s document where it says, else where the user last stopped in it."""
        try:
            doc = self.library.get(visit.doc_id)
        except NotFound:
            self.notify(f"{clean_line(visit.doc_id)} is not in the index", severity="warning")
            return False
        if visit.anchor is None and not visit.query and (last := self.userdata.position(doc.id)):
            visit = visit._replace(anchor=last.section, offset=last.offset)
        screen = ReaderScreen(self.library, doc, self.userdata, visit._replace(doc_id=doc.id))
        # A new screen gets its breakpoint classes at its first resize, after its first layout:
        # give them now, or the start position is worked out on the wrong layout.
        screen.add_class(*self.size_classes())
        self.push_screen(screen)
        return True

    def size_classes(self) -> list[str]:
        """The breakpoint classes (-narrow / -wide, -short / -tall) for the terminal's size."""
        width, height = self.size
        return [next(name for limit, name in reversed(points) if size >= limit)
                for size, points in ((width, self.HORIZONTAL_BREAKPOINTS), (height, self.VERTICAL_BREAKPOINTS))]

    @on(OpenDocument)
    def _open_document(self, message: OpenDocument) -> None:
        if self.open(Visit(message.doc_id, message.section, 0, message.query)):
            self.forward_visits.clear()

    @on(FollowReference)
    def _follow(self, message: FollowReference) -> None:
        doc_id = self.library.resolve(message.number)
        if doc_id is None:
            self.notify(f"EO {clean_line(message.number)} is not in the index", severity="warning")
        elif isinstance(self.screen, ReaderScreen) and self.screen.document.id == doc_id:
            self.notify("That is this document")
        elif self.open(Visit(doc_id)):
            self.forward_visits.clear()

    async def action_back(self) -> None:
        """Return to the document (or the search) before this one."""
        screen = self.screen
        if isinstance(screen, ReaderScreen):
            screen.remember_position()
            self.forward_visits.append(screen.here())
            self.pop_screen()
        elif len(self.screen_stack) > 2:
            self.pop_screen()

    def action_forward(self) -> None:
        """Go again to the document that back left."""
        if not self.forward_visits:
            self.notify("Nothing to go forward to", timeout=2)
            return
        self.open(self.forward_visits.pop())

    def action_search(self) -> None:
        """Back to the search screen, its query box focused."""
        while not isinstance(self.screen, SearchScreen) and len(self.screen_stack) > 2:
            if isinstance(self.screen, ReaderScreen):
                self.screen.remember_position()
            self.pop_screen()
        if isinstance(self.screen, SearchScreen):
            self.screen.action_focus_query()

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_bookmarks(self) -> None:
        if isinstance(self.screen, BookmarksScreen):
            return
        self.push_screen(BookmarksScreen(self.userdata))

    def action_deadlines(self) -> None:
        """List every deadline across the index."""
        if not isinstance(self.screen, DeadlinesScreen):
            self.push_screen(DeadlinesScreen(self.library))

    def action_open_order(self) -> None:
        """Ask for an order number and open that order."""
        def check(value: str) -> str | None:
            return None if self.library.resolve(value) else f"{value} is not in the index"

        def opened(value: str | None) -> None:
            if value and (doc_id := self.library.resolve(value)):
                self.post_message(OpenDocument(doc_id))

        self.push_screen(PromptScreen("Open executive order number", "", check=check), opened)

    def action_ingest(self) -> None:
        """Ask for a folder and add its documents to the index, in the background."""
        if self.ingest_job is not None and self.ingest_job.finished is None:
            self.push_screen(IngestScreen(self.ingest_job))
            return

        def check(value: str) -> str | None:
            return None if Path(value).expanduser().exists() else f"no such file or folder: {value}"

        def start(value: str | None) -> None:
            if value:
                self.ingest_job = IngestJob(Path(value).expanduser())
                self.push_screen(IngestScreen(self.ingest_job))
                self._ingest(self.ingest_job)

        self.push_screen(PromptScreen("Ingest the documents in this folder", str(Path.cwd()), check=check), start)

    @work(thread=True, exclusive=True, group="ingest", exit_on_error=False)
    def _ingest(self, job: IngestJob) -> None:
        try:
            job.summary = self.library.ingest([job.folder], progress=job.advance)
        except (Exception, KeyboardInterrupt) as exc:  # reported to the user: an ingest failing must not end the reader
            job.error = str(exc)
        finally:
            job.finished = time.monotonic()
            self.call_from_thread(self._ingested, job)

    def _ingested(self, job: IngestJob) -> None:
        """New documents are in the index: say so and search again."""
        self.notify(job.report(), severity="error" if job.error else "information", timeout=8)
        for screen in self.screen_stack:
            if isinstance(screen, SearchScreen):
                screen.refresh_results()

    def action_sync(self) -> None:
        """Mirror new documents from the Federal Register and ingest them, in the background."""
        if self.sync_job is None or self.sync_job.finished is not None:
            self.sync_job = SyncJob()
            self._sync(self.sync_job)
        self.push_screen(SyncScreen(self.sync_job))

    @work(thread=True, exclusive=True, group="sync", exit_on_error=False)
    def _sync(self, job: SyncJob) -> None:
        from eoreader.sync import sync

        worker = get_current_worker()

        def progressed(progress: Progress) -> None:
            job.progress = progress

        try:
            job.summary = sync(library=self.library, on_progress=progressed,
                               cancelled=lambda: job.stop or worker.is_cancelled, **self.sync_options)
        except (Exception, KeyboardInterrupt) as exc:  # reported to the user: no network must not end the reader
            job.error = str(exc) or type(exc).__name__
        finally:
            job.finished = time.monotonic()
            self.call_from_thread(self._synced, job)

    def _synced(self, job: SyncJob) -> None:
        """The sync ended: say how, and show what it added."""
        self.library.refresh()
        failed = job.error or (job.summary is not None and job.summary.failed)
        self.notify(job.report(), severity="error" if job.error else "warning" if failed else "information",
                    timeout=8)
        for screen in self.screen_stack:
            if isinstance(screen, SearchScreen):
                screen.refresh_results()
            elif isinstance(screen, SyncScreen):
                screen.update()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Open order by number…", "Open an executive order by its number", self.action_open_order)
        yield SystemCommand("Bookmarks", "List the bookmarked documents", self.action_bookmarks)
        yield SystemCommand("Deadlines", "Every deadline the orders set, overdue or upcoming (D)",
                            self.action_deadlines)
        yield SystemCommand("Ingest a folder…", "Add the documents of a folder to the index", self.action_ingest)
        yield SystemCommand("Sync from the Federal Register", "Mirror and ingest new orders from the API",
                            self.action_sync)
        yield SystemCommand("Search", "Back to the search screen", self.action_search)
        if self.forward_visits:
            yield SystemCommand("Forward", "Go again to the document you went back from", self.action_forward)
        if isinstance(screen, ReaderScreen):
            yield SystemCommand("Back", "Return to the previous document or the search", self.action_back)
            yield SystemCommand("Bookmark this document", "Add or remove a bookmark (b)", screen.action_bookmark)
            yield SystemCommand("Copy citation", "Copy the citation or the selected text (y)", screen.action_copy)
            yield SystemCommand("Export to Markdown…", "Save this document as a Markdown file (e)",
                                screen.action_export)
            yield SystemCommand("Find in document", "Mark a word everywhere in this document (/)", screen.action_find)

    async def action_quit(self) -> None:
        """Keep the reading position of every open document, then quit."""
        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen):
                screen.remember_position()
        self.exit()
