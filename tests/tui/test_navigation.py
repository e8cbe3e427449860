"""Moving between screens: bookmarks, restarts, the command palette, ingest, themes, help."""

from __future__ import annotations

import re
from pathlib import Path

from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input

from eoreader import Library
from eoreader.tui.app import EOReaderApp
from eoreader.tui.screens.bookmarks import BookmarkList, BookmarksScreen
from eoreader.tui.screens.help import HelpScreen
from eoreader.tui.screens.ingest import IngestJob, IngestScreen
from eoreader.tui.screens.prompt import PromptScreen
from eoreader.tui.screens.reader import ReaderScreen
from eoreader.tui.screens.search import SearchScreen
from eoreader.tui.widgets.document_view import DocumentView
from eoreader.tui.widgets.section_view import SectionView
from eoreader.userdata import Bookmark, UserData
from tests.tui.conftest import WILMERHALE, search, settle
from tests.tui.test_reader_screen import notices, open_doc

WIDE = (120, 40)


async def palette(pilot: Pilot[None], command: str) -> None:
    """Open the command palette, type `command`, run the best match."""
    await pilot.press("ctrl+p")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*command)
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def test_bookmarks_screen_lists_opens_and_forgets(sample_app: EOReaderApp) -> None:
    userdata = sample_app.userdata
    userdata.add_bookmark(Bookmark("eo-13721", "Developing an Integrated Global Engagement Center", "order",
                                   "13721", "6"))
    userdata.add_bookmark(Bookmark(WILMERHALE, "Addressing Risks From WilmerHale", "order"))
    async with sample_app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "B")
        await settle(pilot)
        assert isinstance(sample_app.screen, BookmarksScreen)
        listing = sample_app.screen.query_one(BookmarkList)
        assert [o.id for o in listing._options] == [WILMERHALE, "eo-13721"]
        await pilot.press("j", "k", "j", "enter")
        await settle(pilot)
        reader = sample_app.screen
        assert isinstance(reader, ReaderScreen) and reader.document.id == "eo-13721"
        assert reader.query_one(DocumentView).reading == "6"  # where it was bookmarked
        await pilot.press("escape")  # back to the search: the bookmarks screen was left
        await settle(pilot)
        assert isinstance(sample_app.screen, SearchScreen)
        await pilot.press("ctrl+b")
        await settle(pilot)
        await pilot.press("d")
        assert [b.doc_id for b in UserData.load(userdata.path).bookmarks] == ["eo-13721"]
        await pilot.press("delete")
        assert "No bookmarks yet" in str(sample_app.screen.query_one(BookmarkList).get_option_at_index(0).prompt)
        await pilot.press("escape")
        assert isinstance(sample_app.screen, SearchScreen)


async def test_bookmarks_and_reading_positions_survive_a_restart(sample_index: Path, tmp_path: Path) -> None:
    saved = tmp_path / "userdata.json"
    with Library(sample_index) as library:
        first = EOReaderApp(library, UserData.load(saved))
        async with first.run_test(size=WIDE) as pilot:
            await open_doc(pilot, "eo-13721")
            await pilot.press("6", "b")
            await open_doc(pilot, WILMERHALE)
            await pilot.press("4")
            await pilot.press("q")
        again = EOReaderApp(library, UserData.load(saved))
        async with again.run_test(size=WIDE) as pilot:
            await pilot.press("tab", "B")
            await settle(pilot)
            assert [o.id for o in again.screen.query_one(BookmarkList)._options] == ["eo-13721"]
            await pilot.press("enter")
            await settle(pilot)
            assert again.screen.query_one(DocumentView).reading == "6"
            reader = await open_doc(pilot, WILMERHALE)
            assert reader.query_one(DocumentView).reading == "4"  # the last reading position


