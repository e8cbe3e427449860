"""What free text says besides its subject: a period, a kind of document, a president.

"summer 1996 order", "biden memo on ...", "fact sheet on ...": each hint favours documents
that fit it, by a factor, and never excludes the rest (the user may remember wrong).
Period words leave the text query (they name a date, not a subject); kind and president
words stay in it, since titles and bodies use them too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from eoreader.model import Kind
from eoreader.search.passages import stem_of
from eoreader.search.syntax import Word
from eoreader.search.timehints import Period, find

# Words that name a kind of document, as index words (stems), longest first.
KIND_WORDS: list[tuple[tuple[str, ...], Kind]] = [
    (("execut", "order"), Kind.ORDER), (("fact", "sheet"), Kind.FACT_SHEET),
    (("order",), Kind.ORDER), (("memo",), Kind.MEMORANDUM), (("memorandum",), Kind.MEMORANDUM),
    (("proclam",), Kind.PROCLAMATION), (("summari",), Kind.FACT_SHEET),
    (("articl",), Kind.ARTICLE), (("news",), Kind.ARTICLE), (("notic",), Kind.NOTICE),
]
SUMMARY_KINDS = frozenset({Kind.FACT_SHEET.value, Kind.ARTICLE.value})


@dataclass
class Hints:
    """The hints found in one query."""

    periods: list[Period] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)
    presidents: set[str] = field(default_factory=set)
    # Start offsets of the words that only named a period.
    spent: set[int] = field(default_factory=set)

    @property
    def wants_summary(self) -> bool:
        """The query asks for coverage ("fact sheet on ...", "summary of ...")."""
        return bool(self.kinds & SUMMARY_KINDS)

    def period_distance(self, date: dt.date | None) -> int | None:
        """Days from `date` to the nearest period named (None without periods or date)."""
        if not self.periods or date is None:
            return None
        return min(p.distance(date) for p in self.periods)


def find_hints(text: str, words: Iterable[Word], presidents: frozenset[str]) -> Hints:
    """The hints among the free `words` of `text` (the query as typed)."""
    words = sorted(words, key=lambda w: w.start)
    starts = {w.start for w in words}
    hints = Hints()
    for hint in find(text):
        inside = [w for w in words if hint.start <= w.start < hint.end]
        # A period counts only when its words are all free words (not in a field or phrase).
        covered = sum(len(w.text) for w in inside)
        letters = len(text[hint.start:hint.end].replace(" ", ""))
        if inside and hint.start in starts and covered >= letters - 2:
            hints.periods.append(hint.period)
            hints.spent.update(w.start for w in inside)
    stems = [stem_of(w.text.lower()) for w in words]
    i = 0
    while i < len(stems):
        for names, kind in KIND_WORDS:
            if tuple(stems[i:i + len(names)]) == names:
                hints.kinds.add(kind.value)
                i += len(names) - 1
                break
        i += 1
    hints.presidents = {w.text.lower() for w in words if w.text.lower() in presidents}
    return hints
