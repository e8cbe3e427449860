"""Library: the one API over an index that the CLI, the TUI, sync and scripts share."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from eoreader import paths
from eoreader.ingest import Manifest, Summary, discover, plan
from eoreader.model import Document
from eoreader.search import (
    BatchWriter, Results, from_stored, match_spans, open_or_create, query_terms, search,
)
from eoreader.search.query import order_number


class NotFound(KeyError):
    """No document has that id or order number."""

    def __str__(self) -> str:
        return f"no document {self.args[0]!r} in the index"


class Library:
    """An index of documents: open it, ingest files into it, search it, read from it."""

    def __init__(self, index_dir: str | os.PathLike[str] | None = None) -> None:
        self.path = paths.index_dir(index_dir)
        self._ix = open_or_create(self.path)
        self._searcher = self._ix.searcher()

    def close(self) -> None:
        self._searcher.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def refresh(self) -> None:
        """See what other writers committed since this Library was opened."""
        # Searcher.refresh() fails on a searcher opened over an empty index; reopen instead.
        if not self._searcher.up_to_date():
            self._searcher.close()
            self._searcher = self._ix.searcher()

    def __len__(self) -> int:
        return self._searcher.doc_count()

    def search(self, query: str = "", limit: int = 10) -> Results:
        """Ranked hits for `query`; an empty query lists documents newest first."""
        return search(self._searcher, query, limit=limit)

    def terms(self, query: str) -> frozenset[str]:
        """The analysed words of `query`, for `marks()`."""
        return query_terms(query, self._ix.schema)

    def marks(self, text: str, terms: frozenset[str]) -> list[tuple[int, int]]:
        """Where the words of `text` match `terms` (from `terms()`), as character spans."""
        return match_spans(text, terms)

    def get(self, id_or_number: str) -> Document:
        """The document with this id, or this order number ("14288", "EO 14288")."""
        key = id_or_number.strip()
        stored = self._searcher.document(id=key)
        if stored is None and (number := order_number(key)):
            stored = self._searcher.document(number=number)
        if stored is None:
            raise NotFound(key)
        return from_stored(stored["data"])

    def ingest(self, sources: Iterable[str | os.PathLike[str]], prune: bool = False) -> Summary:
        """Index every file under `sources`; returns what happened to each file."""
        roots = [Path(p).absolute() for p in sources]
        files = list(discover(roots))
        manifest = Manifest.load(self.path)
        summary = Summary()
        changes = plan(files, manifest, summary)
        with BatchWriter(self._ix, self.path, manifest) as writer:
            for change in changes:
                writer.write(change)
            if prune:
                summary.pruned = _prune(manifest, roots, writer)
        self.refresh()
        seen = {c.document.id for c in changes} | {
            manifest.entries[p].doc_id for p in summary.unchanged if p in manifest.entries
        }
        summary.documents = len(seen)
        return summary

    def stats(self) -> dict[str, object]:
        return {"index": str(self.path), "documents": len(self)}

    def has(self, doc_id: str) -> bool:
        return self._searcher.document_number(id=doc_id) is not None


def _prune(manifest: Manifest, roots: list[Path], writer: BatchWriter) -> list[str]:
    """Delete documents all of whose source files under `roots` are gone."""
    gone: set[str] = set()
    for path, entry in list(manifest.entries.items()):
        inside = any(Path(path).is_relative_to(r) for r in roots)
        if inside and not Path(path).exists():
            gone.add(entry.doc_id)
    pruned = [d for d in sorted(gone) if not any(Path(p).exists() for p in manifest.files_of(d))]
    for doc_id in pruned:
        writer.delete(doc_id)
    return pruned
