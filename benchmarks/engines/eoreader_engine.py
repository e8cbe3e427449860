"""eoreader: documents written through its own batched writer, searched through `Library`."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from eoreader import Library
from eoreader.ingest import Change
from eoreader.model import Document
from eoreader.search import BatchWriter, open_index

from benchmarks.queries import Query


def build(docs: Iterable[Document], folder: Path) -> None:
    """Every document through `BatchWriter`, as `eoreader ingest` writes them (no files).

    With $BENCH_EOREADER_WRITER=one, one writer (BatchWriter's, segment.Writer) and one
    commit instead: the same schema, fields and single segment, so searches see the same
    index, built in two thirds of the time (for measuring searches at 100,000 documents on
    a busy machine).
    """
    if os.environ.get("BENCH_EOREADER_WRITER") == "one":
        _build_one(docs, folder)
        return
    ix, searcher = open_index(folder)
    searcher.close()
    with BatchWriter(ix, folder) as writer:
        for doc in docs:
            writer.write(Change(doc, []))


def _build_one(docs: Iterable[Document], folder: Path) -> None:
    from eoreader.search.schema import to_fields
    from eoreader.search.segment import Writer
    from eoreader.search.store import create

    writer = Writer(create(folder), limitmb=256)
    for doc in docs:
        writer.add_document(**to_fields(doc))
    writer.commit()


class Searcher:
    def __init__(self, folder: Path) -> None:
        self.library = Library(folder)

    def run(self, query: Query) -> tuple[int, int, bool]:
        results = self.library.search(query.eoreader, limit=10, since=query.since, until=query.until,
                                      kind=query.doc_kind)
        return len(results.hits), results.total, results.partial

    def close(self) -> None:
        self.library.close()


def searcher(folder: Path) -> Searcher:
    return Searcher(folder)
