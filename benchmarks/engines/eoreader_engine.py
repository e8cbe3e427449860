"""eoreader: documents written through its own batched writer, searched through `Library`."""

from __future__ import annotations

import inspect
import os
from collections.abc import Iterable
from pathlib import Path

import eoreader.search
from eoreader import Library
from eoreader.ingest import Change, Manifest
from eoreader.model import Document

from benchmarks.queries import Query


def build(docs: Iterable[Document], folder: Path) -> None:
    """Every document through `BatchWriter`, as `eoreader ingest` writes them (no files).

    With $BENCH_EOREADER_WRITER=one, one Whoosh writer and one commit instead: the same
    schema, fields and single segment, so searches see the same index, built in a third
    of the time (for measuring searches at 100,000 documents on a busy machine).
    """
    if os.environ.get("BENCH_EOREADER_WRITER") == "one":
        _build_one(docs, folder)
        return
    if hasattr(eoreader.search, "open_index"):
        ix, searcher = eoreader.search.open_index(folder)
        searcher.close()
        writer = eoreader.search.BatchWriter(ix, folder)
    else:  # the writer before the reliability rewrite (issue 9) took the manifest
        ix = eoreader.search.open_or_create(folder)
        writer = eoreader.search.BatchWriter(ix, folder, Manifest())
    with writer:
        for doc in docs:
            writer.write(Change(doc, []))


def _build_one(docs: Iterable[Document], folder: Path) -> None:
    from eoreader.search.schema import to_fields
    from eoreader.search.store import create

    writer = create(folder).writer(limitmb=256)
    for doc in docs:
        writer.add_document(**to_fields(doc))
    writer.commit()


class Searcher:
    def __init__(self, folder: Path) -> None:
        self.library = Library(folder)
        params = inspect.signature(self.library.search).parameters
        # The filters of API.md once `Library.search` takes them; query syntax until then.
        self.filters = {"since", "until", "kind"} <= set(params)

    def run(self, query: Query) -> tuple[int, int, bool]:
        if self.filters:
            results = self.library.search(query.eoreader, limit=10, since=query.since,
                                          until=query.until, kind=query.doc_kind)
        else:
            results = self.library.search(_with_filters(query), limit=10)
        return len(results.hits), results.total, getattr(results, "partial", False)

    def close(self) -> None:
        self.library.close()


def _with_filters(query: Query) -> str:
    parts = [f"({query.eoreader})"] if query.eoreader else []
    if query.since and query.until:
        parts.append(f"date:[{query.since:%Y%m%d} TO {query.until:%Y%m%d}]")
    if query.doc_kind:
        parts.append(f"kind:{query.doc_kind}")
    return " AND ".join(parts)


def searcher(folder: Path) -> Searcher:
    return Searcher(folder)
