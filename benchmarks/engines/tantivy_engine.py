"""tantivy (tantivy-py, the optional `bench` extra): English-stemmed title and body, BM25."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import tantivy

from eoreader.model import Document

from benchmarks.engines import LIMIT, SNIPPET_CHARS
from benchmarks.queries import Query

HEAP_BYTES = 256_000_000
BOOSTS = {"title": 3.0}


def _schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw")
    sb.add_text_field("kind", tokenizer_name="raw")
    sb.add_text_field("title", stored=True, tokenizer_name="en_stem")
    sb.add_text_field("body", stored=True, tokenizer_name="en_stem")
    sb.add_date_field("date", stored=True, indexed=True, fast=True)
    return sb.build()


def build(docs: Iterable[Document], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    index = tantivy.Index(_schema(), path=str(folder))
    writer = index.writer(heap_size=HEAP_BYTES)
    for doc in docs:
        fields: dict[str, object] = {"id": doc.id, "kind": doc.kind.value, "title": doc.title, "body": doc.body()}
        if doc.date:
            fields["date"] = dt.datetime(doc.date.year, doc.date.month, doc.date.day)
        writer.add_document(tantivy.Document(**fields))
    writer.commit()
    writer.wait_merging_threads()


def _date(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


class Searcher:
    def __init__(self, folder: Path) -> None:
        self.index = tantivy.Index.open(str(folder))
        self.schema = self.index.schema
        self.searcher = self.index.searcher()

    def _query(self, query: Query) -> tantivy.Query | None:
        parts = []
        if query.prefix:
            should = tantivy.Occur.Should
            parts.append(tantivy.Query.boolean_query([
                (should, tantivy.Query.regex_query(self.schema, f, f"{query.prefix}.*")) for f in ("title", "body")
            ]))
        elif query.tantivy:
            parts.append(self.index.parse_query(query.tantivy, ["title", "body"], field_boosts=BOOSTS))
        if query.since and query.until:
            parts.append(self.index.parse_query(f"date:[{_date(query.since)} TO {_date(query.until)}]"))
        if query.doc_kind:
            parts.append(tantivy.Query.term_query(self.schema, "kind", query.doc_kind))
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, p) for p in parts])

    def run(self, query: Query) -> tuple[int, int, bool]:
        tq = self._query(query)
        if query.tantivy is None and not query.prefix:
            # Filters alone list the newest first, as eoreader does for an empty query.
            found = self.searcher.search(tq, LIMIT, order_by_field="date")
            docs = [self.searcher.doc(a) for _, a in found.hits]
            passages = [d["body"][0][:SNIPPET_CHARS] for d in docs]
        else:
            found = self.searcher.search(tq, LIMIT)
            snippets = tantivy.SnippetGenerator.create(self.searcher, tq, self.schema, "body")
            docs = [self.searcher.doc(a) for _, a in found.hits]
            passages = [snippets.snippet_from_doc(d).fragment() for d in docs]
        return len(passages), found.count, False

    def close(self) -> None:
        del self.searcher


def searcher(folder: Path) -> Searcher:
    return Searcher(folder)
