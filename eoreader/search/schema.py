"""The Whoosh schema: which fields the index holds and how their text is analysed."""

from __future__ import annotations

import datetime as dt
import json
import zlib
from typing import Any

from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, STORED, Schema

from eoreader.model import Document, Relation
from eoreader.search.analysis import FastText

# Bump when the fields change: an index of another version is rebuilt from its sources.
# 2: columns for kind, president and order number (facets, grouping and sorting without
# loading stored documents); agency analysed; key point actors.
SCHEMA_VERSION = 3

# One stemming analyzer for every text field, so query terms stem as the text did;
# an unbounded stem cache is 5-10% faster at index time (shared/reference/whoosh-at-scale.md).
# The fields are FastText: the same terms as TEXT with this analyzer, indexed without its
# Token objects (search/analysis.py); queries still go through the analyzer.
ANALYZER = StemmingAnalyzer(cachesize=-1)

TEXT_FIELDS = ("title", "keypoints", "headings", "body")
RELATION_FIELDS = tuple(r.value for r in Relation)


def build_schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),
        kind=ID(stored=True, sortable=True),
        number=ID(stored=True),
        # The order number as an integer, for sorting by number.
        order=NUMERIC(int, sortable=True),
        president=ID(stored=True, sortable=True),
        # DATETIME ranges run 2-5x faster than ID strings (whoosh-at-scale.md).
        date=DATETIME(stored=True, sortable=True),
        year=NUMERIC(int, stored=True, sortable=True),
        title=FastText(analyzer=ANALYZER, stored=True),
        keypoints=FastText(analyzer=ANALYZER),
        headings=FastText(analyzer=ANALYZER),
        body=FastText(analyzer=ANALYZER),
        agency=FastText(analyzer=ANALYZER, phrase=False),
        actor=FastText(analyzer=ANALYZER, phrase=False),
        # Each actor's normalised name as one term, for the actor facet.
        actors=KEYWORD(commas=True),
        revokes=KEYWORD(commas=True),
        amends=KEYWORD(commas=True),
        supersedes=KEYWORD(commas=True),
        mentions=KEYWORD(commas=True),
        # The whole Document as compressed JSON: `get()` and snippets need no re-parsing.
        data=STORED(),
    )


def at_midnight(date: dt.date | None) -> dt.datetime | None:
    return dt.datetime(date.year, date.month, date.day) if date else None


def to_fields(doc: Document) -> dict[str, Any]:
    """The index fields of `doc`."""
    fields: dict[str, Any] = {
        "id": doc.id,
        "kind": doc.kind.value,
        "title": doc.title,
        "keypoints": "\n".join(k.text for k in doc.key_points),
        "headings": "\n".join(s.heading for _, s in doc.walk() if s.heading),
        "body": doc.body(),
        "data": zlib.compress(json.dumps(doc.to_dict(), ensure_ascii=False).encode()),
    }
    if doc.number:
        fields["number"] = doc.number
        if doc.number.isdigit():
            fields["order"] = int(doc.number)
    if doc.president:
        fields["president"] = president_key(doc.president)
    if doc.date:
        fields["date"] = at_midnight(doc.date)
        fields["year"] = doc.date.year
    if doc.agencies:
        fields["agency"] = "\n".join(doc.agencies)
    actors = sorted({k.actor for k in doc.key_points if k.actor})
    if actors:
        fields["actor"] = "\n".join(actors)
        fields["actors"] = ",".join(actor_names(actors))
    for relation in Relation:
        numbers = sorted({r.number for r in doc.references if r.relation is relation})
        if numbers:
            fields[relation.value] = ",".join(numbers)
    return fields


def actor_names(actors: list[str]) -> list[str]:
    """The single actors of key points ("A; B" names two), as facet values without commas."""
    names = {" ".join(n.replace(",", " ").split()) for a in actors for n in a.split(";")}
    return sorted(n for n in names if n)


def president_key(name: str) -> str:
    """How the index keys a president: the surname, lower case ("Donald J. Trump" -> "trump")."""
    words = name.replace(",", " ").split()
    words = [w for w in words if w.lower().strip(".") not in ("jr", "sr", "ii", "iii")]
    return words[-1].lower() if words else ""


def from_stored(data: bytes) -> Document:
    """The Document kept in the `data` field."""
    return Document.from_dict(json.loads(zlib.decompress(data)))
