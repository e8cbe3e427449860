"""From the mouse alone: find an order, read it by section, follow a reference and come back,
see its key points, bookmark it, and find it again."""

from __future__ import annotations

from eoreader.tui.app import EOReaderApp
from eoreader.tui.screens.bookmarks import BookmarksScreen
from eoreader.tui.screens.reader import ReaderScreen
from eoreader.tui.screens.search import SearchScreen
from eoreader.tui.widgets.document_view import DocumentView
from tests.tui.conftest import WILMERHALE, click_text, settle


def reading(app: EOReaderApp) -> str:
    assert isinstance(app.screen, ReaderScreen)
    return app.screen.document.id


async def test_everything_a_reader_needs_from_the_mouse_alone(sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await click_text(pilot, "Executive Order  ")  # the kind facet
        assert sample_app.screen.filters == {"kind": "order"}  # type: ignore[attr-defined]
        await click_text(pilot, "Developing an Integrated Global Engagement")
        assert reading(sample_app) == "eo-13721"
        body = sample_app.screen.query_one(DocumentView)
        await click_text(pilot, "Sec. 2. Revocation")  # in the contents
        assert body.reading == "2"
        await click_text(pilot, "Executive Order 13584", within=body)  # the reference
        assert reading(sample_app) == "eo-13584"
        await click_text(pilot, "Back", footer=True)
        assert reading(sample_app) == "eo-13721"
        await click_text(pilot, "Bookmark", footer=True)
        assert sample_app.userdata.is_bookmarked("eo-13721")
        await click_text(pilot, "Back", footer=True)
        assert isinstance(sample_app.screen, SearchScreen)
        await click_text(pilot, "✕ drop filters")
        await click_text(pilot, "Addressing Risks From WilmerHale")
        assert reading(sample_app) == WILMERHALE
        point = sample_app.screen.document.key_points[0].text  # type: ignore[attr-defined]
        await click_text(pilot, point[:30])  # a key point in the panel
        body = sample_app.screen.query_one(DocumentView)
        assert body.cursor is not None and body.cursor.key == "0"
        await click_text(pilot, "Back", footer=True)
        await click_text(pilot, "Bookmarks", footer=True)
        assert isinstance(sample_app.screen, BookmarksScreen)
        await click_text(pilot, "Developing an Integrated Global Engagement")
        assert reading(sample_app) == "eo-13721"