async def test_palette_opens_an_order_by_number_and_says_when_it_is_missing(sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await palette(pilot, "13584")
        assert isinstance(sample_app.screen, ReaderScreen) and sample_app.screen.document.id == "eo-13584"
        await palette(pilot, "Open order by number")
        assert isinstance(sample_app.screen, PromptScreen)
        sample_app.screen.query_one(Input).value = "EO 12345"
        await pilot.press("enter")
        assert "12345 is not in the index" in str(sample_app.screen.query_one("#prompt-note").render())
        sample_app.screen.query_one(Input).value = "EO 13721"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(sample_app.screen, ReaderScreen) and sample_app.screen.document.id == "eo-13721"


async def test_palette_jumps_to_a_section_and_opens_bookmarks(sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=WIDE) as pilot:
        reader = await open_doc(pilot, "eo-13721")
        await palette(pilot, "Interagency Support")
        assert sample_app.screen is reader and reader.query_one(DocumentView).reading == "5"
        await palette(pilot, "Bookmarks")
        assert isinstance(sample_app.screen, BookmarksScreen)


async def test_palette_ingests_a_folder_in_a_worker_with_progress(sample_app: EOReaderApp, tmp_path: Path) -> None:
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "note.txt").write_text("A note on zymurgy\n\nZymurgy is the chemistry of fermentation.\n")
    async with sample_app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await palette(pilot, "Ingest a folder")
        assert isinstance(sample_app.screen, PromptScreen)
        sample_app.screen.query_one(Input).value = str(tmp_path / "missing")
        await pilot.press("enter")
        assert isinstance(sample_app.screen, PromptScreen)  # refused: no such folder
        sample_app.screen.query_one(Input).value = str(folder)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(sample_app.screen, IngestScreen)
        await settle(pilot)
        report = str(sample_app.screen.query_one("#ingest-report").render())
        assert report.startswith("1 files: 1 indexed") and any(n.startswith("1 files") for n in notices(sample_app))
        job = sample_app.ingest_job
        assert job is not None and (job.read, job.files, job.documents) == (1, 1, 1)  # as the run told them
        running = IngestJob(folder, read=12, files=40, documents=5)
        assert "12 of 40 files read, 5 documents written" in running.report()
        running.advance(40, 40, 9)
        assert running.report().startswith("All 40 files read; writing the index (9 documents so far)")
        await pilot.press("escape")
        await search(pilot, "zymurgy")
        assert sample_app.screen._results.total == 1  # type: ignore[attr-defined]


async def test_palette_switches_the_theme_and_the_text_follows_it(sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=WIDE) as pilot:
        reader = await open_doc(pilot, "eo-13721")
        index = reader.page.block_index("2")
        revocation = next(v for v in reader.query(SectionView) if index in v.indexes)

        def link_look() -> str:
            content = revocation._painted[index]  # type: ignore[index]
            return next(str(s.style) for s in content.spans if "ref" in getattr(s.style, "meta", {}))

        before, look = sample_app.theme, link_look()
        await palette(pilot, "theme")
        await pilot.press(*"nord", "enter")
        await settle(pilot)
        assert sample_app.theme == "nord" != before
        assert link_look() != look


async def test_help_lists_every_binding_of_each_screen(sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await search(pilot, "order")
        for screen_name in ("search", "reader", "bookmarks"):
            if screen_name == "reader":
                await open_doc(pilot, "eo-13721")
            elif screen_name == "bookmarks":
                await pilot.press("B")
                await settle(pilot)
            else:
                await pilot.press("tab")  # out of the query box, where ? is text
            below = sample_app.screen
            # The screen's own bindings, but for keys the focused widget takes (down in a list).
            taken = {key for key, _ in sample_app.focused._bindings} if sample_app.focused else set()
            expected = {re.sub(r"\b\d\b", "N", b.description)  # Section 1-9: one row, "Section N"
                        for key, b in below._bindings if b.description and key not in taken}
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(sample_app.screen, HelpScreen)
            keys = str(sample_app.screen.query_one("#help-keys").render())
            assert all(d in keys for d in expected), expected - {d for d in expected if d in keys}
            assert "Everywhere" in keys and "Bookmarks" in keys and "Help" in keys
            await pilot.press("q")  # closes the help, does not quit
            assert sample_app.screen is below and sample_app.is_running


async def test_prompts_cancel_with_escape(sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=WIDE) as pilot:
        reader = await open_doc(pilot, "eo-13721")
        await pilot.press("e")
        assert isinstance(sample_app.screen, PromptScreen)
        await pilot.press("escape")
        assert sample_app.screen is reader
        await palette(pilot, "Ingest a folder")
        await pilot.press("escape")
        assert sample_app.screen is reader and sample_app.ingest_job is None


async def test_app_keys_open_order_ingest_and_theme_dialogs(sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=WIDE) as pilot:
        reader = await open_doc(pilot, "eo-13721")
        await pilot.press("number_sign")
        assert isinstance(sample_app.screen, PromptScreen) and "order number" in sample_app.screen._title
        await pilot.press(*"13584", "enter")
        await settle(pilot)
        assert sample_app.screen.document.id == "eo-13584"  # type: ignore[attr-defined]
        await pilot.press("I")
        assert isinstance(sample_app.screen, PromptScreen) and "Ingest" in sample_app.screen._title
        await pilot.press("escape", "T")
        await settle(pilot)
        assert isinstance(sample_app.screen, CommandPalette)
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert sample_app.screen is reader
