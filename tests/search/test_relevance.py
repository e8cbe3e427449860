"""The relevance bar of issue 11 on the shared corpus's two query sets (MRR@10)."""

from __future__ import annotations

import pytest

from benchmarks.relevance import documents, eoreader_ranked, evaluate, keys_of, read_cases, score
from eoreader import Library


@pytest.mark.parametrize(("name", "bar"), [("queries.tsv", 0.97), ("queries-hard.tsv", 0.92)])
def test_mrr_holds(corpus_library: Library, name: str, bar: float) -> None:
    keys = {d.id: keys_of(d) for d in documents(corpus_library)}
    cases = read_cases(name)
    ranks = evaluate(eoreader_ranked(corpus_library), cases, keys)
    missed = [(c.id, r) for c, r in zip(cases, ranks) if r != 1]
    assert score(ranks).mrr >= bar, missed


def test_an_order_number_in_any_form_comes_first(corpus_library: Library) -> None:
    for query in ("13010", "EO 13010", "E.O. 13010", "Executive Order 13010", "executive order no. 13010"):
        assert corpus_library.search(query).hits[0].number == "13010"
