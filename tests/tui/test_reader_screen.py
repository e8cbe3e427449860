"""The reader: header, contents tree, indented paragraphs, key points, matches, find, links,
related documents, copy, export and bookmark; each key pressed as a user would."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from eoreader.export import citation
from eoreader.tui.app import EOReaderApp
from eoreader.tui.messages import OpenDocument
from eoreader.tui.screens.prompt import PromptScreen
from eoreader.tui.screens.reader import ReaderScreen
from eoreader.tui.screens.search import SearchScreen
from eoreader.tui.widgets.doc_header import DocumentHeader
from eoreader.tui.widgets.document_view import DocumentView
from eoreader.tui.widgets.find_bar import FindBar
from eoreader.tui.widgets.key_points import KeyPointList, KeyPointsPanel
from eoreader.tui.widgets.related import RelatedPanel
from eoreader.tui.widgets.section_view import SectionView
from eoreader.tui.widgets.toc import TableOfContents
from tests.tui.conftest import WILMERHALE, click_text, search, settle

WIDE = (120, 40)


async def open_doc(pilot: Pilot[None], doc_id: str, query: str = "") -> ReaderScreen:
    """Open `doc_id` as the search screen would, and wait until it is laid out."""
    await settle(pilot)
    pilot.app.post_message(OpenDocument(doc_id, None, query))
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ReaderScreen) and screen.document.id == doc_id
    return screen


def view_of(reader: ReaderScreen, anchor: str) -> tuple[SectionView, int]:
    """The widget drawing section `anchor`, and the section's block index."""
    index = reader.page.block_index(anchor)
    return next(v for v in reader.query(SectionView) if index in v.indexes), index  # type: ignore[return-value]


def drawn(reader: ReaderScreen, anchor: str) -> list[str]:
    """The lines drawn for section `anchor` (at any depth), with their indentation."""
    view, index = view_of(reader, anchor)
    lines, starts = view.lines(view.size.width)
    after = [starts[i] for i in view.indexes if starts[i] > starts[index]]
    return [line.plain for line in lines[starts[index]:min(after, default=len(lines))] if line.plain]


def text_at_cursor(body: DocumentView) -> str:
    assert body.cursor is not None
    return body.page.blocks[body.cursor.block].body[body.cursor.start:body.cursor.end]


