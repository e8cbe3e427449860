"""Searching as the user types: only the newest request runs, one at a time, off the UI thread."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from textual.message import Message

from eoreader.search import Results


@dataclass(frozen=True, eq=False)
class Request:
    """One search the screen asked for; compared by identity, so a newer one with the same
    text is still newer."""

    query: str
    sort: str
    filters: dict[str, str]
    correct: bool
    limit: int


class Found(Message):
    """A search thread's answer to `request` (`results` None when the search failed: `error`)."""

    def __init__(self, request: Request, results: Results | None, empty_index: bool = False,
                 error: str = "") -> None:
        super().__init__()
        self.request = request
        self.results = results
        self.empty_index = empty_index
        self.error = error


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
