"""Every key binding of the search, reader and help screens, pressed as a user would."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input

from eoreader.tui.app import EOReaderApp
from eoreader.tui.screens.help import HelpScreen
from eoreader.tui.screens.reader import ReaderScreen
from eoreader.tui.screens.search import SearchScreen
from eoreader.tui.widgets.document_view import DocumentView
from eoreader.tui.widgets.result_list import ResultList
from eoreader.tui.widgets.toc import TableOfContents
from tests.tui.conftest import settle

SIZE = (80, 24)


async def open_seed(pilot: Pilot[None], query: str = "indemnification") -> ReaderScreen:
    await pilot.press(*query)
    await wait_for_results(pilot)
    await pilot.press("enter", "enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


def toc_shown(reader: ReaderScreen) -> bool:
    """Whether the sidebar holding the table of contents is on screen."""
    return reader.query_one("#sidebar").display


async def wait_for_results(pilot: Pilot[None]) -> None:
    await settle(pilot)


async def test_query_box_is_focused_and_results_follow_typing(app: EOReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, SearchScreen)
        assert isinstance(app.focused, Input)
        await pilot.press(*"indemnification")
        await wait_for_results(pilot)
        results = app.screen.query_one(ResultList)
        assert results.option_count == 1
        assert "indemnification" in str(results.get_option_at_index(0).prompt)
        await pilot.press(*"zzzz")
        await wait_for_results(pilot)
        assert results.option_count == 0


async def test_enter_opens_the_hit_at_its_section_with_terms_marked(app: EOReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_seed(pilot)
        await pilot.pause()
        body = reader.query_one(DocumentView)
        assert body.current == 2  # "Legal defense support", where the match is
        assert reader.query_one(TableOfContents).highlighted == 2


async def test_next_section_three_times_marks_the_fourth(app: EOReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_results(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        body = reader.query_one(DocumentView)
        for _ in range(3):
            await pilot.press("right_square_bracket")
        await pilot.pause()
        toc = reader.query_one(TableOfContents)
        fourth = body._heads[3]
        assert toc.highlighted == 3
        assert body.scroll_y == fourth.virtual_region.y
        assert fourth.lines(fourth.size.width)[0][0].plain == "Local law enforcement empowerment"
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert toc.highlighted == 2


async def test_number_keys_jump_to_sections_and_g_G_scroll(app: EOReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_seed(pilot, "enforcement")
        body = reader.query_one(DocumentView)
        await pilot.press("5")
        await pilot.pause()
        assert body.current == 4
        await pilot.press("g")
        await pilot.pause()
        assert body.scroll_y == 0 and reader.query_one(TableOfContents).highlighted == 0
        await pilot.press("G")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y > 0
        await pilot.press("g", "j", "j")
        await pilot.pause()
        assert body.scroll_y == 2
        await pilot.press("k", "down", "down", "up")
        await pilot.pause()
        assert body.scroll_y == 2


async def test_t_toggles_the_table_of_contents_folded_on_a_narrow_terminal(app: EOReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_seed(pilot)
        toc = reader.query_one(TableOfContents)
        assert not toc_shown(reader)  # 80 columns: the body gets the room
        await pilot.press("t")
        await pilot.pause()
        assert toc_shown(reader) and toc.region.width >= 20
        await pilot.press("t")
        await pilot.pause()
        assert not toc_shown(reader) and toc.region.width == 0


async def test_t_toggles_the_table_of_contents_shown_on_a_wide_terminal(app: EOReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await open_seed(pilot)
        assert toc_shown(reader)
        await pilot.press("t")
        assert not toc_shown(reader)
        await pilot.press("t")
        assert toc_shown(reader)


async def test_escape_goes_back_and_slash_focuses_the_query(app: EOReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_seed(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, SearchScreen)
        app.screen.query_one(ResultList).focus()
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press("escape")
        assert app.screen.query_one("#query", Input).value == ""


async def test_question_mark_opens_help_listing_the_bindings(app: EOReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_seed(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = str(app.screen.query_one("#help-keys").render())
        for description in ("Next §", "Prev §", "Contents", "Back", "Quit", "Top", "Bottom", "Section N"):
            assert description in keys
        assert "1-9" in keys  # the nine section keys in one row
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("question_mark", "question_mark")  # ? opens and closes it
        assert isinstance(app.screen, ReaderScreen)


async def test_q_quits(app: EOReaderApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one(ResultList).focus()
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0 and not app.is_running
