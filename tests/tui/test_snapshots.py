"""How the main screens look, at the smallest supported size and a common large one.

Update only after reading the report: `pytest tests/tui/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from eoreader.tui.app import EOReaderApp

SIZES = [(80, 24), (120, 40)]


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause(0.3)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def search_results(pilot: Pilot[None]) -> None:
    """The search screen with the results of a typed query."""
    pilot.app.screen.query_one(Input).cursor_blink = False
    await pilot.press(*"law enforcement")
    await settle(pilot)


async def reader(pilot: Pilot[None]) -> None:
    """The reader with its table of contents and key points, moved to the third section."""
    await search_results(pilot)
    await pilot.press("enter", "enter")
    await pilot.pause()
    await pilot.press("3")
    await pilot.pause()


async def help_screen(pilot: Pilot[None]) -> None:
    """Help over the reader, listing its bindings."""
    await reader(pilot)
    await pilot.press("question_mark")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("before", [search_results, reader, help_screen], ids=lambda f: f.__name__)
def test_screen(snap_compare: Callable[..., bool], app: EOReaderApp, size: tuple[int, int],
                before: Callable[[Pilot[None]], object]) -> None:
    assert snap_compare(app, terminal_size=size, run_before=before)
