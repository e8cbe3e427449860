"""The search screen: a query box, live results, facets to filter by, and the sort order."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.worker import get_current_worker

from eoreader.library import Library
from eoreader.sanitize import clean_line
from eoreader.search import SORTS, Results
from eoreader.tui.messages import FacetChosen, OpenDocument
from eoreader.tui.widgets.facet_panel import FacetPanel
from eoreader.tui.widgets.result_list import ResultList

# Wait for a pause in typing before searching; each new key cancels the pending search.
DEBOUNCE_SECONDS = 0.15
RESULT_LIMIT = 50
# Past this, a search in flight shows "Searching…".
SLOW_SECONDS = 0.4
EMPTY_INDEX = ("The index is empty. Add documents with `eoreader ingest PATH`, or press ctrl+p and "
               "choose “Ingest a folder”.")


class SearchScreen(Screen[None]):
    """Type to search; results update as you type; enter opens the highlighted one."""

    BINDINGS = [
        Binding("slash", "focus_query", "Search", key_display="/"),
        Binding("down", "focus_results", "Results", show=False),
        Binding("escape", "clear", "Clear", show=False),
        Binding("ctrl+o", "sort", "Sort"),
        Binding("ctrl+f", "facets", "Filters"),
        # Shown here (the app-wide B is not): the way to the bookmarks for the mouse.
        Binding("ctrl+b", "app.bookmarks", "Bookmarks"),
        Binding("ctrl+r", "reset_filters", "Drop filters", show=False),
        Binding("ctrl+g", "use_suggestion", "Did you mean", show=False),
        Binding("ctrl+t", "search_as_typed", "Search as typed", show=False),
    ]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.sort = SORTS[0]
        self.filters: dict[str, str] = {}
        self._results: Results | None = None
        self._debounce: Timer | None = None
        # A query the user asked to run as typed, without spelling correction.
        self._as_typed: str | None = None
        self._focus_results = False
        self._slow: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Search orders, proclamations, fact sheets… (empty: newest)", id="query")
        yield Static(id="count")
        yield Static(id="suggestion")
        with Horizontal():
            yield FacetPanel(id="facets")
            yield ResultList(id="results")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#query", Input).focus()
        self.query_one("#suggestion").display = False
        self.refresh_results()

    @property
    def query_text(self) -> str:
        return self.query_one("#query", Input).value

    def refresh_results(self) -> None:
        """Search again with the current query, filters and sort (after an ingest, say)."""
        query = self.query_text
        self.run_search(query, self.sort, dict(self.filters), correct=query != self._as_typed)
        # A search that takes long says so, rather than leaving the last results standing.
        if self._slow is not None:
            self._slow.stop()
        self._slow = self.set_timer(SLOW_SECONDS, self._searching)

    def _searching(self) -> None:
        self.query_one("#count", Static).update(Content.styled("Searching…", "italic"))

    @on(Input.Changed, "#query")
    def _typed(self, event: Input.Changed) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE_SECONDS, self.refresh_results)

    @on(Input.Submitted, "#query")
    def _submitted(self) -> None:
        # Enter before the debounced search ran: search now, and move to the results once
        # they are the query's (opening a stale result would open the wrong document).
        if self._results is None or self._results.query != self.query_text:
            if self._debounce is not None:
                self._debounce.stop()
            self._focus_results = True
            self.refresh_results()
        else:
            self._focus_results_if_any()

    def _focus_results_if_any(self) -> None:
        self._focus_results = False
        results = self.query_one(ResultList)
        if results.option_count:
            results.focus()

    @work(exclusive=True, thread=True, group="search", exit_on_error=False)
    def run_search(self, query: str, sort: str, filters: dict[str, str], correct: bool = True) -> None:
        """Search off the UI thread; a newer search cancels this one's display."""
        year = int(filters["year"]) if filters.get("year", "").isdigit() else None
        results = self.library.search(query, limit=RESULT_LIMIT, sort=sort, kind=filters.get("kind"),
                                      president=filters.get("president"), year=year, correct=correct)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, results)

    def _show(self, results: Results) -> None:
        if self._slow is not None:
            self._slow.stop()
        self._results = results
        self.query_one("#count", Static).update(self._count_line(results))
        suggestion = self.query_one("#suggestion", Static)
        suggestion.display = bool(results.suggestion or results.corrected)
        if results.corrected:
            suggestion.update(Content.from_markup(
                "Showing results for [b]$c[/b]. [@click=screen.search_as_typed]Search for $q instead[/] (ctrl+t)",
                c=clean_line(results.corrected), q=clean_line(results.query)))
        elif results.suggestion:
            suggestion.update(Content.from_markup(
                "Did you mean [@click=screen.use_suggestion][b]$s[/b][/]? (ctrl+g)", s=clean_line(results.suggestion)))
        self.query_one(FacetPanel).show(results.facets, self.filters)
        self.query_one(ResultList).show(results.hits)
        self.refresh_bindings()
        if self._focus_results and results.query == self.query_text:
            self._focus_results_if_any()

    def _count_line(self, results: Results) -> Content:
        if not len(self.library):
            return Content(EMPTY_INDEX)
        noun = "document" if results.total == 1 else "documents"
        line = Content(f"{results.total:,} {noun}") + Content.styled(f" · sorted by {self.sort}", "dim")
        for facet, value in self.filters.items():
            line += Content.styled(f" · {facet}: {clean_line(value)}", "bold")
        if self.filters:
            line += Content.from_markup(" [@click=screen.reset_filters]✕ drop filters[/]")
        for message in results.messages:
            line += Content.styled(f" · {clean_line(message)}", "$text-warning")
        if results.partial:
            line += Content.styled(" · stopped early: the best found so far", "$text-warning")
        return line

    @on(FacetChosen)
    def _facet(self, event: FacetChosen) -> None:
        if self.filters.get(event.facet) == event.value:
            del self.filters[event.facet]
        else:
            self.filters[event.facet] = event.value
        self.refresh_results()

    @on(OptionList.OptionSelected, "#results")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if self._results is None or event.option.id is None:
            return
        hit = next((h for h in self._results.hits if h.id == event.option.id), None)
        section = hit.section if hit else None
        self.post_message(OpenDocument(event.option.id, section, self._results.query))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # None: listed (dimmed) in the help, but does nothing until there is something to do.
        if action == "use_suggestion":
            return True if self._results and self._results.suggestion else None
        if action == "reset_filters":
            return True if self.filters else None
        if action == "search_as_typed":
            return True if self._results and self._results.corrected else None
        return True

    def action_focus_query(self) -> None:
        self.query_one("#query", Input).focus()

    def action_focus_results(self) -> None:
        self.query_one(ResultList).focus()

    def action_clear(self) -> None:
        box = self.query_one("#query", Input)
        box.value = ""
        box.focus()

    def action_sort(self) -> None:
        """Sort by the next order: relevance, newest, oldest, number."""
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.notify(f"Sorted by {self.sort}", timeout=2)
        self.refresh_results()

    def action_facets(self) -> None:
        panel = self.query_one(FacetPanel)
        if panel.has_focus:
            panel.toggle_class("-toggled")
            self.query_one(ResultList).focus()
            return
        if not panel.display:
            panel.add_class("-toggled")
        panel.focus()

    def action_reset_filters(self) -> None:
        self.filters.clear()
        self.refresh_results()

    def action_use_suggestion(self) -> None:
        if self._results and self._results.suggestion:
            self.query_one("#query", Input).value = self._results.suggestion

    def action_search_as_typed(self) -> None:
        """Run the query as typed, without correcting its spelling."""
        self._as_typed = self.query_text
        self.refresh_results()
