"""Searching as the user types: only the newest request runs, one at a time, off the UI thread.

Textual-free, so the launch can start the first search before Textual has loaded.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from eoreader.library import Library
from eoreader.search import SORTS, Results

# Hits asked for at a time: at least this many, and more on a taller terminal (page_size).
PAGE = 10
# The facets the search screen shows, in the panel's order.
FACETS = ("kind", "president", "year")


def page_size(rows: int) -> int:
    """Hits asked for at a time on a terminal of `rows` lines: a screenful (a hit takes four
    or five rows) and a few more; moving to the last asks for as many more. Every hit costs a
    passage and a status: twenty, on 40 rows, made the slowest keystrokes ~10 ms slower."""
    return max(PAGE, rows // 4 + 4)


@dataclass(frozen=True, eq=False)
class Request:
    """One search the screen asked for; compared by identity, so a newer one with the same
    text is still newer."""

    query: str = ""
    sort: str = SORTS[0]
    filters: dict[str, str] = field(default_factory=dict)
    correct: bool = True
    limit: int = PAGE
    # How many times the same search came before, each partial (time ran out).
    round: int = 0

    def asks_same(self, other: Request) -> bool:
        """Whether `other` would find the same results."""
        return (self.query, self.sort, self.filters, self.correct, self.limit, self.round) == (
            other.query, other.sort, other.filters, other.correct, other.limit, other.round)


def run(library: Library, request: Request, stop: Callable[[], bool] | None = None) -> Results:
    """`request`'s results, with the facets the screen shows."""
    filters = request.filters
    year = int(filters["year"]) if filters.get("year", "").isdigit() else None
    return library.search(request.query, limit=request.limit, sort=request.sort, kind=filters.get("kind"),
                          president=filters.get("president"), year=year, correct=request.correct,
                          facets=FACETS, stop=stop)


class Ahead:
    """A search started before the screen that shows it exists: at launch, the first screen's
    search runs while Textual loads, and its results are ready when the screen asks."""

    def __init__(self, library: Library, request: Request) -> None:
        self.request = request
        self._results: Results | None = None
        self._error: Exception | None = None
        self._thread: threading.Thread | None = threading.Thread(
            target=self._run, args=(library,), name="first search", daemon=True)
        self._thread.start()

    def _run(self, library: Library) -> None:
        try:
            self._results = run(library, self.request)
        except Exception as exc:  # raised again to the screen's search thread, which reports it
            self._error = exc

    def take(self, request: Request) -> Results | None:
        """The results of `request` when this search asked the same (waiting for it to end);
        None when it asked something else, or they were already taken."""
        thread, self._thread = self._thread, None
        if thread is None or not request.asks_same(self.request):
            return None
        thread.join()
        if self._error is not None:
            raise self._error
        return self._results


class Latest:
    """The newest request no thread has taken yet. The UI thread puts, never waiting; the one
    search thread takes until none is left, so requests typed during a search replace each
    other and only the last of them runs."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._next: Request | None = None
        self._running = False

    def put(self, request: Request) -> bool:
        """Queue `request` in place of any still waiting; True when a thread must be started."""
        with self._lock:
            self._next = request
            start, self._running = not self._running, True
            return start

    def waiting(self) -> bool:
        """Whether a newer request waits: the one running may give up (asked by the search)."""
        return self._next is not None

    def take(self) -> Request | None:
        """The request to run next; None when there is none, and the thread ends."""
        with self._lock:
            request, self._next = self._next, None
            self._running = request is not None
            return request
