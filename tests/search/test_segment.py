"""segment.Writer writes what Whoosh's SegmentWriter writes: the same postings with the
same length statistics per term and per block, and the same stored documents, when adding
documents and when merging segments that hold deleted documents."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from whoosh.reading import SegmentReader
from whoosh.writing import NO_MERGE, OPTIMIZE, SegmentWriter

from eoreader.ingest import Summary, plan
from eoreader.ingest.manifest import Manifest
from eoreader.model import Document
from eoreader.search.schema import to_fields
from eoreader.search.runs import CHUNK, Runs
from eoreader.search.segment import Writer
from eoreader.search.store import create
from tests.conftest import require_corpus


@pytest.fixture(scope="module")
def orders() -> list[Document]:
    files = sorted((require_corpus() / "federal-register").glob("EO_13[67][0-9][0-9].*"))
    return [change.document for change in plan(files, Manifest(), Summary())]


def build(folder: Path, writer_class: Callable[[Any], SegmentWriter], docs: list[Document]) -> Any:
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


@pytest.fixture(params=[False, True], ids=["from segments", "from runs"])
def runs(request: pytest.FixtureRequest) -> Iterator[Runs | None]:
    """No Runs (merges read segments), or a Runs (merges read what it kept)."""
    if not request.param:
        yield None
        return
    kept = Runs()
    yield kept
    kept.close()


def test_writer_writes_what_whoosh_writes(orders: list[Document], tmp_path: Path, runs: Runs | None) -> None:
    assert len(orders) >= 50
    whoosh = build(tmp_path / "whoosh", SegmentWriter, orders)
    ours = build(tmp_path / "ours", partial(Writer, runs=runs), orders)
    expected = segments(whoosh)
    assert len(expected) == 2
    assert segments(ours) == expected
    if runs is not None:
        # The merge below reads what the run kept, not the segments.
        assert all(runs.postings(segment.segment_id()) is not None for segment in ours._segments())
    # One writer replaces three documents of the second segment and merges both.
    for ix, writer_class in ((whoosh, SegmentWriter), (ours, partial(Writer, runs=runs))):
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


def test_runs_keep_whole_segments_only() -> None:
    posts = [("body", f"w{i // 7}".encode(), i % 7, 1.0 + i % 3, bytes([i % 256])) for i in range(CHUNK * 2 + 5)]
    runs = Runs()
    passing = runs.tee("a", iter(posts))
    assert next(passing) == posts[0]
    assert runs.postings("a") is None  # a commit that stops half-way keeps nothing
    assert [posts[0], *passing] == posts
    kept = runs.postings("a")
    assert kept is not None and list(kept) == posts
    folder = runs._folder
    runs.close()
    assert folder is not None and not folder.exists() and runs.postings("a") is None


def test_runs_delete_folders_of_dead_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True).stdout.strip()
    stale, alive = tmp_path / f"eoreader-runs-{dead}-x1", tmp_path / f"eoreader-runs-{os.getppid()}-x2"
    for folder in (stale, alive):
        folder.mkdir()
        (folder / "MAIN_x").write_bytes(b"postings")
    runs = Runs()
    list(runs.tee("a", [("body", b"w", 0, 1.0, b"")]))
    assert not stale.exists() and alive.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(f"eoreader-runs-{os.getpid()}-")]
    runs.close()
