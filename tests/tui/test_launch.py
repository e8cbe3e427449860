"""The first search, started at launch before the app: its results make the first screen."""

from __future__ import annotations

from pathlib import Path

from eoreader import Library
from eoreader.tui.app import EOReaderApp
from eoreader.tui.searching import Ahead, Request
from eoreader.tui.widgets.result_list import ResultList
from eoreader.userdata import UserData
from tests.tui.conftest import settle


class Counting(Library):
    """A Library that keeps the query of every search asked of it."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.asked: list[str] = []

    def search(self, query: str = "", *args, **kwargs):  # type: ignore[no-untyped-def]
        self.asked.append(query)
        return super().search(query, *args, **kwargs)


def hit_ids(app: EOReaderApp) -> list[str]:
    hits = app.screen.query_one(ResultList)
    return [str(hits.get_option_at_index(i).id) for i in range(hits.option_count)]


async def test_the_first_screen_shows_the_search_started_at_launch(sample_index: Path, userdata: UserData) -> None:
    with Counting(sample_index) as library:
        expected = [h.id for h in library.search("", limit=20).hits]
        typed = [h.id for h in library.search("order", limit=20).hits]
        library.asked.clear()
        app = EOReaderApp(library, userdata, ahead=Ahead(library, Request()))
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert hit_ids(app) == expected
            assert library.asked == [""]  # the screen took the launch's results, searching nothing itself
            await pilot.press("o", "r", "d", "e", "r")
            await settle(pilot)
            assert library.asked[-1] == "order" and hit_ids(app) == typed != expected


async def test_a_launch_search_that_asked_something_else_is_not_shown(sample_index: Path, userdata: UserData) -> None:
    with Counting(sample_index) as library:
        expected = [h.id for h in library.search("", limit=20).hits]
        library.asked.clear()
        app = EOReaderApp(library, userdata, ahead=Ahead(library, Request(query="wilmerhale")))
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert hit_ids(app) == expected
            assert sorted(library.asked) == ["", "wilmerhale"]
