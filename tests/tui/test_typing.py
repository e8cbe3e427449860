"""Search as you type: every key searches at once, off the UI thread, and only the newest
query's results are painted."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from eoreader import Library
from eoreader.search import Results
from eoreader.tui.app import EOReaderApp
from eoreader.tui.screens import search as search_screen
from eoreader.tui.screens.search import SearchScreen
from eoreader.tui.searching import page_size
from eoreader.tui.widgets.result_list import ResultList
from tests.tui.conftest import settle

WIDE = (120, 40)


class Gate:
    """Stands in for `Library.search`: records each query searched, holds the `held` ones
    until released, and fails the `failing` ones."""

    def __init__(self, library: Library, held: set[str] = frozenset(), failing: set[str] = frozenset()) -> None:
        self.search = library.search
        self.held, self.failing = held, failing
        self.started: list[str] = []
        # (query, whether its words were corrected) of every search.
        self.corrected: list[tuple[str, bool]] = []
        self.released = threading.Event()

    def __call__(self, query: str = "", *args: Any, **kwargs: Any) -> Results:
        self.started.append(query)
        self.corrected.append((query, kwargs.get("correct", True)))
        if query in self.held:
            self.released.wait(10)
        if query in self.failing:
            raise RuntimeError("the disk is on fire")
        return self.search(query, *args, **kwargs)


def screen_of(app: EOReaderApp) -> SearchScreen:
    assert isinstance(app.screen, SearchScreen)
    return app.screen


def record_paints(screen: SearchScreen) -> list[str]:
    """The query of every result set the screen paints, in order."""
    painted: list[str] = []
    show = screen._show

    def recorded(results: Results, *args: Any) -> None:
        painted.append(results.query)
        show(results, *args)

    screen._show = recorded  # type: ignore[method-assign]
    return painted


async def until(pilot: Pilot[None], done: Any) -> None:
    for _ in range(200):
        if done():
            return
        await pilot.pause(0.01)
    raise AssertionError("waited 2 s in vain")


async def test_keys_typed_during_a_search_never_wait_and_only_the_newest_query_is_painted(
        sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = screen_of(sample_app)
        gate = Gate(sample_app.library, held={"o"})
        sample_app.library.search = gate  # type: ignore[method-assign]
        painted = record_paints(screen)
        await pilot.press("o")
        await until(pilot, lambda: gate.started == ["o"])
        # The search for "o" holds the search thread; the keys are taken all the same.
        await pilot.press(*"rder", "enter")
        assert screen.query_one("#query", Input).value == "order"
        assert painted == [] and gate.started == ["o"]
        gate.released.set()
        await settle(pilot)
        # "or", "ord" and "orde" were replaced by "order" before their turn came; the results
        # of "o" came back when "order" was the query, and were dropped.
        assert gate.started == ["o", "order"]
        assert painted == ["order"] and screen._results is not None and screen._results.total == 5
        # Enter, pressed before the results came, moves to them once they are the query's.
        assert sample_app.focused is screen.query_one(ResultList)


async def test_a_failed_search_says_so_and_the_next_key_searches_again(sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        sample_app.library.search = Gate(sample_app.library, failing={"orderx"})  # type: ignore[method-assign]
        await pilot.press(*"orderx")
        await settle(pilot)
        assert str(screen_of(sample_app).query_one("#count", Static).render()).startswith(
            "Search failed: the disk is on fire")
        await pilot.press("backspace")
        await settle(pilot)
        assert str(screen_of(sample_app).query_one("#count", Static).render()).startswith("5 documents")


async def test_the_last_hit_of_a_page_brings_the_next_page(corpus_app: EOReaderApp) -> None:
    async with corpus_app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        hits = corpus_app.screen.query_one(ResultList)
        page = page_size(WIDE[1])
        assert hits.option_count == page
        first = [hits.get_option_at_index(i).id for i in range(page)]
        hits.focus()
        await pilot.press("G")
        await settle(pilot)
        assert hits.option_count == 2 * page and hits.highlighted == page - 1
        assert [hits.get_option_at_index(i).id for i in range(page)] == first


async def test_words_are_searched_as_typed_while_keys_come_and_corrected_once_typing_pauses(
        sample_app: EOReaderApp, monkeypatch: pytest.MonkeyPatch) -> None:
    async with sample_app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        # A pause long enough that a loaded machine delivering keys slowly never makes one.
        monkeypatch.setattr(search_screen, "CORRECT_AFTER_SECONDS", 2.0)
        gate = Gate(sample_app.library)
        sample_app.library.search = gate  # type: ignore[method-assign]
        await pilot.press(*"counterterorism")
        await until(pilot, lambda: ("counterterorism", False) in gate.corrected)
        assert all(not correct for _, correct in gate.corrected)
        await settle(pilot)
        assert gate.corrected[-1] == ("counterterorism", True)
        assert "Showing results for counterterrorism" in str(
            screen_of(sample_app).query_one("#suggestion", Static).render())
        # A word found as typed is searched once: there is nothing to correct.
        gate.corrected.clear()
        await pilot.press("ctrl+u", *"order")
        await settle(pilot)
        assert gate.corrected[-1] == ("order", False) and ("order", True) not in gate.corrected


async def test_enter_corrects_at_once(sample_app: EOReaderApp, monkeypatch: pytest.MonkeyPatch) -> None:
    async with sample_app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        # No pause in typing would count from here: only enter can ask for the correction.
        monkeypatch.setattr(search_screen, "CORRECT_AFTER_SECONDS", 60.0)
        gate = Gate(sample_app.library)
        sample_app.library.search = gate  # type: ignore[method-assign]
        await pilot.press(*"counterterorism")
        await until(pilot, lambda: screen_of(sample_app)._shown is screen_of(sample_app)._wanted)
        await pilot.press("enter")
        await until(pilot, lambda: ("counterterorism", True) in gate.corrected)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        screen = screen_of(sample_app)
        assert screen._results is not None and screen._results.corrected == "counterterrorism"
        assert sample_app.focused is screen.query_one(ResultList)


async def test_enter_before_any_results_moves_to_the_corrected_ones(
        sample_app: EOReaderApp, monkeypatch: pytest.MonkeyPatch) -> None:
    async with sample_app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        monkeypatch.setattr(search_screen, "CORRECT_AFTER_SECONDS", 60.0)
        screen = screen_of(sample_app)
        gate = Gate(sample_app.library, held={"counterterorism"})
        sample_app.library.search = gate  # type: ignore[method-assign]
        moved: list[bool] = []  # whether the results were corrected, at each move to them
        focus = screen._focus_results_if_any

        def recorded() -> None:
            moved.append(bool(screen._shown and screen._shown.correct))
            focus()

        screen._focus_results_if_any = recorded  # type: ignore[method-assign]
        await pilot.press(*"counterterorism", "enter")
        await until(pilot, lambda: ("counterterorism", False) in gate.corrected)
        gate.released.set()
        await until(pilot, lambda: ("counterterorism", True) in gate.corrected)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert screen._results is not None and screen._results.corrected == "counterterrorism"
        assert moved == [True] and sample_app.focused is screen.query_one(ResultList)
