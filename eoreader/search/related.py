"""Documents related to one document: the most similar, the orders it names and that name
it, and its coverage (or, for coverage, the action it describes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from whoosh.query import Or, Term

from eoreader.search.coverage import COVERAGE_KINDS
from eoreader.search.results import Related

if TYPE_CHECKING:
    from eoreader.search.searcher import Engine

# Words of the document that make its more-like-this query.
SIMILAR_TERMS = 25
# The body is long; its start says what the document is about.
SIMILAR_TEXT_CHARS = 20_000


def related(engine: Engine, docnum: int, limit: int = 10) -> Related:
    """Everything related to document `docnum`."""
    doc = engine.document(docnum)
    links = engine.links
    out = Related(references=links.references(doc), referenced_by=links.referenced_by(doc))
    linked: set[int] = {docnum}
    if doc.kind.value in COVERAGE_KINDS:
        action = links.action_of(docnum)
        if action is not None:
            out.covers = engine.hit(action, 0.0, frozenset())
            linked.add(action)
    else:
        for other in links.coverage_of(docnum, doc.date):
            out.coverage.append(engine.hit(other, 0.0, frozenset()))
            linked.add(other)
    out.similar = similar(engine, docnum, limit, exclude=linked)
    return out


def similar(engine: Engine, docnum: int, limit: int, exclude: set[int]) -> list:
    """More like this: the documents that best match the document's most distinctive words."""
    doc = engine.document(docnum)
    text = "\n".join([doc.title, *(k.text for k in doc.key_points), doc.body()[:SIMILAR_TEXT_CHARS]])
    terms = engine.searcher.key_terms_from_text("body", text, numterms=SIMILAR_TERMS)
    if not terms:
        return []
    query = Or([Term(field, word, boost=weight * engine.ranker.boosts.get(field, 1.0))
                for word, weight in terms for field in ("title", "body")])
    found = engine.searcher.search(query, limit=limit + len(exclude))
    hits = []
    for hit in found:
        if hit.docnum in exclude:
            continue
        hits.append(engine.hit(hit.docnum, float(hit.score or 0.0), frozenset(w for w, _ in terms)))
        if len(hits) == limit:
            break
    return hits
