"""Running a query: ranked hits, the section of the best match, a passage with marks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from whoosh.fields import Schema
from whoosh.highlight import ContextFragmenter, Fragment, highlight
from whoosh.query import Every, Query
from whoosh.searching import Searcher

from eoreader.model import Document
from eoreader.search.query import parse
from eoreader.search.schema import ANALYZER, TEXT_FIELDS, from_stored

SNIPPET_CHARS = 240


@dataclass
class Snippet:
    """A passage of a document, with the spans of matched terms in it."""

    text: str
    marks: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Hit:
    """One search result."""

    id: str
    kind: str
    title: str
    number: str | None
    date: dt.date | None
    score: float
    sources: list[str]
    section: str | None
    section_heading: str
    snippet: Snippet

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "title": self.title, "number": self.number,
            "date": self.date.isoformat() if self.date else None, "score": round(self.score, 4),
            "sources": self.sources,
            "section": {"anchor": self.section, "heading": self.section_heading} if self.section else None,
            "snippet": self.snippet.text, "marks": [list(m) for m in self.snippet.marks],
        }


@dataclass
class Results:
    """A page of hits and the size of the whole result set."""

    query: str
    total: int
    hits: list[Hit]

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "total": self.total, "hits": [h.to_dict() for h in self.hits]}


def search(searcher: Searcher, text: str, limit: int = 10) -> Results:
    """The best `limit` hits for the user's `text` (newest first when it is empty)."""
    query = parse(text, searcher.schema)
    if query is None:
        found = searcher.search(Every(), limit=limit, sortedby="date", reverse=True)
        terms: set[str] = set()
    else:
        found = searcher.search(query, limit=limit)
        terms = _terms(query)
    hits = []
    for hit in found:
        doc = from_stored(hit["data"])
        anchor, heading, snippet = passage(doc, terms)
        hits.append(Hit(
            id=doc.id, kind=doc.kind.value, title=doc.title, number=doc.number, date=doc.date,
            score=float(hit.score or 0.0), sources=doc.sources, section=anchor,
            section_heading=heading, snippet=snippet,
        ))
    return Results(query=text, total=len(found), hits=hits)


def query_terms(text: str, schema: Schema) -> frozenset[str]:
    """The analysed words of the user's `text`, for highlighting them in any passage."""
    query = parse(text, schema)
    return frozenset(_terms(query)) if query is not None else frozenset()


def match_spans(text: str, terms: frozenset[str]) -> list[tuple[int, int]]:
    """Character spans of the words of `text` that analyse to one of `terms`."""
    if not terms:
        return []
    return [
        (token.startchar, token.endchar)
        for token in ANALYZER(text, chars=True, mode="query", removestops=False)
        if token.text in terms
    ]


def _terms(query: Query) -> set[str]:
    """The analysed words of `query` in the text fields, as the highlighter matches them."""
    return {
        text.decode() if isinstance(text, bytes) else str(text)
        for fieldname, text in query.iter_all_terms()
        if fieldname in TEXT_FIELDS
    }


def passage(doc: Document, terms: set[str]) -> tuple[str | None, str, Snippet]:
    """The best passage of `doc` for `terms`, and the section (anchor, heading) it is in."""
    body = doc.body()
    spans = doc.body_spans()
    fragments: list[Fragment] = []
    if terms and body:
        fragments = highlight(
            body, terms, ANALYZER, ContextFragmenter(maxchars=SNIPPET_CHARS, surround=60),
            lambda _text, frags: frags, top=1,
        )
    if fragments:
        frag = fragments[0]
        start, end = frag.startchar, frag.endchar
        marks = [(m.startchar - start, m.endchar - start) for m in frag.matches]
    else:
        start, end, marks = 0, min(len(body), SNIPPET_CHARS), []
    span = next((s for s in spans if s.start <= start < s.end + 2), spans[0] if spans else None)
    section = doc.section(span.anchor) if span else None
    text = body[start:end]
    return (span.anchor if span else None, section.heading if section else "",
            Snippet(text.replace("\n", " "), marks))
