"""Searches the screen did not start as the user typed: the first, started at launch before
the app; and searches that carry on partial results."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from eoreader import Library
from eoreader.tui.app import EOReaderApp
from eoreader.tui import searching
from eoreader.tui.screens import search as search_screen
from eoreader.tui.searching import Ahead, Request, page_size
from eoreader.tui.widgets.result_list import ResultList
from eoreader.userdata import UserData
from tests.tui.conftest import settle

SIZE = (120, 40)
# What the screen asks for on that terminal.
PAGE = page_size(SIZE[1])


class Counting(Library):
    """A Library that keeps the query of every search asked of it."""

    def __init__(self, folder: Path, **options: Any) -> None:
        super().__init__(folder, **options)
        self.asked: list[str] = []

    def search(self, query: str = "", *args, **kwargs):  # type: ignore[no-untyped-def]
        self.asked.append(query)
        return super().search(query, *args, **kwargs)


def hit_ids(app: EOReaderApp) -> list[str]:
    hits = app.screen.query_one(ResultList)
    return [str(hits.get_option_at_index(i).id) for i in range(hits.option_count)]


# Both ways the launch's search runs: in this process (a thread), and apart (a fork).
WAYS = pytest.mark.parametrize("apart", [False, True], ids=["thread", "fork"])


@WAYS
async def test_the_first_screen_shows_the_search_started_at_launch(sample_index: Path, userdata: UserData,
                                                                   apart: bool) -> None:
    with Counting(sample_index) as library:
        expected = [h.id for h in library.search("", limit=PAGE).hits]
        typed = [h.id for h in library.search("order", limit=PAGE).hits]
        library.asked.clear()
        ahead = Ahead(library, Request(limit=PAGE), apart=apart)
        assert ahead.apart == apart
        app = EOReaderApp(library, userdata, ahead=ahead)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert hit_ids(app) == expected
            # The screen took the launch's results, searching nothing itself; a forked search
            # asked its own handle on the index.
            assert library.asked == ([] if apart else [""])
            await pilot.press("o", "r", "d", "e", "r")
            await settle(pilot)
            assert library.asked[-1] == "order" and hit_ids(app) == typed != expected


@WAYS
async def test_a_launch_search_that_asked_something_else_is_not_shown(sample_index: Path, userdata: UserData,
                                                                      apart: bool) -> None:
    with Counting(sample_index) as library:
        expected = [h.id for h in library.search("", limit=PAGE).hits]
        library.asked.clear()
        ahead = Ahead(library, Request(query="wilmerhale", limit=PAGE), apart=apart)
        app = EOReaderApp(library, userdata, ahead=ahead)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert hit_ids(app) == expected
            assert sorted(library.asked) == ([""] if apart else ["", "wilmerhale"])


async def test_a_launch_that_cannot_fork_searches_in_a_thread(sample_index: Path, userdata: UserData,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    with Counting(sample_index) as library:
        expected = [h.id for h in library.search("", limit=PAGE).hits]
        library.asked.clear()
        ahead = Ahead(library, Request(limit=PAGE), apart=True)
        assert not ahead.apart
        app = EOReaderApp(library, userdata, ahead=ahead)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert hit_ids(app) == expected and library.asked == [""]


class Failing(Counting):
    """A Library whose searches fail where the launch's search runs: in its thread, or in
    another process."""

    def search(self, query: str = "", *args, **kwargs):  # type: ignore[no-untyped-def]
        if threading.current_thread().name == "first search" or os.getpid() != TESTS:
            raise OSError("disk gone")
        return super().search(query, *args, **kwargs)


TESTS = os.getpid()


@WAYS
async def test_a_failed_launch_search_is_searched_again(sample_index: Path, userdata: UserData,
                                                        monkeypatch: pytest.MonkeyPatch, apart: bool) -> None:
    with Library(sample_index) as library:
        expected = [h.id for h in library.search("", limit=PAGE).hits]
    monkeypatch.setattr(searching, "Library", Failing)  # the Library a fork opens
    with Failing(sample_index) as library:
        app = EOReaderApp(library, userdata, ahead=Ahead(library, Request(limit=PAGE), apart=apart))
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert hit_ids(app) == expected
            assert library.asked == [""]  # by the screen, once the launch's search failed


PHRASE = '"executive order"'


async def ask(pilot: Pilot[None], query: str) -> None:
    """Put `query` in the search box at once (typed, its prefixes would match the phrase
    first), and wait for its results."""
    pilot.app.screen.query_one("#query", Input).value = query
    await settle(pilot)


class OutOfTime(Library):
    """A Library whose first `rounds` searches of PHRASE run out of time at once."""

    def __init__(self, folder: Path, rounds: int) -> None:
        super().__init__(folder)
        self.rounds = rounds
        self.asked: list[tuple[str, bool]] = []

    def search(self, query: str = "", *args, **kwargs):  # type: ignore[no-untyped-def]
        if query == PHRASE and self.rounds:
            self.rounds -= 1
            kwargs["budget"] = 0.0
        results = super().search(query, *args, **kwargs)
        self.asked.append((query, results.partial))
        return results


async def test_partial_results_are_searched_again_until_whole(sample_index: Path, userdata: UserData) -> None:
    phrase = PHRASE
    with Library(sample_index) as library:
        found = library.search(phrase, limit=PAGE, budget=60)  # never partial
        whole = [h.id for h in found.hits]
    with OutOfTime(sample_index, rounds=2) as library:
        app = EOReaderApp(library, userdata)
        async with app.run_test(size=SIZE) as pilot:
            await ask(pilot, phrase)
            asked = [p for q, p in library.asked if q == phrase]
            # The two searches out of time, then (on a slow machine, after more partial ones) whole.
            assert asked[:2] == [True, True] and asked[-1] is False
            assert hit_ids(app) == whole and whole
            assert "stopped early" not in str(app.screen.query_one("#count", Static).render())


async def test_searching_again_stops_after_its_rounds(sample_index: Path, userdata: UserData,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_screen, "CARRY_ON_ROUNDS", 3)
    phrase = PHRASE
    with OutOfTime(sample_index, rounds=1000) as library:
        app = EOReaderApp(library, userdata)
        async with app.run_test(size=SIZE) as pilot:
            await ask(pilot, phrase)
            asked = [p for q, p in library.asked if q == phrase]
            assert asked == [True] * 4  # the search and three more, then what it found stays
            assert "stopped early" in str(app.screen.query_one("#count", Static).render())
