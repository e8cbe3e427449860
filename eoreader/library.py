"""Library: the one API over an index that the CLI, the TUI, sync and scripts share."""

from __future__ import annotations

import datetime as dt
import os
import re
import threading
from collections.abc import Callable, Iterable
from functools import wraps
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from eoreader import paths
from eoreader.model import Document, Status
from eoreader.recovery import Notify, open_or_rebuild, rebuild_allowed, to_stderr
from eoreader.search import (
    FACETS, TIME_BUDGET_SECONDS, Engine, Filters, Related, Results, from_stored, match_spans, query_terms, related,
)
from eoreader.search.query import order_number

if TYPE_CHECKING:  # ingest is imported by the methods that use it: opening and searching need none of it
    from eoreader.indexing import Progress
    from eoreader.ingest import Summary
    from eoreader.ingest.deadlines import Due


class NotFound(KeyError):
    """No document has that id or order number."""

    def __str__(self) -> str:
        return f"no document {self.args[0]!r} in the index"


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _serialized(method: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run `method` holding the Library's lock: a Whoosh searcher is not safe to share between
    threads (concurrent searches from TUI workers returned corrupt data and raised)."""

    @wraps(method)
    def locked(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with args[0]._lock:  # type: ignore[attr-defined]
            return method(*args, **kwargs)

    return locked


class Library:
    """An index of documents: open it, ingest files into it, search it, read from it."""

    def __init__(self, index_dir: str | os.PathLike[str] | None = None, rebuild: bool | None = None,
                 notify: Notify = to_stderr) -> None:
        """Open (or create) the index; a damaged one is rebuilt from its sources unless
        `rebuild` is False (default: $EOREADER_NO_REBUILD unset), which raises DamagedIndex."""
        self.path = paths.index_dir(index_dir)
        allowed = rebuild_allowed() if rebuild is None else rebuild
        self._lock = threading.RLock()
        self._ix, self._searcher = open_or_rebuild(self.path, allowed, notify)

    @_serialized
    def close(self) -> None:
        self._searcher.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @_serialized
    def refresh(self) -> None:
        """See what other writers committed since this Library was opened."""
        # Searcher.refresh() fails on a searcher opened over an empty index; reopen instead.
        if not self._searcher.up_to_date():
            self._searcher.close()
            self._searcher = self._ix.searcher()

    @_serialized
    def __len__(self) -> int:
        return self._searcher.doc_count()

    @_serialized
    def search(self, query: str = "", limit: int = 10, *, sort: str = "relevance",
               kind: str | None = None, president: str | None = None, year: int | None = None,
               since: dt.date | None = None, until: dt.date | None = None,
               actor: str | None = None, correct: bool = True, budget: float = TIME_BUDGET_SECONDS,
               facets: Iterable[str] = FACETS, stop: Callable[[], bool] | None = None) -> Results:
        """Ranked hits for `query` (the query language is in the README), grouped with their
        coverage, with totals and facets for the whole result set; an empty query lists
        documents newest first. `sort`: relevance, newest, oldest or number. Misspelled
        words are corrected (`Results.corrected`) unless `correct` is False. Phrases are
        matched for at most `budget` seconds; past it the results count the documents
        matched so far and say `partial`, and the next search of the phrase goes on.
        `facets`: the facets to count (all by default). `stop`: called now and then; when
        it returns True the search gives up what it can and answers (flagged partial)."""
        filters = Filters(kind, president, year, since, until, actor)
        return self._engine().search(query, limit=limit, sort=sort, filters=filters, correct=correct,
                                     budget=budget, facets=facets, stop=stop)

    @_serialized
    def status(self, doc: Document) -> tuple[Status, str | None]:
        """Whether order `doc` is in force, and the order that changed it ("EO 13062 (1997)")."""
        return self._engine().links.status(doc)

    @_serialized
    def related(self, doc_id: str, limit: int = 10) -> Related:
        """Documents like `doc_id`, the orders it names and that name it, and its coverage."""
        key = doc_id.strip()
        docnum = self._searcher.document_number(id=key)
        if docnum is None and (number := order_number(key)):
            docnum = self._searcher.document_number(number=number)
        if docnum is None:
            raise NotFound(key)
        return related(self._engine(), docnum, limit)

    def _engine(self) -> Engine:
        """Search over the current searcher; its caches (facets, links) live as long as it."""
        engine: Engine | None = getattr(self, "_search_engine", None)
        if engine is None or engine.searcher is not self._searcher:
            engine = self._search_engine = Engine(self._searcher)
        return engine

    @_serialized
    def terms(self, query: str) -> frozenset[str]:
        """The analysed words of `query`, for `marks()`."""
        return query_terms(query, self._ix.schema)

    @_serialized
    def marks(self, text: str, terms: frozenset[str]) -> list[tuple[int, int]]:
        """Where the words of `text` match `terms` (from `terms()`), as character spans."""
        return match_spans(text, terms)

    @_serialized
    def get(self, id_or_number: str) -> Document:
        """The document with this id, or this order number ("14288", "EO 14288")."""
        key = id_or_number.strip()
        stored = self._searcher.document(id=key)
        if stored is None and (number := order_number(key)):
            stored = self._searcher.document(number=number)
        if stored is None:
            raise NotFound(key)
        return from_stored(stored["data"])

    @_serialized
    def ingest(self, sources: Iterable[str | os.PathLike[str]], prune: bool = False,
               progress: Progress | None = None) -> Summary:
        """Index every file under `sources`; returns what happened to each file.

        Commits in batches: ctrl-c raises `Interrupted` and a failing disk `WriteFailed`,
        each keeping every batch committed before. `progress(read, files, documents)` is
        called after each document written: files read so far, files in all, documents
        written so far.
        """
        from eoreader.indexing import ingest_into

        try:
            return ingest_into(self._ix, self.path, sources, prune=prune, progress=progress)
        finally:
            self.refresh()

    @_serialized
    def stats(self) -> dict[str, object]:
        return {"index": str(self.path), "documents": len(self)}

    @_serialized
    def has(self, doc_id: str) -> bool:
        return self._searcher.document_number(id=doc_id) is not None

    @_serialized
    def deadlines(self) -> list[Due]:
        """Every deadline of every document in the index, soonest first, undated ones last."""
        from eoreader.ingest.deadlines import due_items

        return due_items(from_stored(fields["data"]) for fields in self._searcher.all_stored_fields())

    @_serialized
    def resolve(self, id_or_number: str) -> str | None:
        """The id of the document with this id or order number; None when it is not indexed."""
        key = id_or_number.strip()
        if self.has(key):
            return key
        number = order_number(key)
        found = self._searcher.document_number(number=number) if number else None
        return None if found is None else str(self._searcher.stored_fields(found)["id"])

    def mentions(self, text: str) -> list[tuple[int, int, str]]:
        """Where `text` names executive orders, as (start, end, order number): for links."""
        from eoreader.ingest.mentions import order_mentions

        spans = []
        for mention in order_mentions(text):
            digits = _DIGITS.search(text, mention.start, mention.end)
            spans.append((mention.start, digits.end() if digits else mention.end, mention.number))
        return spans


# The number of a mention, which ends its link ("Executive Order 13,062" included).
_DIGITS = re.compile(r"\d{1,2},\d{3}|\d{4,5}")
