"""Every form of the query language, and every bad query, on the search fixtures."""

from __future__ import annotations

import pytest

from eoreader import Library
from tests.search.conftest import LAW_ENFORCEMENT, SEED_ARTICLE, STRAWS_FACT_SHEET, STRAWS_ORDER


def ids(library: Library, query: str, **options: object) -> list[str]:
    results = library.search(query, limit=20, **options)  # type: ignore[arg-type]
    return [h.id for hit in results.hits for h in (hit, *hit.coverage)]


def test_stemming_finds_other_forms(small: Library) -> None:
    assert LAW_ENFORCEMENT in ids(small, "enforce")
    assert STRAWS_ORDER in ids(small, "straw")


def test_phrase_requires_the_words_in_order(small: Library) -> None:
    assert set(ids(small, '"paper straws"')) == {STRAWS_ORDER, STRAWS_FACT_SHEET}
    assert ids(small, '"straws procurement"') == []


def test_boolean_operators(small: Library) -> None:
    assert set(ids(small, "straws AND procurement")) == {STRAWS_ORDER, STRAWS_FACT_SHEET}
    assert STRAWS_ORDER not in ids(small, "indemnification OR vaccination -straws")
    both = set(ids(small, "indemnification OR vaccination"))
    assert LAW_ENFORCEMENT in both and any("vaccination" in i for i in both)
    assert STRAWS_FACT_SHEET not in ids(small, "straws NOT sheet")


def test_prefix_and_fuzzy(small: Library) -> None:
    assert LAW_ENFORCEMENT in ids(small, "indemnif*")
    assert LAW_ENFORCEMENT in ids(small, "indemnificaton~", correct=False)


def test_fields(small: Library) -> None:
    assert ids(small, "title:straws") == [STRAWS_ORDER, STRAWS_FACT_SHEET]
    assert ids(small, "kind:fact-sheet") == [STRAWS_FACT_SHEET]
    assert ids(small, "kind:memo")[0].startswith("2021-09-07-memorandum")
    assert {h for h in ids(small, "president:biden")} == {
        i for i in ids(small, "") if i.startswith(("2021", "2023"))}
    assert ids(small, "eo:13600") == ["eo-13600"]
    assert ids(small, "heading:indemnification") == []
    # The seed article has a "Legal defense support" heading too: it comes under its order.
    assert ids(small, 'heading:"legal defense"') == [LAW_ENFORCEMENT, SEED_ARTICLE]
    assert ids(small, "agency:executive office president") == ["eo-13600"]


def test_dates_and_years(small: Library) -> None:
    assert set(ids(small, "date:2025-04")) == {LAW_ENFORCEMENT, SEED_ARTICLE}
    assert set(ids(small, "date:2025-04-28")) == {LAW_ENFORCEMENT}
    newer = set(ids(small, "date:>=2025-02-11"))
    assert newer == {LAW_ENFORCEMENT, SEED_ARTICLE}
    assert set(ids(small, "date:[2017-01-20 TO 2021-12-31]")) == {
        i for i in ids(small, "") if i.startswith("2021")}
    assert ids(small, "year:2012") == ["eo-13600"]
    assert ids(small, "year:[2023 TO 2023]")[0].startswith("2023-03-21")


@pytest.mark.parametrize("query", ["13600", "EO 13600", "E.O. 13600", "Executive Order 13600", "eo13600"])
def test_an_order_number_alone_puts_that_order_first(small: Library, query: str) -> None:
    assert ids(small, query)[0] == "eo-13600"


@pytest.mark.parametrize("query", [
    '"unbalanced quote', "AND", "OR NOT", "title:", "(((", "foo) OR (", "eo:", "[2020 TO",
    "date:[2020 TO", "date:>=", "x" * 10_000, "(" * 5_000, "\x00\ud800\x1b[31m", "*r*", "term~9",
    "-", "NOT straws", "year:abc", "date:yesterdayish", "kind:banana", "a" * 300 + "*", "date:2025-13",
])
def test_nothing_a_user_types_raises(small: Library, query: str) -> None:
    results = small.search(query)
    assert results.total >= 0


def test_bad_parts_say_why_in_one_message(small: Library) -> None:
    assert small.search("kind:banana").messages == [
        "no kind 'banana'; kinds: order, proclamation, memorandum, notice, message, nomination, "
        "fact-sheet, article, other"]
    assert "too broad" in small.search("*r*").messages[0]
    assert small.search("date:2025-13 straws").messages == [
        "'2025-13' is not a date (try 2025-04 or 2025-04-28)"]


def test_not_alone_lists_everything_else(small: Library) -> None:
    found = ids(small, "NOT straws")
    assert STRAWS_ORDER not in found and LAW_ENFORCEMENT in found


def test_unknown_fields_are_searched_as_words(small: Library) -> None:
    assert LAW_ENFORCEMENT in ids(small, "foo:indemnification")
