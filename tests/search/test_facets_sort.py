"""Totals and facets over the whole result set, filters on them, and the four sorts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eoreader import Library


def test_facets_count_the_whole_result_set(small: Library) -> None:
    results = small.search("order", limit=1)
    assert len(results.hits) == 1
    for name in ("kind", "year"):
        assert sum(n for _, n in results.facets[name]) == results.total
    assert dict(results.facets["kind"])["order"] >= 3


def test_a_filter_narrows_to_its_facet_count(small: Library) -> None:
    everything = small.search("")
    for kind, count in everything.facets["kind"]:
        narrowed = small.search("", kind=kind)
        assert narrowed.total == count
        assert {h.kind for h in narrowed.hits} == {kind}
    assert small.search("", president="Biden").total == dict(everything.facets["president"])["biden"]
    assert small.search("", year=2012).total == 1


def test_date_filters(small: Library) -> None:
    since = small.search("", since=dt.date(2025, 2, 11), limit=50)
    assert since.hits and all(h.date and h.date >= dt.date(2025, 2, 11) for h in since.hits)
    until = small.search("straws", until=dt.date(2024, 12, 31))
    assert until.total == 0


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_sort_by_date(small: Library, sort: str) -> None:
    dates = [h.date for h in small.search("the", sort=sort, limit=50).hits if h.date]
    assert dates == sorted(dates, reverse=sort == "newest") and len(dates) > 3


def test_sort_by_number_puts_numbered_orders_first(corpus_library: Library) -> None:
    hits = corpus_library.search("migratory birds", sort="number", limit=20).hits
    numbers = [int(h.number) for h in hits if h.number]
    assert numbers == sorted(numbers) and hits[0].number


def test_facets_on_the_corpus(corpus_library: Library) -> None:
    results = corpus_library.search("national monument")
    kinds = dict(results.facets["kind"])
    assert kinds["proclamation"] > 0
    assert sum(kinds.values()) == results.total
    years = [int(y) for y, _ in results.facets["year"]]
    assert years == sorted(years, reverse=True) and 1994 <= years[-1] and years[0] <= 2025


def test_only_the_facets_asked_for_are_counted(small: Library) -> None:
    everything = small.search("order")
    some = small.search("order", facets=("kind", "year"))
    assert set(some.facets) == {"kind", "year"}
    assert some.facets["kind"] == everything.facets["kind"] and some.facets["year"] == everything.facets["year"]
    assert some.total == everything.total


def test_a_search_told_to_stop_answers_partial_at_once(corpus_index: Path) -> None:
    with Library(corpus_index) as library:
        stopped = library.search('"executive order"', stop=lambda: True)
        whole = library.search('"executive order"', budget=60)
    assert stopped.partial and not whole.partial
    assert stopped.total < whole.total
