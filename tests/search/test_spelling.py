"""Typos corrected from the index's own words, shown and undoable; did-you-mean."""

from __future__ import annotations

from eoreader import Library
from eoreader.search.spelling import edits
from tests.search.conftest import LAW_ENFORCEMENT


def test_a_typo_is_corrected_and_the_correction_shown(small: Library) -> None:
    results = small.search("indemnfication")
    assert results.corrected == "indemnification"
    assert results.hits[0].id == LAW_ENFORCEMENT
    assert [results.hits[0].snippet.text[s:e] for s, e in results.hits[0].snippet.marks][0] == "indemnification"


def test_the_correction_can_be_undone_and_then_is_offered(small: Library) -> None:
    results = small.search("indemnfication", correct=False)
    assert results.total == 0 and results.corrected is None
    assert results.suggestion == "indemnification"


def test_words_the_index_knows_are_left_alone(small: Library) -> None:
    results = small.search("indemnification straws")
    assert results.corrected is None and results.suggestion is None


def test_english_words_the_index_lacks_are_no_typos(small: Library) -> None:
    # "handover" is one edit from nothing here, but it is a word: it stays as typed.
    assert small.search("handover of straws").corrected is None


def test_edits_are_one_change_away() -> None:
    variants = set(edits("thier"))
    assert {"their", "thir", "thieer", "tier"} <= variants
    assert "there" not in variants


def test_corrections_on_the_corpus(corpus_library: Library) -> None:
    results = corpus_library.search("clinton order banning smokeing in federal ofices")
    assert results.corrected == "clinton order banning smokeing in federal offices"
    assert results.hits[0].number == "13058"
    assert corpus_library.search("biden blocks nipon steel").corrected == "biden blocks nippon steel"
