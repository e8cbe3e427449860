"""segment.Writer writes what Whoosh's SegmentWriter writes: the same postings with the
same length statistics per term and per block, and the same stored documents, when adding
documents and when merging segments that hold deleted documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from whoosh.reading import SegmentReader
from whoosh.writing import NO_MERGE, OPTIMIZE, SegmentWriter

from eoreader.ingest import Summary, plan
from eoreader.ingest.manifest import Manifest
from eoreader.model import Document
from eoreader.search.schema import to_fields
from eoreader.search.segment import Writer
from eoreader.search.store import create
from tests.conftest import require_corpus


@pytest.fixture(scope="module")
def orders() -> list[Document]:
    files = sorted((require_corpus() / "federal-register").glob("EO_13[67][0-9][0-9].*"))
    return [change.document for change in plan(files, Manifest(), Summary())]


def build(folder: Path, writer_class: type[SegmentWriter], docs: list[Document]) -> Any:
    """Two segments of half the documents each, the second replacing five of the first."""
    ix = create(folder)
    half = len(docs) // 2
    for part in (docs[:half], docs[half:] + docs[:5]):
        writer = writer_class(ix)
        for doc in part:
            writer.update_document(**to_fields(doc))
        writer.commit(mergetype=NO_MERGE)
    return ix


def segments(ix: Any) -> list[dict[tuple[str, bytes], Any]]:
    """The postings of each segment of `ix`, in order."""
    tables = []
    for segment in ix._segments():
        with SegmentReader(ix.storage, ix.schema, segment) as reader:
            tables.append(postings(reader))
    return tables


def postings(reader: Any) -> dict[tuple[str, bytes], Any]:
    """Every term's statistics and postings, each with the length bounds of its block."""
    table = {}
    for fieldname, text in reader.all_terms():
        info = reader.term_info(fieldname, text)
        stats = (info.weight(), info.doc_frequency(), info.min_length(), info.max_length(), info.max_weight())
        matcher = reader.postings(fieldname, text)
        # Deleted documents are filtered out by a wrapper; the block figures are the leaf's.
        leaf = getattr(matcher, "child", matcher)
        rows = []
        while matcher.is_active():
            rows.append((matcher.id(), matcher.weight(), matcher.value(), leaf.block_min_length(),
                         leaf.block_max_length(), leaf.block_max_weight()))
            matcher.next()
        table[fieldname, text] = (stats, rows)
    return table


def test_writer_writes_what_whoosh_writes(orders: list[Document], tmp_path: Path) -> None:
    assert len(orders) >= 50
    whoosh = build(tmp_path / "whoosh", SegmentWriter, orders)
    ours = build(tmp_path / "ours", Writer, orders)
    expected = segments(whoosh)
    assert len(expected) == 2
    assert segments(ours) == expected
    # One writer replaces three documents of the second segment and merges both.
    for ix, writer_class in ((whoosh, SegmentWriter), (ours, Writer)):
        writer = writer_class(ix)
        for doc in orders[-3:]:
            writer.update_document(**to_fields(doc))
        writer.commit(mergetype=OPTIMIZE)
    [table] = segments(ours)
    assert [table] == segments(whoosh)
    with whoosh.searcher() as expected, ours.searcher() as got:
        assert got.doc_count() == expected.doc_count() == len(orders)
        assert list(got.documents()) == list(expected.documents())
    # Lengths were written: a long order's body is not a one-word field.
    assert max(stats[3] for (field, _), (stats, _) in table.items() if field == "body") > 1000
