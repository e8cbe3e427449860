"""Array scoring ranks as Whoosh's own BM25F matchers do, on the shared corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import scoring
from whoosh.collectors import TopCollector
from whoosh.query import AndNot, Query
from whoosh.searching import Searcher

from eoreader.search import open_index
from eoreader.search.deadline import Deadline
from eoreader.search.searcher import Engine, date_range_between
from eoreader.search.weighting import B, K1

QUERIES = [
    "security", "hydrofluorocarbons", "national policy", '"national emergency"', "iran AND sanctions",
    "energy AND NOT oil", "(tariff OR trade) AND china", "title:sanctions", 'title:"national day"',
    "immig*", "climate date:[2021-01-01 TO 2024-12-31]", "EO 13600", "-order climate", "kind:proclamation independence",
]


@pytest.fixture(scope="module")
def engine(corpus_index: Path) -> Engine:
    _, searcher = open_index(corpus_index)
    return Engine(searcher)


@pytest.mark.parametrize("text", QUERIES)
def test_same_top_documents_and_scores_as_whoosh(engine: Engine, text: str) -> None:
    query = engine.plan(text, correct=False).query
    assert query is not None
    reference = Searcher(engine.searcher.reader(), weighting=scoring.BM25F(B=B, K1=K1), closereader=False)
    collector = TopCollector(limit=10, replace=0)
    reference.search_with_collector(query, collector)
    expected = [(hit.docnum, hit.score) for hit in collector.results()]
    got = engine.scorer.scores(query, Deadline(60)).top(10)
    assert [s for _, s in got] == pytest.approx([s for _, s in expected], rel=1e-4)
    # Documents tied (to float precision) with the tenth may be any of the tied ones.
    cut = expected[-1][1] * (1 + 1e-4) if len(expected) == 10 else 0.0
    assert [d for d, s in got if s > cut] == [d for d, s in expected if s > cut]
    assert engine.docsets.of(query).bit_count() == len(matched_by_whoosh(reference, query))


def matched_by_whoosh(searcher: Searcher, query: Query) -> set[int]:
    """The documents Whoosh's matchers find for `query`. Its AndNot matcher lets through a
    document that matches the excluded part (one of 118 for "-order climate" on the
    corpus), so that one is taken as the set difference of its parts."""
    if isinstance(query, AndNot):
        return matched_by_whoosh(searcher, query.a) - matched_by_whoosh(searcher, query.b)
    return set(searcher.docs_for_query(query))


def test_date_ranges_from_the_column_match_whooshs_terms(engine: Engine) -> None:
    import datetime as dt

    for since, until in [(dt.date(2001, 1, 1), dt.date(2002, 12, 31)), (None, dt.date(1999, 6, 30)),
                         (dt.date(2025, 1, 20), None)]:
        query = date_range_between(since, until)
        expected = set(engine.searcher.docs_for_query(query))
        assert expected and engine.docsets.of(query).bit_count() == len(expected)


def test_a_phrase_cut_short_resumes_where_it_stopped(corpus_index: Path) -> None:
    _, searcher = open_index(corpus_index)
    engine = Engine(searcher)  # nothing cached
    query = engine.plan('"executive order"', correct=False).query
    complete = set(engine.searcher.docs_for_query(query))
    first = PassesAfter(checks=2)
    found = engine.docsets.of(query, first)
    assert first.missed and 0 < found.bit_count() < len(complete)
    resumed = Deadline(60)
    assert engine.docsets.of(query, resumed).bit_count() == len(complete)
    assert not resumed.missed
    assert engine.search('"executive order"').total == len(complete)


class PassesAfter(Deadline):
    """A deadline that passes after `checks` looks at it, whatever the machine's speed."""

    def __init__(self, checks: int) -> None:
        super().__init__(60)
        self.checks = checks

    def passed(self, reserve: float = 0.0) -> bool:
        self.checks -= 1
        return self.checks < 0
