"""The search screen: facets, sort, spelling, the empty index, and what each hit shows."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from textual.widgets import Static

from eoreader import Library
from eoreader.tui.app import EOReaderApp
from eoreader.tui.screens.reader import ReaderScreen
from eoreader.tui.screens.search import SearchScreen
from eoreader.tui.widgets.facet_panel import FacetPanel
from eoreader.tui.widgets.result_list import ResultList
from eoreader.userdata import UserData
from tests.tui.conftest import search, settle

WIDE = (120, 40)


def screen_of(app: EOReaderApp) -> SearchScreen:
    assert isinstance(app.screen, SearchScreen)
    return app.screen


def shown(app: EOReaderApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def facet_lines(panel: FacetPanel) -> list[str]:
    return [" ".join(str(panel.get_option_at_index(i).prompt).split()) for i in range(panel.option_count)]


async def test_facets_count_the_result_set_and_choosing_one_filters(sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=WIDE) as pilot:
        await search(pilot, "order")
        screen, panel = screen_of(sample_app), sample_app.screen.query_one(FacetPanel)
        results = screen._results
        assert results is not None and results.total == 5
        lines = facet_lines(panel)
        assert lines[:4] == ["Kind", "Executive Order 3", "Article 1", "Fact Sheet 1"]
        assert "Obama 2" in lines and "2011 1" in lines
        await pilot.press("ctrl+f")
        assert panel.has_focus
        panel.highlighted = lines.index("Trump 3")
        await pilot.press("j")
        assert panel.highlighted == lines.index("Obama 2")
        await pilot.press("k", "j")
        await pilot.press("enter")
        await settle(pilot)
        hits = sample_app.screen.query_one(ResultList)
        assert screen.filters == {"president": "obama"} and hits.option_count == 2
        assert {(h.president or "").lower() for h in screen._results.hits} == {"obama"}  # type: ignore[union-attr]
        assert "president: obama" in shown(sample_app, "#count")
        assert "✓ Obama" in " ".join(facet_lines(panel))
        panel.highlighted = facet_lines(panel).index("✓ Obama 2")
        await pilot.press("enter")  # the chosen value again drops it
        await settle(pilot)
        assert screen.filters == {} and screen._results.total == 5  # type: ignore[union-attr]
        panel.highlighted = facet_lines(panel).index("2011 1")
        await pilot.press("enter")
        await settle(pilot)
        assert screen.filters == {"year": "2011"} and screen._results.total == 1  # type: ignore[union-attr]
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert screen.filters == {} and screen._results.total == 5  # type: ignore[union-attr]


async def test_facets_fold_away_on_a_narrow_terminal_and_ctrl_f_brings_them(sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=(80, 24)) as pilot:
        await search(pilot, "order")
        panel = sample_app.screen.query_one(FacetPanel)
        assert not panel.display
        await pilot.press("ctrl+f")
        assert panel.display and panel.has_focus
        await pilot.press("ctrl+f")
        assert not panel.display and sample_app.screen.query_one(ResultList).has_focus


async def test_ctrl_o_cycles_the_sort_order(sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=WIDE) as pilot:
        await search(pilot, "order")
        screen = screen_of(sample_app)
        seen = {}
        for expected in ("newest", "oldest", "number", "relevance"):
            await pilot.press("ctrl+o")
            await settle(pilot)
            assert screen.sort == expected and f"sorted by {expected}" in shown(sample_app, "#count")
            seen[expected] = screen._results.hits  # type: ignore[union-attr]
        dates = [h.date for h in seen["newest"]]
        assert dates == sorted(dates, reverse=True)
        assert [h.date for h in seen["oldest"]] == sorted(dates)
        assert [h.number for h in seen["number"]][:2] == ["13584", "13721"]


async def test_a_corrected_typo_can_be_searched_as_typed_and_the_suggestion_taken(sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=WIDE) as pilot:
        await search(pilot, "counterterorism")
        screen = screen_of(sample_app)
        line = shown(sample_app, "#suggestion")
        assert "Showing results for counterterrorism" in line and "Search for counterterorism instead" in line
        assert screen._results is not None and screen._results.total == 2
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert screen._results.total == 0  # type: ignore[union-attr]
        assert "Did you mean counterterrorism?" in shown(sample_app, "#suggestion")
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert screen.query_text == "counterterrorism" and screen._results.total == 2  # type: ignore[union-attr]


async def test_an_empty_index_says_how_to_ingest(tmp_path: Path) -> None:
    with Library(tmp_path / "index") as library:
        app = EOReaderApp(library, UserData.load(tmp_path / "userdata.json"))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert "The index is empty" in shown(app, "#count") and "eoreader ingest PATH" in shown(app, "#count")


async def test_a_hit_shows_title_badges_number_date_section_and_marked_passage(sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=WIDE) as pilot:
        await search(pilot, "strategic counterterrorism communications initiative")
        hits = sample_app.screen.query_one(ResultList)
        prompt = hits.get_option_at_index(0).prompt
        text = str(prompt)
        for part in ("Developing an Integrated Strategic Counterterrorism", " EXECUTIVE ORDER ", "EO 13584",
                     "2011-09-09", " revoked by EO 13721 (2016) "):
            assert part in text
        marked = {text[s.start:s.end].lower() for s in prompt.spans if "reverse" in str(s.style)}  # type: ignore[union-attr]
        assert marked & {"counterterrorism", "communications", "initiative", "strategic"}


async def test_vim_keys_move_in_the_results_and_enter_opens(sample_app: EOReaderApp) -> None:
    async with sample_app.run_test(size=WIDE) as pilot:
        await search(pilot, "order")
        hits = sample_app.screen.query_one(ResultList)
        await pilot.press("down")
        assert hits.has_focus and hits.highlighted == 0
        await pilot.press("j", "j")
        assert hits.highlighted == 2
        await pilot.press("k")
        assert hits.highlighted == 1
        await pilot.press("G")
        assert hits.highlighted == hits.option_count - 1
        await pilot.press("g")
        assert hits.highlighted == 0
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(sample_app.screen, ReaderScreen)


async def test_facets_on_the_whole_corpus_filter_by_president_and_kind(corpus_app: EOReaderApp) -> None:
    async with corpus_app.run_test(size=WIDE) as pilot:
        await search(pilot, "revoked")
        screen, panel = screen_of(corpus_app), corpus_app.screen.query_one(FacetPanel)
        total = screen._results.total  # type: ignore[union-attr]
        kinds = dict(screen._results.facets["kind"])  # type: ignore[union-attr]
        assert total > 100 and sum(kinds.values()) == total
        lines = facet_lines(panel)
        panel.highlighted = next(i for i, line in enumerate(lines) if line.startswith("Clinton "))
        panel.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert {(h.president or "").lower() for h in screen._results.hits} == {"clinton"}  # type: ignore[union-attr]
        panel.highlighted = facet_lines(panel).index("Executive Order " + str(dict(screen._results.facets["kind"])["order"]))  # type: ignore[union-attr]
        await pilot.press("enter")
        await settle(pilot)
        assert screen.filters == {"president": "clinton", "kind": "order"}
        assert {h.kind for h in screen._results.hits} == {"order"}  # type: ignore[union-attr]


async def test_a_slow_search_says_it_is_searching_and_typing_goes_on(
        sample_app: EOReaderApp, monkeypatch: pytest.MonkeyPatch) -> None:
    real_search = sample_app.library.search

    def slow(*args: object, **kwargs: object) -> object:
        time.sleep(1.0)
        return real_search(*args, **kwargs)  # type: ignore[arg-type]

    async with sample_app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        monkeypatch.setattr(sample_app.library, "search", slow)
        await pilot.press(*"gecco")
        await pilot.pause(0.7)
        assert shown(sample_app, "#count") == "Searching…"
        assert sample_app.screen.query_one("#query").value == "gecco"  # type: ignore[attr-defined]
        await sample_app.workers.wait_for_complete()
        await pilot.pause()
        assert shown(sample_app, "#count").startswith("1 document")
