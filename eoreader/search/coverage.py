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

from whoosh.query import And, DateRange, Or, Query, Term

from eoreader.model import Kind
from eoreader.search.docsets import DocSets, members
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
    """The index words of a coverage document's title and key points, once each."""
    text = "\n".join([title, *keypoints])
    return list(dict.fromkeys(t.text for t in ANALYZER(text)))[:MAX_WORDS]


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
    reader = docsets.reader
    total = max(reader.doc_count_all() - 1, 1)
    out = {}
    for word in words:
        docs = max(reader.doc_frequency("title", word), reader.doc_frequency("body", word)) - 1
        if docs > 0:
            out[word] = math.log(1 + total / docs)
    return out


def shares(docsets: DocSets, near: int, weighted: dict[str, float]) -> dict[int, float]:
    """For each document of bitmap `near`, the share of `weighted`'s weight its title or body
    holds (common words taken as held)."""
    total = sum(weighted.values()) or 1.0
    assumed = sum(w for w in weighted.values() if w < _ASSUMED_BELOW)
    held = dict.fromkeys(members(near), assumed)
    for word, weight in weighted.items():
        if weight < _ASSUMED_BELOW:
            continue
        key = word.encode()
        for docnum in members(near & (docsets.term("title", key) | docsets.term("body", key))):
            held[docnum] += weight
    return {d: h / total for d, h in held.items()}


def find_action(docsets: DocSets, date: dt.date, words: list[str]) -> int | None:
    """The document number of the action that coverage dated `date` with `words` describes."""
    weighted = dict(sorted(weights(docsets, words).items(), key=lambda wv: -wv[1])[:RAREST_WORDS])
    if not weighted:
        return None
    near = docsets.of(And([of_kinds(ACTION_KINDS), window(date, DAYS_AFTER_ACTION, DAYS_BEFORE_ACTION)]))
    ranked = sorted(shares(docsets, near, weighted).items(), key=lambda ds: (-ds[1], ds[0]))
    if not ranked or ranked[0][1] < MIN_SHARE:
        return None
    if len(ranked) > 1 and ranked[0][1] < MIN_LEAD * ranked[1][1]:
        return None
    return ranked[0][0]


def find_coverage(docsets: DocSets, date: dt.date) -> list[int]:
    """Coverage documents dated near an action of `date`: candidates to link back to it."""
    return members(docsets.of(And([of_kinds(COVERAGE_KINDS), window(date, DAYS_BEFORE_ACTION, DAYS_AFTER_ACTION)])))
