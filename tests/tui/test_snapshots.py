"""How the main screens look, at the smallest supported size and a common large one.

Over the seed and a few orders of the corpus (`sample_index`). Update only after reading the
report: `pytest tests/tui/test_snapshots.py --snapshot-update`, then render the SVGs to PNG
(`rsvg-convert x.svg -o x.png`) and look at them.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from eoreader.tui.app import EOReaderApp
from eoreader.userdata import Bookmark
from tests.tui.conftest import WILMERHALE, search, settle

SIZES = [(80, 24), (120, 40)]


def narrow(pilot: Pilot[None]) -> bool:
    return pilot.app.size.width < 100


async def search_results(pilot: Pilot[None]) -> None:
    """The search screen with the results of a typed query and the facets beside them."""
    pilot.app.screen.query_one(Input).cursor_blink = False
    await search(pilot, "order")
    if narrow(pilot):
        await pilot.press("ctrl+f")  # the facets fold away below 100 columns
    await settle(pilot)


async def reader(pilot: Pilot[None]) -> None:
    """An order with its table of contents, key points grouped by type, and related documents."""
    pilot.app.screen.query_one(Input).cursor_blink = False
    await search(pilot, "WilmerHale security clearances")
    await pilot.press("enter", "enter")
    await settle(pilot)
    if narrow(pilot):
        await pilot.press("t")
    await pilot.press("3")
    await settle(pilot)


async def help_screen(pilot: Pilot[None]) -> None:
    """Help over the reader, listing its bindings."""
    await reader(pilot)
    await pilot.press("question_mark")
    await pilot.pause()


async def bookmarks(pilot: Pilot[None]) -> None:
    """The bookmarks screen with two bookmarks, the newest first."""
    userdata = pilot.app.userdata  # type: ignore[attr-defined]
    userdata.add_bookmark(Bookmark("eo-13584", "Developing an Integrated Strategic Counterterrorism "
                                   "Communications Initiative", "order", "13584", "2", "2026-01-05T09:30:00"))
    userdata.add_bookmark(Bookmark(WILMERHALE, "Addressing Risks From WilmerHale", "order", None, "3",
                                   "2026-01-06T17:00:00"))
    await pilot.press("tab", "B")
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("before", [search_results, reader, help_screen, bookmarks], ids=lambda f: f.__name__)
def test_screen(snap_compare: Callable[..., bool], sample_app: EOReaderApp, size: tuple[int, int],
                before: Callable[[Pilot[None]], object]) -> None:
    assert snap_compare(sample_app, terminal_size=size, run_before=before)
