"""The search screen: a query box and live results."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.worker import get_current_worker

from eoreader.library import Library
from eoreader.search import Results
from eoreader.tui.messages import OpenDocument
from eoreader.tui.widgets.result_list import ResultList

# Wait for a pause in typing before searching; each new key cancels the pending search.
DEBOUNCE_SECONDS = 0.15
RESULT_LIMIT = 50


class SearchScreen(Screen[None]):
    """Type to search; results update as you type; enter opens the highlighted one."""

    BINDINGS = [
        Binding("slash", "focus_query", "Search", key_display="/"),
        Binding("down", "focus_results", "Results", show=False),
        Binding("escape", "clear", "Clear"),
    ]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self._results: Results | None = None
        self._debounce: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Search orders, proclamations, fact sheets… (empty: newest)", id="query")
        yield Static(id="count")
        yield ResultList(id="results")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#query", Input).focus()
        self.run_search("")

    @on(Input.Changed, "#query")
    def _typed(self, event: Input.Changed) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE_SECONDS, lambda: self.run_search(event.value))

    @on(Input.Submitted, "#query")
    def _submitted(self) -> None:
        results = self.query_one(ResultList)
        if results.option_count:
            results.focus()

    @work(exclusive=True, thread=True, group="search")
    def run_search(self, query: str) -> None:
        """Search off the UI thread; a newer search cancels this one's display."""
        results = self.library.search(query, limit=RESULT_LIMIT)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, results)

    def _show(self, results: Results) -> None:
        self._results = results
        noun = "document" if results.total == 1 else "documents"
        count = Text(f"{results.total} {noun}")
        if not len(self.library):
            count = Text("The index is empty: run `eoreader ingest PATH` to add documents.")
        self.query_one("#count", Static).update(count)
        self.query_one(ResultList).show(results.hits)

    @on(OptionList.OptionSelected, "#results")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if self._results is None or event.option.id is None:
            return
        hit = next((h for h in self._results.hits if h.id == event.option.id), None)
        section = hit.section if hit else None
        self.post_message(OpenDocument(event.option.id, section, self._results.query))

    def action_focus_query(self) -> None:
        self.query_one("#query", Input).focus()

    def action_focus_results(self) -> None:
        self.query_one(ResultList).focus()

    def action_clear(self) -> None:
        box = self.query_one("#query", Input)
        box.value = ""
        box.focus()
