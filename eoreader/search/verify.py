"""Reading an index back: every stored document, and term queries that must find them.

Whoosh has no checksums and a byte flipped inside postings opens fine, so `eoreader
check` reads back what it can: stored documents against the hashes written with them,
and a few words of sampled documents, which their postings must lead back to.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from typing import NamedTuple

from whoosh.query import Query, Term
from whoosh.searching import Searcher

from eoreader.search.schema import ANALYZER, from_stored
from eoreader.search.writer import stored_hash

# Words of each sampled document looked up in the index.
WORDS_PER_FIELD = 2


class StoredDoc(NamedTuple):
    """A document as the index stores it."""

    docnum: int
    id: str
    data: bytes


def stored_documents(searcher: Searcher) -> Iterator[StoredDoc]:
    """Every live document of the index, in index order."""
    for docnum, fields in searcher.reader().iter_docs():
        yield StoredDoc(docnum, fields.get("id", ""), fields.get("data", b""))


def text_hash(doc: StoredDoc) -> str:
    return stored_hash(doc.data)


def unfindable(searcher: Searcher, doc: StoredDoc) -> list[str]:
    """The canned queries for `doc` (its id, words of its title and body) that miss it."""
    document = from_stored(doc.data)
    queries: list[tuple[str, Query]] = [(f"id:{doc.id}", Term("id", doc.id))]
    for field, text in (("title", document.title), ("body", document.body())):
        for word in islice(dict.fromkeys(t.text for t in ANALYZER(text[:2000])), WORDS_PER_FIELD):
            queries.append((f"{field}:{word}", Term(field, word)))
    missed = []
    for label, query in queries:
        if doc.docnum not in set(searcher.docs_for_query(query)):
            missed.append(label)
    return missed
