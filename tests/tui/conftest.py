"""Apps over the seed alone, over a small sample of the corpus, and over the whole corpus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget

from eoreader import Library
from eoreader.tui.app import EOReaderApp
from eoreader.userdata import UserData
from tests.conftest import SEEDS, require_corpus

FR = "federal-register"
WILMERHALE = "2025-03-27-addressing-risks-from-wilmerhale"
# An order that revokes another (13721 revokes 13584), both indexed; a White House order with
# directive key points, its fact sheet with the White House's own key points; the seed.
SAMPLE = [
    f"{FR}/EO_13584.json", f"{FR}/EO_13584.xml", f"{FR}/EO_13721.json", f"{FR}/EO_13721.xml",
    f"whitehouse/presidential-actions/2025-03/{WILMERHALE}.md",
    f"whitehouse/fact-sheets/2025-03/2025-03-27-fact-sheet-president-donald-j-trump-addresses-risks-from-wilmerhale.md",
]


@pytest.fixture
def userdata(tmp_path: Path) -> UserData:
    """Bookmarks and positions in a file of the test's own, never the user's."""
    return UserData.load(tmp_path / "userdata.json")


@pytest.fixture
def app(index_dir: Path, userdata: UserData) -> Iterator[EOReaderApp]:
    with Library(index_dir) as library:
        library.ingest([SEEDS])
        yield EOReaderApp(library, userdata)


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed and a few orders and White House pages of the corpus: small, and stable for snapshots."""
    corpus = require_corpus()
    folder = tmp_path_factory.mktemp("sample") / "index"
    with Library(folder) as library:
        library.ingest([SEEDS, *(corpus / p for p in SAMPLE)])
    return folder


@pytest.fixture
def sample_app(sample_index: Path, userdata: UserData) -> Iterator[EOReaderApp]:
    with Library(sample_index) as library:
        yield EOReaderApp(library, userdata)


@pytest.fixture
def corpus_app(corpus_index: Path, userdata: UserData) -> Iterator[EOReaderApp]:
    with Library(corpus_index) as library:
        yield EOReaderApp(library, userdata)


async def settle(pilot: Pilot[None]) -> None:
    """Wait until typing counts as paused (words are corrected then), for every worker, and
    for the results to be painted; results may start another search (the corrected one)."""
    from eoreader.tui.screens.search import CORRECT_AFTER_SECONDS

    await pilot.pause(CORRECT_AFTER_SECONDS + 0.1)
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def screen_text(pilot: Pilot[None]) -> str:
    """Every character on the screen as drawn, top to bottom."""
    strips = pilot.app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


async def click_text(pilot: Pilot[None], text: str, footer: bool = False, within: Widget | None = None) -> None:
    """Click the middle of the first place `text` is drawn (in the footer line, or inside
    `within`, if asked)."""
    lines = screen_text(pilot).split("\n")
    region = within.region if within else Region(0, len(lines) - 1 if footer else 0, len(lines[0]), len(lines))
    for y in range(region.y, region.bottom):
        x = lines[y].find(text, region.x, region.right)
        if x >= 0:
            await pilot.click(offset=(x + len(text) // 2, y))
            await settle(pilot)
            return
    raise AssertionError(f"{text!r} is not on the screen")


async def search(pilot: Pilot[None], query: str) -> None:
    """Type `query` into the search box (emptied first) and wait for its results."""
    from textual.widgets import Input

    box = pilot.app.screen.query_one("#query", Input)
    box.focus()
    box.value = ""
    await pilot.press(*query)
    await settle(pilot)


