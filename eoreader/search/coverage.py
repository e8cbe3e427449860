"""Coverage and the action it covers: a fact sheet or article linked to its order.

Nothing in a fact sheet or news article names the order's number, so the link is found
the way a reader would: an order, memorandum or proclamation signed within days of the
coverage that holds most of its distinctive words (weighted by rarity) from its title
and key points, clearly more than any other action of those days.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable

import numpy as np
from whoosh.query import And, DateRange, Or, Query, Term

from eoreader.model import Kind
from eoreader.search.docsets import DocSets, members, to_mask
from eoreader.search.schema import ANALYZER

# Letters to Congress that transmit an order are grouped under it as well.
COVERAGE_KINDS = frozenset({Kind.FACT_SHEET.value, Kind.ARTICLE.value, Kind.MESSAGE.value})
ACTION_KINDS = (Kind.ORDER.value, Kind.MEMORANDUM.value, Kind.PROCLAMATION.value)
# A fact sheet can come out a few days before the action is dated; articles follow for weeks.
DAYS_BEFORE_ACTION, DAYS_AFTER_ACTION = 3, 21
# Share of the coverage's weighted words the action must hold, and its lead over the next.
MIN_SHARE = 0.45
MIN_LEAD = 1.15
MAX_WORDS = 40
# The rarest of them decide (the cost grows with words x actions of those weeks).
RAREST_WORDS = 16
# Words in more than this share of documents count as held by every action of the weeks:
# their postings would cost thousands of documents each to read, and they hardly tell
# one action from another.
ASSUMED_SHARE = 0.05
_ASSUMED_BELOW = math.log(1 + 1 / ASSUMED_SHARE)


def describing_words(title: str, keypoints: Iterable[str]) -> list[str]:
    """The first MAX_WORDS index words of a coverage document's title and key points, once
    each (analysed only that far: key points run to thousands of words)."""
    words: dict[str, None] = {}
    for token in ANALYZER("\n".join([title, *keypoints])):
        words.setdefault(token.text)
        if len(words) == MAX_WORDS:
            break
    return list(words)


def window(date: dt.date, before: int, after: int) -> Query:
    """Documents dated from `before` days before `date` to `after` days after it."""
    start = dt.datetime.combine(date - dt.timedelta(days=before), dt.time.min)
    end = dt.datetime.combine(date + dt.timedelta(days=after), dt.time.max)
    return DateRange("date", start, end)


def of_kinds(kinds: Iterable[str]) -> Query:
    return Or([Term("kind", k) for k in kinds])


def weights(docsets: DocSets, words: Iterable[str]) -> dict[str, float]:
    """Each word's rarity (an idf) among the other documents (the words come from one);
    words no other document holds are left out."""
    total = max(docsets.size - 1, 1)
    out = {}
    for word in words:
        docs = max(docsets.frequency("title", word), docsets.frequency("body", word)) - 1
        if docs > 0:
            out[word] = math.log(1 + total / docs)
    return out


def shares(docsets: DocSets, near: int, weighted: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
    """The documents of bitmap `near`, and the share of `weighted`'s weight the title or body
    of each holds (common words taken as held)."""
    ids = np.flatnonzero(to_mask(near, docsets.size))
    total = sum(weighted.values()) or 1.0
    held = np.full(len(ids), sum(w for w in weighted.values() if w < _ASSUMED_BELOW), np.float64)
    for word, weight in weighted.items():
        if weight >= _ASSUMED_BELOW:
            key = word.encode()
            holders = docsets.term("title", key) | docsets.term("body", key)
            held += weight * to_mask(holders, docsets.size)[ids]
    return ids, held / total


def find_action(docsets: DocSets, date: dt.date, words: list[str]) -> int | None:
    """The document number of the action that coverage dated `date` with `words` describes."""
    weighted = dict(sorted(weights(docsets, words).items(), key=lambda wv: -wv[1])[:RAREST_WORDS])
    if not weighted:
        return None
    near = docsets.of(And([of_kinds(ACTION_KINDS), window(date, DAYS_AFTER_ACTION, DAYS_BEFORE_ACTION)]))
    ids, held = shares(docsets, near, weighted)
    if not len(ids):
        return None
    best, *runner_up = np.argsort(-held, kind="stable")[:2]  # ties: the first in the index
    if held[best] < MIN_SHARE or (runner_up and held[best] < MIN_LEAD * held[runner_up[0]]):
        return None
    return int(ids[best])


def find_coverage(docsets: DocSets, date: dt.date) -> list[int]:
    """Coverage documents dated near an action of `date`: candidates to link back to it."""
    return members(docsets.of(And([of_kinds(COVERAGE_KINDS), window(date, DAYS_BEFORE_ACTION, DAYS_AFTER_ACTION)])))
