"""The query mix every engine runs: one intent, written in each engine's own syntax.

Each query says the same thing to eoreader (Whoosh syntax through `Library.search`),
SQLite FTS5 (a MATCH expression plus SQL filters) and tantivy (its query parser, or a
regex query where its parser has no prefix syntax). Several words without an operator
mean any of them, as eoreader's parser reads them. Dates and kinds are filters.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple


class Query(NamedTuple):
    """One query of the mix; `None` for an engine string means "no text, filters only"."""

    kind: str
    eoreader: str
    fts5: str | None
    tantivy: str | None
    since: dt.date | None = None
    until: dt.date | None = None
    doc_kind: str | None = None
    # Prefix queries: tantivy's parser has none, so the harness builds a regex query.
    prefix: str | None = None


def _words(text: str) -> Query:
    return Query("", text, " OR ".join(text.split()), text)


def _q(kind: str, query: Query, **changes: object) -> Query:
    return query._replace(kind=kind, **changes)


def _range(a: str, b: str) -> dict[str, dt.date]:
    return {"since": dt.date.fromisoformat(a), "until": dt.date.fromisoformat(b)}


def _phrase(text: str) -> Query:
    return Query("", f'"{text}"', f'"{text}"', f'"{text}"')


def _same(text: str) -> Query:
    return Query("", text, text, text)


def _prefix(stem: str) -> Query:
    return Query("", f"{stem}*", f"{stem}*", None, prefix=stem)


QUERIES: list[Query] = [
    # Rare: a few to a few dozen documents of the 2,844.
    *(_q("rare", _words(w)) for w in ("hydrofluorocarbons", "ebola", "quarantine", "whistleblower",
                                       "kosovo", "uranium")),
    # Common: matching a third to nearly all documents.
    *(_q("common", _words(w)) for w in ("security", "federal", "government", "national policy",
                                         "united states")),
    # Phrases, one of them nearly all stop words and in most orders.
    *(_q("phrase", _phrase(p)) for p in ("by the authority vested in me", "national emergency",
                                          "executive order", "climate crisis",
                                          "department of homeland security")),
    _q("boolean", _same("iran AND sanctions")),
    # tantivy reads "AND NOT" as a clause that must match nothing; "-" is its exclusion.
    _q("boolean", Query("", "energy AND NOT oil", "energy NOT oil", "+energy -oil")),
    _q("boolean", _same("(tariff OR trade) AND china")),
    _q("boolean", _same("immigration OR border")),
    _q("fielded", Query("", "title:sanctions", "title : sanctions", "title:sanctions")),
    _q("fielded", Query("", "title:energy", "title : energy", "title:energy")),
    _q("fielded", Query("", 'title:"national day"', 'title : "national day"', 'title:"national day"')),
    _q("fielded", _words("independence"), doc_kind="proclamation"),
    _q("date", Query("", "", None, None), **_range("2001-01-01", "2002-12-31")),
    _q("date", Query("", "", None, None), **_range("2021-01-01", "2021-12-31")),
    _q("date", Query("", "", None, None), **_range("1994-01-01", "2016-12-31")),
    _q("date", Query("", "", None, None), **_range("2025-01-20", "2025-03-31")),
    _q("date+text", _words("sanctions"), **_range("2014-01-01", "2016-12-31")),
    _q("date+text", _phrase("by the authority vested in me"), **_range("2021-01-01", "2022-12-31")),
    _q("date+text", _words("health"), **_range("1994-01-01", "1999-12-31")),
    _q("date+text", _words("climate"), **_range("2021-01-01", "2024-12-31")),
    *(_q("prefix", _prefix(s)) for s in ("immig", "cyber", "terror", "environ")),
]

KINDS = list(dict.fromkeys(q.kind for q in QUERIES))
