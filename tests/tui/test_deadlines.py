"""The deadlines screen over real orders: every deadline listed soonest first, overdue marked, enter opens."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from eoreader import Library
from eoreader.tui.app import EOReaderApp
from eoreader.tui.screens.deadlines import DeadlineList, DeadlinesScreen
from eoreader.tui.screens.reader import ReaderScreen
from eoreader.tui.screens.search import SearchScreen
from eoreader.userdata import UserData
from tests.conftest import require_corpus
from tests.tui.conftest import screen_text, settle
from tests.tui.test_navigation import WIDE, palette

# EO 13636 (signed 2013-02-12) sets deadlines in 120 days, 150 days, 240 days, one year and
# undated ones; EO 13691 sets none.
ORDERS = ["EO_13636", "EO_13691"]


@pytest.fixture
def deadlines_app(tmp_path: Path, userdata: UserData) -> Iterator[EOReaderApp]:
    folder = require_corpus() / "federal-register"
    with Library(tmp_path / "index") as library:
        library.ingest([p for name in ORDERS for p in folder.glob(f"{name}.*")])
        yield EOReaderApp(library, userdata)


def rows(screen: DeadlinesScreen) -> list[str]:
    return [str(option.prompt) for option in screen.query_one(DeadlineList)._options]


async def test_deadlines_key_lists_every_deadline_soonest_first_and_enter_opens(deadlines_app: EOReaderApp) -> None:
    expected = deadlines_app.library.deadlines()
    assert {d.doc_id for d in expected} == {"eo-13636"}
    async with deadlines_app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "D")
        await settle(pilot)
        screen = deadlines_app.screen
        assert isinstance(screen, DeadlinesScreen)
        listed = rows(screen)
        assert len(listed) == len(expected) >= 5
        dated = [line.split()[0] for line in listed if not line.startswith("no date")]
        assert dated == sorted(dated) and dated[0] == "2013-06-12"  # 120 days after 2013-02-12
        # Every dated deadline of a 2013 order is past; the undated ones come last, unmarked.
        assert all("overdue" in line for line in listed[:len(dated)])
        assert all(line.startswith("no date") and "undated" in line for line in listed[len(dated):])
        assert all("EO 13636" in line for line in listed)
        assert "the Attorney General" in listed[0] and "Improving Critical Infrastructure" in listed[0]
        assert f"{len(expected)}, {len(dated)} overdue" in screen_text(pilot)

        await pilot.press("j", "enter")
        await settle(pilot)
        reader = deadlines_app.screen
        assert isinstance(reader, ReaderScreen) and reader.document.id == "eo-13636"
        await pilot.press("escape")  # back from the order to the deadlines
        await settle(pilot)
        assert deadlines_app.screen is screen
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(deadlines_app.screen, SearchScreen)


async def test_deadlines_are_marked_upcoming_after_today_and_open_from_the_palette(
        deadlines_app: EOReaderApp) -> None:
    async with deadlines_app.run_test(size=WIDE) as pilot:
        await palette(pilot, "Deadlines")
        assert isinstance(deadlines_app.screen, DeadlinesScreen)
        await pilot.press("escape")
        await settle(pilot)
        # Seen from 2013-09-01 the June and July deadlines are past, October and February ahead.
        await deadlines_app.push_screen(DeadlinesScreen(deadlines_app.library, dt.date(2013, 9, 1)))
        await settle(pilot)
        listed = rows(deadlines_app.screen)  # type: ignore[arg-type]
        states = {line.split()[0]: line.split()[1] for line in listed}
        assert states["2013-06-12"] == states["2013-07-12"] == "overdue"
        assert states["2013-10-10"] == states["2014-02-12"] == "upcoming"


async def test_deadlines_show_document_text_literally(tmp_path: Path, userdata: UserData) -> None:
    source = tmp_path / "order.md"
    source.write_text("# [bold]Order[/bold] on Markup\n\nSec. 1\n\nWithin 60 days of the date of this order, "
                      "the Attorney General shall review [red]every[/red] rule.\n")
    with Library(tmp_path / "index") as library:
        library.ingest([source])
        assert len(library.deadlines()) == 1
        app = EOReaderApp(library, userdata)
        async with app.run_test(size=WIDE) as pilot:
            await settle(pilot)
            await pilot.press("tab", "D")
            await settle(pilot)
            text = screen_text(pilot)
            assert "the Attorney General: review [red]every[/red] rule." in text
            assert "[bold]Order[/bold] on Markup" in text
