"""The search screen: a query box, live results, facets to filter by, and the sort order."""

from __future__ import annotations

import logging
from dataclasses import replace

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, OptionList, Static

from eoreader.library import Library
from eoreader.sanitize import clean_line
from eoreader.search import SORTS, Results
from eoreader.tui import searching
from eoreader.tui.messages import FacetChosen, Found, OpenDocument
from eoreader.tui.searching import Ahead, Latest, Request, page_size
from eoreader.tui.widgets.facet_panel import FacetPanel
from eoreader.tui.widgets.result_list import ResultList

# Past this, a search in flight shows "Searching…".
SLOW_SECONDS = 0.4
# While keys come, the words are searched as typed: correcting a half-typed word is wasted
# work (and the costliest part of many searches). A pause this long, or enter, corrects them.
CORRECT_AFTER_SECONDS = 0.3
# Partial results are searched again, each search carrying on where the last stopped, at
# most this many times (each runs for the search's time budget, 30 ms).
CARRY_ON_ROUNDS = 100
EMPTY_INDEX = ("The index is empty. Add documents with `eoreader ingest PATH`, or press ctrl+p and "
               "choose “Ingest a folder”.")


class SearchScreen(Screen[None]):
    """Type to search; results update as you type; enter opens the highlighted one.

    Every key searches at once, in one thread that always takes the newest query: keys typed
    during a search replace each other, and results for a query that is no longer the
    newest are dropped, never painted over a newer one's. Spelling is corrected once typing
    pauses."""

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

    def __init__(self, library: Library, ahead: Ahead | None = None) -> None:
        super().__init__()
        self.library = library
        # The first search, started at launch before this screen existed.
        self._ahead = ahead
        self.sort = SORTS[0]
        self.filters: dict[str, str] = {}
        self._results: Results | None = None
        # The newest request, and the request whose results are on the screen.
        self._wanted: Request | None = None
        self._shown: Request | None = None
        self._pending = Latest()
        # A query the user asked to run as typed, without spelling correction.
        self._as_typed: str | None = None
        self._focus_results = False
        self._slow: Timer | None = None
        # Typing paused (or never started): results may be searched again with corrections.
        self._paused = True
        self._pause: Timer | None = None
        # The count line on the screen.
        self._count_shown: Content | None = None

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

    def refresh_results(self, limit: int | None = None, correct: bool = True) -> None:
        """Search again with the current query, filters and sort (after an ingest, say), for
        `limit` hits (default: a page); misspelled words are corrected unless `correct` is
        False or the user said not to."""
        query = self.query_text
        self._ask(Request(query, self.sort, dict(self.filters), correct and query != self._as_typed,
                          limit or page_size(self.app.size.height)))

    def _ask(self, request: Request) -> None:
        """Search for `request` now, or as soon as the search running ends."""
        self._wanted = request
        if self._pending.put(request):
            self._search_thread()
        # A search that takes long says so, rather than leaving the last results standing.
        if self._slow is not None:
            self._slow.stop()
        self._slow = self.set_timer(SLOW_SECONDS, self._searching)

    @work(thread=True, group="search", exit_on_error=False)
    def _search_thread(self) -> None:
        """Run the newest request until none is waiting; each answer goes to the UI as a message."""
        while (request := self._pending.take()) is not None:
            try:
                ahead, self._ahead = self._ahead, None
                results = ahead.take(request) if ahead is not None else None
                if results is None:
                    results = searching.run(self.library, request, stop=self._pending.waiting)
            except Exception as exc:  # reported on the screen; the next key searches again
                logging.getLogger(__name__).exception("search %r failed", request.query)
                self.post_message(Found(request, None, error=str(exc) or type(exc).__name__))
                continue
            # Asked here, not by the UI thread, which would wait for the Library's lock.
            empty = not results.total and not len(self.library)
            self.post_message(Found(request, results, empty))

    def _searching(self) -> None:
        self._set_count(Content.styled("Searching…", "italic"))

    def _set_count(self, line: Content) -> None:
        """Show `line` above the results; the screen is laid out again only when the line's
        height may change (a layout costs more than the rest of painting a result set)."""
        box = self.query_one("#count", Static)
        width = box.content_region.width
        same_height = (self._count_shown is not None and self._count_shown.cell_length <= width
                       and line.cell_length <= width)
        box.update(line, layout=not same_height)
        self._count_shown = line

    @on(Input.Changed, "#query")
    def _typed(self, event: Input.Changed) -> None:
        self.refresh_results(correct=False)
        self._paused = False
        if self._pause is not None:
            self._pause.stop()
        self._pause = self.set_timer(CORRECT_AFTER_SECONDS, self._correct)

    def _correct(self) -> bool:
        """Typing paused: when the words as typed look misspelled, search again correcting
        them; True when that search started."""
        self._paused = True
        shown, results = self._shown, self._results
        if (shown is not None and shown is self._wanted and not shown.correct and results is not None
                and results.suggestion and shown.query != self._as_typed):
            self.refresh_results(shown.limit)
            return True
        return False

    @on(Input.Submitted, "#query")
    def _submitted(self) -> None:
        self._correct()
        # Enter before the query's results came: move to them once they are on the screen
        # (opening a stale result would open the wrong document).
        if self._shown is not self._wanted:
            self._focus_results = True
        else:
            self._focus_results_if_any()

    def _focus_results_if_any(self) -> None:
        self._focus_results = False
        results = self.query_one(ResultList)
        if results.option_count:
            results.focus()

    @on(Found)
    def _found(self, message: Found) -> None:
        if message.request is not self._wanted:
            return  # a newer query's results are on their way
        if self._slow is not None:
            self._slow.stop()
        if message.results is None:
            self._set_count(Content.styled(f"Search failed: {clean_line(message.error)}", "$text-error"))
            return
        request = message.request
        more = self._shown is not None and request.limit > self._shown.limit
        self._shown = request
        # Results carried on from partial ones keep the highlight where the user left it.
        self._show(message.results, message.empty_index, more or request.round > 0)
        # Results that came after typing paused may need correcting; a move to the results
        # asked for by enter waits for the corrected ones.
        corrected = self._paused and self._correct()
        if not corrected and message.results.partial and request.round < CARRY_ON_ROUNDS:
            # Time ran out (matching a phrase): the same search again carries on from there.
            self._ask(replace(request, round=request.round + 1))
        if not corrected and self._focus_results:
            self._focus_results_if_any()

    def _show(self, results: Results, empty_index: bool, more: bool) -> None:
        """Paint `results`: the hits, the count and the suggestion; the facets a frame later."""
        self._results = results
        self.query_one(ResultList).show(results.hits, keep=more)
        self._set_count(self._count_line(results, empty_index))
        suggestion = self.query_one("#suggestion", Static)
        suggestion.display = bool(results.suggestion or results.corrected)
        if results.corrected:
            suggestion.update(Content.from_markup(
                "Showing results for [b]$c[/b]. [@click=screen.search_as_typed]Search for $q instead[/] (ctrl+t)",
                c=clean_line(results.corrected), q=clean_line(results.query)))
        elif results.suggestion:
            suggestion.update(Content.from_markup(
                "Did you mean [@click=screen.use_suggestion][b]$s[/b][/]? (ctrl+g)", s=clean_line(results.suggestion)))
        # The hits are what the user waits for: the facets follow in the next frame.
        self.call_after_refresh(self._show_facets, results)

    def _show_facets(self, results: Results) -> None:
        if results is self._results:  # else newer results came first, with their own facets
            self.query_one(FacetPanel).show(results.facets, self.filters)

    def _count_line(self, results: Results, empty_index: bool) -> Content:
        if empty_index:
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

    @on(OptionList.OptionHighlighted, "#results")
    def _more(self, event: OptionList.OptionHighlighted) -> None:
        # At the last hit of a full page, ask for the next page (the same query, a higher limit).
        shown, hits = self._shown, self.query_one(ResultList)
        if (shown is not None and shown is self._wanted and event.option_index == hits.option_count - 1
                and hits.option_count >= shown.limit):
            self.refresh_results(shown.limit + page_size(self.app.size.height), shown.correct)

    @on(OptionList.OptionSelected, "#results")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if self._results is None or event.option.id is None:
            return
        hit = next((h for h in self._results.hits if h.id == event.option.id), None)
        section = hit.section if hit else None
        self.post_message(OpenDocument(event.option.id, section, self._results.query))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # None: listed (dimmed) in the help, but does nothing until there is something to do.
        # Asked at each key press and when the help opens; none of these is in the footer, so
        # results never refresh the bindings (the footer is rebuilt each time: 50-90 ms).
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
