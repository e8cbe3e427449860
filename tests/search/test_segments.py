"""Array scoring over an index of several segments with deleted documents: what each run
of ingest leaves before any merge, scored and counted as Whoosh's own matchers do."""

from __future__ import annotations

from collections import Counter

import pytest
from whoosh import scoring
from whoosh.collectors import TopCollector
from whoosh.searching import Searcher
from whoosh.writing import NO_MERGE

from eoreader.ingest import Summary, plan
from eoreader.ingest.manifest import Manifest
from eoreader.search import open_index
from eoreader.search.deadline import NO_DEADLINE
from eoreader.search.schema import to_fields
from eoreader.search.searcher import Engine
from eoreader.search.store import create
from eoreader.search.weighting import B, K1
from tests.conftest import require_corpus

QUERIES = ["sanctions", "national emergency", '"national emergency"', "national AND emergency", "title:order",
           "-sanctions emergency", "immig*"]


@pytest.fixture(scope="module")
def segmented(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """Three segments of 40 orders each, and ten orders of the first replaced in the third."""
    files = sorted((require_corpus() / "federal-register").glob("EO_13[0-9][0-9][0-9].xml"))[:120]
    docs = [change.document for change in plan(files, Manifest(), Summary())]
    folder = tmp_path_factory.mktemp("segments")
    ix = create(folder)
    for start in (0, 40, 80):
        writer = ix.writer()
        for doc in docs[start:start + 40]:
            writer.add_document(**to_fields(doc))
        if start == 80:
            for doc in docs[:10]:
                writer.update_document(**to_fields(doc))
        writer.commit(mergetype=NO_MERGE)
    _, searcher = open_index(folder)
    assert len(searcher.reader().leaf_readers()) >= 3 and searcher.reader().has_deletions()
    return Engine(searcher)


@pytest.mark.parametrize("text", QUERIES)
def test_scores_and_counts_over_segments_equal_whooshs(segmented: Engine, text: str) -> None:
    query = segmented.plan(text, correct=False).query
    reference = Searcher(segmented.searcher.reader(), weighting=scoring.BM25F(B=B, K1=K1), closereader=False)
    collector = TopCollector(limit=10, replace=0)
    reference.search_with_collector(query, collector)
    expected = [(hit.docnum, hit.score) for hit in collector.results()]
    got = segmented.scorer.scores(query, NO_DEADLINE).top(10)
    assert expected and [s for _, s in got] == pytest.approx([s for _, s in expected], rel=1e-4)
    cut = expected[-1][1] * (1 + 1e-4) if len(expected) == 10 else 0.0
    assert [d for d, s in got if s > cut] == [d for d, s in expected if s > cut]
    live = set(reference.reader().all_doc_ids())
    assert {d for d, _ in got} <= live
    assert segmented.docsets.of(query).bit_count() == len(set(reference.docs_for_query(query)) & live)


@pytest.mark.parametrize("name", ["kind", "president"])
def test_column_facets_over_segments_count_each_live_document_once(segmented: Engine, name: str) -> None:
    # Read from each segment's column, not from postings: the replaced orders count once.
    query = segmented.plan("order", correct=False).query
    got = dict(segmented.facets.count(segmented.docsets.of(query), [name])[name])
    searcher = segmented.searcher
    matching = set(searcher.docs_for_query(query)) & set(searcher.reader().all_doc_ids())
    expected = Counter(searcher.stored_fields(d).get(name) for d in matching) - Counter({None: len(matching)})
    assert expected and got == dict(expected)
