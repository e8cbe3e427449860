"""Closing the gap between the user's words and the documents' with what the index knows.

A rare word of the query ("y2k") and the words the titles of its documents share most
("conversion", "2000") go together: those join the query at a low weight, so documents
that say it in their own words ("Year 2000 Conversion") are found too. Measured on both
query sets (benchmarks/relevance.py): this took queries-hard.tsv from 0.933 to 0.944 and
left queries.tsv at 0.984; feedback from the first pass's top documents (RM3-style) was
tried first and gained nothing (0.933 at weights 0.1 and 0.3, 0.899 at 0.6).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from whoosh.query import Or, Query

from eoreader.search.query import COMMON_SHARE, text_query
from eoreader.search.schema import ANALYZER

if TYPE_CHECKING:
    from eoreader.search.searcher import Engine

# Words in at most this share of documents are rare enough to expand.
RARE_SHARE = 0.03
# Titles read per rare word, and words taken from them.
TITLES = 40
TERMS = 3


def cooccurring_terms(engine: Engine, words: Sequence[str]) -> list[tuple[str, float]]:
    """For each rare query word, the rare words the titles of its documents share most."""
    size = max(engine.reader.doc_count(), 1)
    out: dict[str, float] = {}
    known = set(words)
    for word in dict.fromkeys(words):
        frequency = max(engine.reader.doc_frequency(f, word) for f in ("title", "body"))
        if not 0 < frequency <= RARE_SHARE * size:
            continue
        docnums = sorted(engine.searcher.docs_for_query(text_query(word, {"title": 1.0, "body": 1.0})))
        if len(docnums) > RARE_SHARE * size:
            continue
        counts: Counter[str] = Counter()
        for docnum in docnums[:TITLES]:
            title = str(engine.searcher.stored_fields(docnum).get("title", ""))
            counts.update({t.text for t in ANALYZER(title)} - known)
        scored = []
        for other, held in counts.items():
            docs = max(engine.reader.doc_frequency(f, other) for f in ("title", "body"))
            if held >= 2 and docs < COMMON_SHARE * size:
                scored.append((held / len(docnums) * math.log(size / docs), other))
        for score, other in sorted(scored, reverse=True)[:TERMS]:
            out[other] = max(out.get(other, 0.0), score)
    top = max(out.values(), default=1.0)
    return sorted(((w, s / top) for w, s in out.items()), key=lambda ws: -ws[1])


def expanded(query: Query, terms: list[tuple[str, float]], weight: float, boosts: dict[str, float]) -> Query:
    """`query` with the expansion words added as optional, weighted words."""
    if not terms or weight <= 0:
        return query
    extra = [text_query(w, {f: b * weight * share for f, b in boosts.items()}) for w, share in terms]
    return Or([query, *extra])
