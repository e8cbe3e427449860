"""One time budget for every stage of a search, and whether any stage cut its work short."""

from __future__ import annotations

import time
from collections.abc import Callable


class Deadline:
    """A point in time past which a search stops adding work and returns what it has; or
    sooner, when `stop()` says its answer is no longer wanted (a newer query is waiting)."""

    def __init__(self, seconds: float, stop: Callable[[], bool] | None = None) -> None:
        self.at = time.monotonic() + seconds
        self.stop = stop
        # Some stage gave up part of its work: the results are partial.
        self.missed = False

    def passed(self, reserve: float = 0.0) -> bool:
        """Whether the time is up, or will be within `reserve` seconds (kept for the stages
        after); a stage that then stops calls `give_up()`."""
        return time.monotonic() > self.at - reserve or (self.stop is not None and self.stop())

    def give_up(self) -> None:
        self.missed = True


NO_DEADLINE = Deadline(float("inf"))
