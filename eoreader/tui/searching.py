"""Searching as the user types: only the newest request runs, one at a time, off the UI thread.

Textual-free, so the launch can start the first search before Textual has loaded.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import sys
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
    search runs while Textual loads, and its results are ready when the screen asks.

    `apart` (the default on Linux): in a forked process, so that the search and Textual's
    import run on two cores instead of taking turns at one interpreter's lock (first screen
    at 100,000 documents 0.42 -> 0.34 s). Otherwise, or when other threads already run (a
    fork copies only this one, and whatever locks the others hold), in a thread."""

    def __init__(self, library: Library, request: Request, apart: bool = sys.platform == "linux") -> None:
        self.request = request
        forked = _in_child(library, request) if apart and threading.active_count() == 1 else None
        self.apart = forked is not None
        self._answer: Callable[[], Results | None] | None = forked or _in_thread(library, request)

    def take(self, request: Request) -> Results | None:
        """The results of `request` when this search asked the same (waiting for it to end);
        None when it asked something else, failed, or they were already taken: the screen
        then searches itself, and reports what fails."""
        answer, self._answer = self._answer, None
        results = answer() if answer is not None else None
        return results if request.asks_same(self.request) else None


# How long a forked search may take before it is given up (stopped, and searched again).
CHILD_SECONDS = 5.0


def _in_thread(library: Library, request: Request) -> Callable[[], Results | None]:
    answer: list[Results] = []

    def search() -> None:
        try:
            answer.append(run(library, request))
        except Exception:  # noqa: BLE001, S110  the screen searches again, and reports what fails
            pass

    thread = threading.Thread(target=search, name="first search", daemon=True)
    thread.start()

    def wait() -> Results | None:
        thread.join()
        return answer[0] if answer else None

    return wait


def _in_child(library: Library, request: Request) -> Callable[[], Results | None] | None:
    """None when no process could be forked (out of processes or files): a thread will do."""
    try:
        reading, writing = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(reading)
        os.close(writing)
        return None
    if pid == 0:
        try:  # the child says nothing on the terminal: a failure is its exit status
            os.close(reading)
            # Its own handle on the index: files opened before the fork share their read
            # offsets with the parent's.
            with Library(library.path, rebuild=False) as own, open(writing, "wb") as pipe:
                pickle.dump(run(own, request), pipe)
            os._exit(0)
        finally:
            os._exit(1)
    os.close(writing)

    def wait() -> Results | None:
        with open(reading, "rb") as pipe:
            sent = pipe.read() if select.select([pipe], [], [], CHILD_SECONDS)[0] else b""
        if not sent:
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        return pickle.loads(sent) if sent and status == 0 else None

    return wait


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
