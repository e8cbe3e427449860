"""Deadlines in an order's text, with their due date counted from the day it was signed.

"Within 60 days of the date of this order, the Attorney General shall review ..." in an
order signed 2025-04-28 is due 2025-06-27. A period counted from something else ("within
30 days of receiving the report") is a deadline without a date; so is one in business days.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from typing import NamedTuple

from eoreader.ingest.directives import requirements
from eoreader.model import Document, KeyPoint

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50, "sixty": 60,
    "seventy": 70, "seventy-five": 75, "eighty": 80, "ninety": 90, "one hundred twenty": 120,
    "one hundred and twenty": 120, "one hundred fifty": 150, "one hundred eighty": 180,
    "one hundred and eighty": 180, "two hundred seventy": 270, "three hundred sixty-five": 365,
}
_COUNT = "|".join(sorted((re.escape(w) for w in _WORDS), key=len, reverse=True))
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_RELATIVE = re.compile(
    rf"\b(?:within|not\s+later\s+than|no\s+later\s+than)\s+(?:(?P<digits>\d{{1,4}})|(?P<word>{_COUNT})"
    r"(?:\s*\((?P<also>\d{1,4})\))?)[\s-]+(?P<kind>calendar\s+|business\s+)?(?P<unit>day|week|month|year)s?\b"
    r"(?P<anchor>\s+(?:of|after|from|following|before|prior\s+to|preceding|upon|since)\b[^,;:]{0,120})?",
    re.I,
)
_ABSOLUTE = re.compile(
    rf"\b(?i:by|not\s+later\s+than|no\s+later\s+than|on\s+or\s+before)\s+"
    rf"(?P<date>(?:{_MONTHS})\s+\d{{1,2}},\s*\d{{4}})"
)
# "each quadrennial assessment", "every meeting": a period that recurs sets no one deadline.
_RECURRING = re.compile(r"\b(?:each|every)\b", re.I)
# Counted from the order itself: "of the date of this order", "after the issuance of this memorandum".
_FROM_ORDER = re.compile(
    r"^\s*(?:of|after|from|following)\s+(?:the\s+)?(?:(?:effective\s+)?date\s+of\s+(?:the\s+)?"
    r"(?:issuance\s+of\s+|signing\s+of\s+|publication\s+of\s+)?|issuance\s+of\s+|signing\s+of\s+)?"
    r"(?:this|the\s+present)\s+(?:order|memorandum|proclamation|directive|determination|notice)\b",
    re.I,
)


# "The Task Force shall terminate no later than ...": when something ends is no deadline.
_SUNSET = re.compile(r"(?:shall|must)\s+(?:\w+\s+)?(?:terminate|expire|sunset|cease\s+to\s+exist)\b", re.I)


class Deadline(NamedTuple):
    """A deadline phrase: where it is in its sentence and when it falls due (None: unknown)."""

    start: int
    end: int
    due: dt.date | None


def deadlines_in(sentence: str, signed: dt.date | None) -> list[Deadline]:
    """The deadline phrases of one sentence, each with its due date when it can be counted."""
    found = []
    for m in _RELATIVE.finditer(sentence):
        if m["anchor"] and _RECURRING.search(m["anchor"]):
            continue
        count = int(m["digits"] or m["also"] or _WORDS[m["word"].lower()])
        anchored = m["anchor"] is None or _FROM_ORDER.match(m["anchor"])
        exact = not (m["kind"] or "").lower().startswith("business")
        due = add(signed, count, m["unit"].lower()) if signed and anchored and exact else None
        found.append(Deadline(m.start(), m.end(), due))
    for m in _ABSOLUTE.finditer(sentence):
        try:
            due = dt.datetime.strptime(" ".join(m["date"].replace(",", " ").split()), "%B %d %Y").date()
        except ValueError:
            continue
        found.append(Deadline(m.start(), m.end(), due))
    return sorted(found)


def add(date: dt.date, count: int, unit: str) -> dt.date:
    """`date` plus `count` days, weeks, months or years (a month-end day kept in range)."""
    if unit == "day":
        return date + dt.timedelta(days=count)
    if unit == "week":
        return date + dt.timedelta(weeks=count)
    months = count * (12 if unit == "year" else 1)
    year, month = divmod(date.month - 1 + months, 12)
    year, month = date.year + year, month + 1
    return dt.date(year, month, min(date.day, calendar.monthrange(year, month)[1]))


def deadlines(doc: Document) -> list[KeyPoint]:
    """A "deadline" key point for every deadline phrase in a sentence that requires something."""
    points = []
    for req in requirements(doc):
        sentence = req.section.text[req.start:req.end]
        if _SUNSET.match(sentence, req.action):
            continue
        for deadline in deadlines_in(sentence, doc.signed):
            points.append(KeyPoint(text=sentence, type="deadline", section=req.section.anchor,
                                   start=req.start, end=req.end, actor=req.actor, due=deadline.due))
    return points


class Due(NamedTuple):
    """One deadline of one document, as the deadlines listing shows it."""

    doc_id: str
    number: str | None
    title: str
    actor: str
    action: str
    due: dt.date | None
    section: str | None

    def state(self, today: dt.date) -> str:
        """"overdue", "upcoming" or "undated", relative to `today`."""
        if self.due is None:
            return "undated"
        return "overdue" if self.due < today else "upcoming"


_LEAD = re.compile(r"^\s*(?:\([a-zA-Z0-9]{1,4}\)\s*)+")


def action_of(text: str) -> str:
    """What a deadline's sentence requires: the words after its "shall", or the list item."""
    match = re.search(r"\b(?:shall|must)\b\s*,?", text)
    rest = text[match.end():] if match else _LEAD.sub("", text)
    return re.sub(r";\s*(?:and|or)$", "", " ".join(rest.split())).strip(" ,;:")


def due_items(documents: Iterable[Document]) -> list[Due]:
    """Every deadline key point of `documents`, soonest first; undated ones last."""
    items = [
        Due(doc.id, doc.number, doc.title, point.actor, action_of(point.text), point.due, point.section)
        for doc in documents for point in doc.key_points if point.type == "deadline"
    ]
    return sorted(items, key=lambda d: (d.due is None, d.due or dt.date.min, d.doc_id, d.section or ""))


def select(items: Iterable[Due], today: dt.date, until: dt.date | None = None, overdue: bool = False,
           actor: str | None = None) -> list[Due]:
    """The deadlines due from `today` to `until` and/or already `overdue` (all of them when
    neither is asked), of an actor whose name holds `actor` (in any case)."""
    chosen = []
    for item in items:
        wanted = until is None and not overdue
        if item.due is not None:
            wanted |= until is not None and today <= item.due <= until
            wanted |= overdue and item.due < today
        if wanted and (not actor or actor.casefold() in item.actor.casefold()):
            chosen.append(item)
    return chosen
