"""Periods in free text: found, widened to what the words name, and favoured without excluding."""

from __future__ import annotations

import datetime as dt

import pytest

from eoreader import Library
from eoreader.search.timehints import Period, find, period_of

D = dt.date


@pytest.mark.parametrize(("text", "words", "period"), [
    ("summer 1996 order", "summer 1996", Period(D(1996, 6, 1), D(1996, 8, 31))),
    ("mid-2007 order on stem cells", "mid-2007", Period(D(2007, 5, 1), D(2007, 8, 31))),
    ("fall 2008 council", "fall 2008", Period(D(2008, 9, 1), D(2008, 11, 30))),
    ("late 2025", "late 2025", Period(D(2025, 9, 1), D(2025, 12, 31))),
    ("winter 2019 storms", "winter 2019", Period(D(2018, 12, 1), D(2019, 2, 28))),
    ("june 2004 closing", "june 2004", Period(D(2004, 6, 1), D(2004, 6, 30))),
    ("April 28, 2025 police", "April 28, 2025", Period(D(2025, 4, 28), D(2025, 4, 28))),
    ("an order in 1996", "in 1996", Period(D(1996, 1, 1), D(1996, 12, 31))),
    ("what happened 2025-04", "2025-04", Period(D(2025, 4, 1), D(2025, 4, 30))),
])
def test_periods_in_words(text: str, words: str, period: Period) -> None:
    hints = find(text)
    assert [(text[h.start:h.end], h.period) for h in hints] == [(words, period)]


@pytest.mark.parametrize("text", ["sept 11 documents", "a 12 year old", "10th mountain division", "y2k bug"])
def test_numbers_that_are_no_year_are_no_period(text: str) -> None:
    assert find(text) == []


def test_date_values() -> None:
    assert period_of("2025") == Period(D(2025, 1, 1), D(2025, 12, 31))
    assert period_of("2025-02") == Period(D(2025, 2, 1), D(2025, 2, 28))
    assert period_of("march 2022") == Period(D(2022, 3, 1), D(2022, 3, 31))
    assert period_of("2025-13") is None
    assert period_of("whenever") is None


def test_a_period_favours_its_documents_without_excluding_the_rest(corpus_library: Library) -> None:
    # The Reagan closing (June 2004) and the Carter ones (December 2024) share their words.
    june = corpus_library.search("order closing federal agencies in honor of a former president june 2004")
    assert june.hits[0].date and june.hits[0].date.strftime("%Y-%m") == "2004-06"
    december = corpus_library.search("order closing federal agencies in honor of a former president december 2024")
    assert december.hits[0].date and december.hits[0].date.strftime("%Y-%m") == "2024-12"
    # A wrong period reorders but excludes nothing: the closings still come first.
    wrong = corpus_library.search("order closing federal agencies in honor of a former president 1997")
    assert wrong.total == june.total
    assert "closing" in wrong.hits[0].title.lower()


def test_a_period_alone_lists_that_period(corpus_library: Library) -> None:
    results = corpus_library.search("june 2004", limit=50)
    assert results.hits and all(h.date and h.date.strftime("%Y-%m") == "2004-06" for h in results.hits)