def notices(app: EOReaderApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_header_names_the_order_its_dates_citation_status_and_files(sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=WIDE) as pilot:
        reader = await open_doc(pilot, "eo-13584")
        header = str(reader.query_one(DocumentHeader).render())
        for part in ("Developing an Integrated Strategic Counterterrorism", "EXECUTIVE ORDER", "EO 13584",
                     "signed 2011-09-09", "published 2011-09-15", "76 FR 56945", "Revoked by EO 13721, 2016",
                     "from EO_13584.json, EO_13584.xml"):
            assert part in header
        assert "/" not in header.split("from ")[1]  # file names, never folders


async def test_contents_tree_follows_the_body_and_moves_it(sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=WIDE) as pilot:
        reader = await open_doc(pilot, "eo-13721")
        toc, body = reader.query_one(TableOfContents), reader.query_one(DocumentView)
        section_3 = next(n for n in toc.root.children if n.data == "3")
        assert [c.data for c in section_3.children] == ["3.a", "3.b", "3.c", "3.d", "3.e", "3.f"]
        body.go_to_anchor("6.c.ii")
        await settle(pilot)
        # (ii) is a level down from what the tree shows open: the cursor is on its (c).
        assert toc.cursor_node is not None and toc.cursor_node.data == "6.c"
        await pilot.press("g")
        await settle(pilot)
        assert toc.cursor_node is not None and toc.cursor_node.data == "preamble"
        toc.focus()
        await pilot.press("down", "down", "down")  # Sec. 1, Sec. 2, Sec. 3
        await settle(pilot)
        assert toc.cursor_node is not None and toc.cursor_node.data == "3"
        assert body.reading == "3" and body.scroll_y == view_of(reader, "3")[0].virtual_region.y
        await pilot.press("l", "down", "enter")  # open Sec. 3, go to (a), choose it
        await settle(pilot)
        assert body.reading == "3.a"


async def test_labelled_paragraphs_are_indented_by_level_and_lines_stay_readable(sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=(200, 50)) as pilot:
        reader = await open_doc(pilot, "eo-13721")
        heading, c, i = drawn(reader, "6")[0], drawn(reader, "6.c"), drawn(reader, "6.c.i")
        assert heading.startswith("Sec. 6. Establishment")
        assert c[0].startswith("   (c) In carrying out") and all(line.startswith("   ") for line in c)
        assert i[0].startswith("      (i) provide") and all(line.startswith("      ") for line in i)
        assert all(v.region.width <= 88 for v in reader.query(SectionView))


async def test_key_points_grouped_by_type_stepped_with_braces_and_collapsible(sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=WIDE) as pilot:
        reader = await open_doc(pilot, WILMERHALE)
        body, points = reader.query_one(DocumentView), reader.query_one(KeyPointList)
        directives = [k for k in reader.document.key_points if k.type == "directive"]
        assert len(directives) > 3 and str(points.get_option_at_index(0).prompt) == f"Directive ({len(directives)})"
        first = reader.document.key_points[0]
        await pilot.press("right_curly_bracket")
        await settle(pilot)
        assert text_at_cursor(body) == first.text[: first.end - first.start]
        assert points.highlighted_option is not None and points.highlighted_option.id == "kp-0"
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        await settle(pilot)
        assert body.cursor is not None and body.cursor.key == "2"
        await pilot.press("left_curly_bracket")
        await settle(pilot)
        assert body.cursor is not None and body.cursor.key == "1"
        points.focus()
        last = body.page.key_points[-1]  # the last one in the text
        points.highlighted = points.get_option_index(f"kp-{last.key}")
        await pilot.press("enter")
        await settle(pilot)
        assert body.cursor == last
        panel = reader.query_one(KeyPointsPanel)
        body.focus()
        await pilot.press("p")
        assert panel.collapsed
        await pilot.press("p")
        assert not panel.collapsed


async def test_search_terms_marked_and_n_N_step_through_them(sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=WIDE) as pilot:
        reader = await open_doc(pilot, "eo-13721", query="GECCO")
        body = reader.query_one(DocumentView)
        matches = body.page.matches
        assert len(matches) >= 5 and body.cursor == matches[0]
        assert text_at_cursor(body) == "GECCO"
        await pilot.press("n", "n")
        assert body.cursor == matches[2]
        await pilot.press("N")
        assert body.cursor == matches[1]
        await pilot.press("N", "N")  # wraps around to the last
        assert body.cursor == matches[-1]


async def test_find_in_document_marks_as_you_type_and_escape_drops_it(sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=WIDE) as pilot:
        reader = await open_doc(pilot, "eo-13721")
        body, bar = reader.query_one(DocumentView), reader.query_one(FindBar)
        assert not bar.display and not body.page.matches
        await pilot.press("slash")
        assert bar.display and bar.has_focus
        await pilot.press(*"steering")
        await settle(pilot)
        found = list(body.page.matches)
        assert found and text_at_cursor(body).lower() == "steering"
        await pilot.press("enter")
        assert not bar.display and body.has_focus and body.page.matches == found
        await pilot.press("n")
        assert body.cursor == found[1 % len(found)]
        await pilot.press("ctrl+f", "escape")
        assert not body.page.matches and body.has_focus


async def test_enter_on_a_reference_opens_the_order_and_back_forward_return(sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=WIDE) as pilot:
        reader = await open_doc(pilot, "eo-13721")
        body = reader.query_one(DocumentView)
        await pilot.press("l")
        assert text_at_cursor(body) == "Executive Order 13584"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(sample_app.screen, ReaderScreen) and sample_app.screen.document.id == "eo-13584"
        await pilot.press("escape")
        await settle(pilot)
        assert sample_app.screen is reader
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(sample_app.screen, ReaderScreen) and sample_app.screen.document.id == "eo-13584"
        await pilot.press("alt+left")
        await settle(pilot)
        assert sample_app.screen is reader
        await pilot.press("alt+right")
        await settle(pilot)
        assert sample_app.screen.document.id == "eo-13584"  # type: ignore[attr-defined]


async def test_a_reference_to_an_order_not_indexed_says_so(sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=WIDE) as pilot:
        reader = await open_doc(pilot, WILMERHALE)
        await pilot.press("l")
        assert text_at_cursor(reader.query_one(DocumentView)) == "Executive Order 14147"
        await pilot.press("enter")
        await settle(pilot)
        assert sample_app.screen is reader
        assert "EO 14147 is not in the index" in notices(sample_app)


async def test_clicking_a_reference_opens_the_order(sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=WIDE) as pilot:
        reader = await open_doc(pilot, "eo-13721")
        body = reader.query_one(DocumentView)
        body.go_to_anchor("2")
        await settle(pilot)
        assert drawn(reader, "2")[1].startswith("Executive Order 13584")
        await click_text(pilot, "Executive Order 13584", within=body)
        assert isinstance(sample_app.screen, ReaderScreen) and sample_app.screen.document.id == "eo-13584"


async def test_related_panel_lists_and_opens_related_documents(sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=WIDE) as pilot:
        reader = await open_doc(pilot, WILMERHALE)
        panel = reader.query_one(RelatedPanel)
        listed = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        assert listed[0] == "Orders it names (2)" and "EO 14147 (not indexed)" in listed[1]
        assert "Coverage (1)" in listed and "Similar (3)" in listed
        await pilot.press("r")
        assert panel.has_focus
        await pilot.press("down", "enter")  # EO 14147, not indexed
        await settle(pilot)
        assert sample_app.screen is reader and "EO 14147 is not in the index" in notices(sample_app)
        panel.highlighted = listed.index("Coverage (1)") + 1
        await pilot.press("enter")
        await settle(pilot)
        assert sample_app.screen.document.kind.value == "fact-sheet"  # type: ignore[attr-defined]


async def test_r_shows_the_folded_sidebar_on_a_narrow_terminal(sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=(80, 24)) as pilot:
        reader = await open_doc(pilot, WILMERHALE)
        assert not reader.query_one("#sidebar").display
        await pilot.press("r")
        assert reader.query_one("#sidebar").display and reader.query_one(RelatedPanel).has_focus


async def test_y_copies_the_citation(sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=WIDE) as pilot:
        reader = await open_doc(pilot, "eo-13721")
        await pilot.press("y")
        assert sample_app.clipboard == citation(reader.document)
        assert sample_app.clipboard.startswith("Executive Order 13721 of March 14, 2016, “Developing")


async def test_e_exports_markdown_to_the_file_named_and_asks_before_replacing(
        sample_app: EOReaderApp, tmp_path: Path) -> None:
    target = tmp_path / "order.md"
    async with sample_app.run_test(size=WIDE) as pilot:
        await open_doc(pilot, "eo-13721")
        await pilot.press("e")
        prompt = sample_app.screen
        assert isinstance(prompt, PromptScreen)
        box = prompt.query_one(Input)
        assert box.value == "eo-13721.md"
        box.value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        text = target.read_text()
        assert text.startswith("# Developing an Integrated Global Engagement Center")
        assert "## Sec. 2. Revocation" in text and "**(c)**" not in text and "(c) In carrying out" in text
        target.write_text("mine")
        await pilot.press("e")
        sample_app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(sample_app.screen, PromptScreen)  # warned: the file exists
        assert target.read_text() == "mine"
        await pilot.press("enter")
        await settle(pilot)
        assert target.read_text().startswith("# Developing")


async def test_b_bookmarks_and_unbookmarks_and_the_header_says_so(sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=WIDE) as pilot:
        reader = await open_doc(pilot, "eo-13721")
        reader.query_one(DocumentView).go_to_anchor("3")
        await settle(pilot)
        await pilot.press("b")
        saved = sample_app.userdata.path.read_text()
        assert '"doc_id": "eo-13721"' in saved and '"section": "3"' in saved
        assert "★ bookmarked" in str(reader.query_one(DocumentHeader).render())
        await pilot.press("b")
        assert not sample_app.userdata.bookmarks and "eo-13721" not in sample_app.userdata.path.read_text()
        assert "bookmarked" not in str(reader.query_one(DocumentHeader).render())


async def test_number_keys_go_to_the_numbered_section_and_s_returns_to_search(sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=WIDE) as pilot:
        await search(pilot, "GECCO")
        reader = await open_doc(pilot, "eo-13721")
        body = reader.query_one(DocumentView)
        await pilot.press("3")
        assert body.reading == "3"
        await pilot.press("right_square_bracket")
        assert body.reading == "4"
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(sample_app.screen, SearchScreen)
        assert sample_app.focused is sample_app.screen.query_one("#query")


async def test_the_other_vim_keys_of_the_reader_panels(sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=WIDE) as pilot:
        reader = await open_doc(pilot, WILMERHALE)
        body = reader.query_one(DocumentView)
        await pilot.press("l", "l", "L")  # links: 14147, 14230, back to 14147
        assert text_at_cursor(body) == "Executive Order 14147"
        await pilot.press("g", "space")
        assert body.scroll_y == body.scrollable_content_region.height
        toc = reader.query_one(TableOfContents)
        toc.focus()
        await pilot.press("home", "j", "j")
        assert toc.cursor_node is not None and toc.cursor_node.data == "2"
        await pilot.press("l", "j")
        assert toc.cursor_node.data == "2.a"  # type: ignore[union-attr]
        await pilot.press("h")  # to the parent, then closed
        assert toc.cursor_node.data == "2"  # type: ignore[union-attr]
        await pilot.press("h")
        assert not toc.cursor_node.is_expanded  # type: ignore[union-attr]
        await pilot.press("k")
        assert toc.cursor_node.data == "1"  # type: ignore[union-attr]
        for panel in (reader.query_one(KeyPointList), reader.query_one(RelatedPanel)):
            panel.focus()
            panel.highlighted = 1
            await pilot.press("j")
            assert panel.highlighted == 2
            await pilot.press("k")
            assert panel.highlighted == 1


async def test_y_copies_the_selected_text_when_there_is_one(sample_app: EOReaderApp) -> None:
    from textual.geometry import Offset
    from textual.selection import Selection

    async with sample_app.run_test(size=WIDE) as pilot:
        reader = await open_doc(pilot, "eo-13721")
        view, index = view_of(reader, "2")
        line = view.line_of(index, reader.page.blocks[index].body.index("Executive Order 13584"))
        reader.selections = {view: Selection(Offset(0, line), Offset(21, line))}
        await pilot.press("y")
        assert sample_app.clipboard == "Executive Order 13584"
        assert "Copied the selected text" in notices(sample_app)
