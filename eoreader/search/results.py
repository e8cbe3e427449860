"""What a search returns: hits grouped with their coverage, totals, facets, corrections."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from eoreader.search.passages import Snippet


@dataclass
class Hit:
    """One search result: a document, where it matched best, and the coverage grouped under it."""

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
    section_number: str = ""
    status: str = "in force"
    status_by: str | None = None
    president: str | None = None
    coverage: list[Hit] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        section = None
        if self.section:
            section = {"anchor": self.section, "number": self.section_number, "heading": self.section_heading}
        return {
            "id": self.id, "kind": self.kind, "title": self.title, "number": self.number,
            "date": self.date.isoformat() if self.date else None, "president": self.president,
            "status": self.status, "status_by": self.status_by, "score": round(self.score, 4),
            "sources": self.sources, "section": section,
            "snippet": self.snippet.text, "marks": [list(m) for m in self.snippet.marks],
            "coverage": [c.to_dict() for c in self.coverage],
        }


@dataclass
class Results:
    """A page of hits and what is known of the whole result set."""

    query: str
    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    # Did you mean: a better query, offered when this one finds little.
    suggestion: str | None = None
    # The query actually run when typos were corrected; search `query` with correct=False to undo.
    corrected: str | None = None
    # The time budget ran out: `hits` are the best of the documents seen so far.
    partial: bool = False
    # What the query could not use, in a sentence each ("no kind 'x'; kinds: ...").
    messages: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query, "total": self.total,
            "facets": {name: [[value, count] for value, count in counts] for name, counts in self.facets.items()},
            "suggestion": self.suggestion, "corrected": self.corrected, "partial": self.partial,
            "messages": self.messages, "hits": [h.to_dict() for h in self.hits],
        }


class Reference(NamedTuple):
    """An order this document refers to: its number, how, and its id when it is indexed."""

    number: str
    relation: str
    id: str | None


class Referrer(NamedTuple):
    """A document that refers to this one: its id, how, and its title."""

    id: str
    relation: str
    title: str


@dataclass
class Related:
    """Documents related to one document."""

    similar: list[Hit] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    referenced_by: list[Referrer] = field(default_factory=list)
    coverage: list[Hit] = field(default_factory=list)
    # The action a piece of coverage describes (for a fact sheet or article).
    covers: Hit | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "similar": [h.to_dict() for h in self.similar],
            "references": [r._asdict() for r in self.references],
            "referenced_by": [r._asdict() for r in self.referenced_by],
            "coverage": [h.to_dict() for h in self.coverage],
            "covers": self.covers.to_dict() if self.covers else None,
        }
