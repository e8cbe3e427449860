"""Phrase documents from positions read block by block equal Whoosh's spans on the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh.query import Phrase

from eoreader.search import open_index
from eoreader.search.phrases import in_order, phrase_docs
from eoreader.search.postings import PostingCache

PHRASES = [
    ("body", ["execut", "order"], 1), ("body", ["author", "vest"], 1),
    ("body", ["depart", "homeland", "secur"], 1), ("title", ["nation", "dai"], 1),
    ("body", ["nation", "emerg"], 2), ("headings", ["gener", "provis"], 1), ("body", ["order", "order"], 1),
    ("body", ["climat", "nonexistentword"], 1),
]


@pytest.mark.parametrize("field,words,slop", PHRASES)
def test_same_documents_as_whooshs_spans(corpus_index: Path, field: str, words: list[str], slop: int) -> None:
    _, searcher = open_index(corpus_index)
    phrase = Phrase(field, words, slop=slop)
    expected = sorted(set(phrase.docs(searcher)))
    assert list(phrase_docs(PostingCache(searcher), phrase)) == expected
    if "nonexistentword" not in words and words[0] != words[1]:
        assert expected, "a phrase the corpus holds"


def test_each_word_must_follow_the_last_within_the_slop() -> None:
    assert in_order([[4, 10], [11]], slop=1)
    assert not in_order([[4, 10], [12]], slop=1)
    assert in_order([[4, 10], [12]], slop=2)
    assert not in_order([[11], [11]], slop=1), "the same position is not after"
    assert not in_order([[5], [4]], slop=2), "order matters"
    assert in_order([[1, 7], [2, 8], [9]], slop=1)
    assert not in_order([[1, 7], [2], [9]], slop=1)
