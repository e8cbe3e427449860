"""Reranking BM25F's candidates by the query's hints, and grouping coverage under its action.

Each hint multiplies the score of the documents that fit it, so a wrong hint reorders
without excluding. Factors were tuned with benchmarks/relevance.py --tune.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from eoreader.search.coverage import COVERAGE_KINDS
from eoreader.search.columns import MISSING
from eoreader.search.deadline import NO_DEADLINE, Deadline
from eoreader.search.docsets import to_mask
from eoreader.search.features import Fit, fits
from eoreader.search.hints import Hints
from eoreader.search.query import FIELD_BOOSTS

if TYPE_CHECKING:
    from eoreader.search.searcher import Engine


@dataclass
class Weights:
    """Every tunable number of the ranking in one place."""

    boosts: dict[str, float] = field(default_factory=lambda: dict(FIELD_BOOSTS))
    # A document inside a named period scores this much more; near it, part of that.
    period: float = 2.0
    # Margin around a period, as a share of its length (at least MIN_MARGIN_DAYS).
    margin: float = 0.5
    kind: float = 0.3
    president: float = 0.3
    # Share of the query's (rarity-weighted) words a document holds, and of its neighbouring
    # pairs found side by side.
    coverage: float = 8.0
    proximity: float = 0.0
    # Weight of the words that co-occur with the query's rare words (expansion.py).
    expansion: float = 0.2


MIN_MARGIN_DAYS = 30
# Coverage among the first LINKED x limit candidates is linked to its action.
LINKED = 3
_MAX_MICROS = int((dt.datetime.max - dt.datetime.min).total_seconds()) * 1_000_000
WEIGHTS = Weights()


class Ranker:
    """Reranks and sorts documents of one engine."""

    def __init__(self, engine: Engine, weights: Weights = WEIGHTS) -> None:
        self.engine = engine
        self.weights = weights
        reader = engine.reader
        self._kind = reader.column_reader("kind") if reader.has_column("kind") else None
        self._president = reader.column_reader("president") if reader.has_column("president") else None

    @property
    def boosts(self) -> dict[str, float]:
        return self.weights.boosts

    def date(self, docnum: int) -> dt.date | None:
        # Raw microseconds: Whoosh's translation overflows on the default of undated documents.
        value = int(self.engine.docsets.column("date")[docnum])
        if not 0 < value < _MAX_MICROS:
            return None
        return (dt.datetime.min + dt.timedelta(microseconds=value)).date()

    def kind(self, docnum: int) -> str:
        return _text(self._kind[docnum]) if self._kind is not None else ""

    def president(self, docnum: int) -> str:
        return _text(self._president[docnum]) if self._president is not None else ""

    def factor(self, docnum: int, hints: Hints, fit: Fit | None = None) -> float:
        """How much the hints and the fit of the query's words favour document `docnum`."""
        w = self.weights
        factor = 1.0
        if fit is not None:
            factor *= (1.0 + w.coverage * fit.coverage) * (1.0 + w.proximity * fit.proximity)
        if hints.periods and (date := self.date(docnum)) is not None:
            closeness = max(
                (1.0 - p.distance(date) / max(MIN_MARGIN_DAYS, w.margin * p.days)) for p in hints.periods
            )
            factor *= 1.0 + w.period * max(0.0, closeness)
        if hints.kinds and self.kind(docnum) in hints.kinds:
            factor *= 1.0 + w.kind
        if hints.presidents and self.president(docnum) in hints.presidents:
            factor *= 1.0 + w.president
        return factor

    def reorder(self, ranked: list[tuple[int, float]], hints: Hints, words: list[str]) -> list[tuple[int, float]]:
        """The candidates by their scores times the factors of hints and fit, best first."""
        found = fits(self.engine.postings, [d for d, _ in ranked], words, self.weights.proximity > 0) if words else {}
        return sorted(((d, s * self.factor(d, hints, found.get(d))) for d, s in ranked), key=lambda ds: -ds[1])

    def rerank(self, ranked: list[tuple[int, float]], hints: Hints, limit: int,
               words: list[str], docs: int = -1, deadline: Deadline = NO_DEADLINE) -> list[list[tuple[int, float]]]:
        """The best `limit` groups: each an action first, then coverage of it found here.
        Coverage joins its action only when the action is in the result set `docs`."""
        scored = self.reorder(ranked, hints, words)
        if hints.wants_summary:
            return [[ds] for ds in scored[:limit]]
        # Groups in order of their best member; coverage joins the action it describes.
        groups: dict[int, dict[int, float]] = {}
        for rank, (docnum, score) in enumerate(scored):
            lead = docnum
            # Linking costs a look at the actions of the weeks before: only coverage that can
            # lead or join the groups shown is linked.
            if rank < LINKED * limit and self.kind(docnum) in COVERAGE_KINDS:
                # A first link reads its words' postings (a few ms at 100,000 documents, then
                # kept): coverage within the page always, below it while the search has time.
                action = self.engine.links.action_of(docnum, NO_DEADLINE if rank < limit else deadline)
                if action is not None and docs >> action & 1:
                    lead = action
            members_ = groups.setdefault(lead, {lead: score})
            members_.setdefault(docnum, score)
        out = []
        for lead, members_ in list(groups.items())[:limit]:
            best = max(members_.values())
            out.append([(lead, best)] + [(d, s) for d, s in members_.items() if d != lead])
        return out

    def sorted(self, docs: int, order: str, limit: int | None = None) -> list[int]:
        """The first `limit` documents of `docs` by date (newest or oldest first, undated
        last) or by order number (numberless last); ties in index order."""
        docsets = self.engine.docsets
        ids = np.flatnonzero(to_mask(docs, docsets.size))
        if order == "number":
            key = docsets.column("order")[ids]  # the missing value is the largest
        else:
            dates = docsets.column("date")[ids]
            missing = np.uint64(MISSING["date"])
            key = dates if order == "oldest" else np.where(dates == missing, missing, missing - 1 - dates)
        ranked = ids[np.lexsort((ids, key))]
        return ranked[:limit].tolist()


def _text(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode()
    return str(value or "")
