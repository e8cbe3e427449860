"""Links between documents: coverage to its action, orders to the orders that change them."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from whoosh.query import Term

from eoreader.ingest.status import Act, resolve_status
from eoreader.model import Document, Kind, Relation, Status
from eoreader.search import coverage
from eoreader.search.columns import INT_SHIFT, MISSING
from eoreader.search.deadline import NO_DEADLINE, Deadline
from eoreader.search.results import Reference, Referrer

if TYPE_CHECKING:
    from eoreader.search.searcher import Engine

_CHANGES = (Relation.REVOKES, Relation.SUPERSEDES, Relation.AMENDS)


class Links:
    """Links computed on demand and kept for the life of one searcher."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.searcher = engine.searcher
        self._actions: dict[int, int | None] = {}
        self._status: dict[str, tuple[Status, str | None]] = {}

    def action_of(self, docnum: int, deadline: Deadline = NO_DEADLINE) -> int | None:
        """The action (order, memorandum, proclamation) coverage document `docnum` describes;
        None, unless already known, once `deadline` has passed."""
        if docnum not in self._actions:
            if deadline.passed():
                return None
            doc = self.engine.document(docnum)
            found = None
            if doc.kind.value in coverage.COVERAGE_KINDS and doc.date:
                words = coverage.describing_words(doc.title, [k.text for k in doc.key_points])
                found = coverage.find_action(self.engine.docsets, doc.date, words)
            self._actions[docnum] = found
        return self._actions[docnum]

    def coverage_of(self, docnum: int, date: dt.date | None) -> list[int]:
        """The coverage documents linked to action `docnum` (dated `date`)."""
        if date is None:
            return []
        return [c for c in coverage.find_coverage(self.engine.docsets, date) if self.action_of(c) == docnum]

    def referrers(self, number: str, relations: tuple[Relation, ...] = tuple(Relation)) -> list[tuple[int, Relation]]:
        """Documents whose references name order `number`, with how."""
        out = []
        for relation in relations:
            for docnum in sorted(self.searcher.docs_for_query(Term(relation.value, number))):
                out.append((docnum, relation))
        return out

    def status(self, doc: Document) -> tuple[Status, str | None]:
        """Whether order `doc` is in force, and which order changed it ("EO 13062 (1997)")."""
        if doc.kind is not Kind.ORDER or not doc.number:
            return Status.IN_FORCE, None
        if doc.number not in self._status:
            acts = []
            for docnum, relation in self.referrers(doc.number, _CHANGES):
                label, date = self._named(docnum)
                acts.append(Act(label, relation, date))
            found = resolve_status(doc.disposition_notes, acts)
            by = found.by
            if by and by.isdigit():
                by = self._label_number(by)
            self._status[doc.number] = (found.status, by)
        return self._status[doc.number]

    def _label_number(self, number: str) -> str:
        docnum = self.searcher.document_number(number=number)
        if docnum is None:
            return f"EO {number}"
        return self._named(docnum)[0]

    def _named(self, docnum: int) -> tuple[str, dt.date | None]:
        """How a status names document `docnum` ("EO 13062 (1997)"), and its date. Read from
        the columns, or else its stored fields: decoding a whole document (or even its stored
        fields, which hold it) costs up to a few milliseconds, for each hit as the user types."""
        date = self.engine.ranker.date(docnum)
        order = int(self.engine.docsets.column("order")[docnum])
        if order != MISSING["order"]:
            name = f"EO {order - INT_SHIFT}"
        else:
            fields = self.searcher.stored_fields(docnum)
            name = f"EO {fields['number']}" if fields.get("number") else fields.get("title", "")
        return (f"{name} ({date.year})" if date else name), date

    def references(self, doc: Document) -> list[Reference]:
        """The orders `doc` refers to, each with its id when it is indexed."""
        out, seen = [], set()
        for ref in doc.references:
            if (ref.number, ref.relation) in seen or ref.number == doc.number:
                continue
            seen.add((ref.number, ref.relation))
            stored = self.searcher.document(number=ref.number)
            out.append(Reference(ref.number, ref.relation.value, stored["id"] if stored else None))
        return out

    def referenced_by(self, doc: Document) -> list[Referrer]:
        """The documents that refer to order `doc`."""
        if not doc.number:
            return []
        out = []
        for docnum, relation in self.referrers(doc.number):
            other = self.searcher.stored_fields(docnum)  # not the whole document: see _named
            if other["id"] != doc.id:
                out.append(Referrer(other["id"], relation.value, other.get("title", "")))
        return out

