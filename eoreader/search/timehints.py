"""Periods in what users type: "2025-04", "june 2004", "spring 2019", "mid-2007", "in 1996".

dateparser reads dates in words (shared/reference/libraries.md) but fills a missing day or
month with today's, so its result is widened to the period the words name (it reports
which: day, month or year); seasons and parts of a year are a few lines of our own.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from typing import NamedTuple


class Period(NamedTuple):
    start: dt.date
    end: dt.date

    def distance(self, date: dt.date) -> int:
        """Days from `date` to the nearest day of the period (0 inside it)."""
        if date < self.start:
            return (self.start - date).days
        if date > self.end:
            return (date - self.end).days
        return 0

    def widened(self, days: int) -> Period:
        """The period with `days` more on each side."""
        margin = dt.timedelta(days=days)
        return Period(max(dt.date.min, self.start - margin) if self.start > dt.date.min + margin else self.start,
                      self.end + margin if self.end < dt.date.max - margin else self.end)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


class Hint(NamedTuple):
    """A period named in free text, and where its words sit."""

    start: int
    end: int
    period: Period


_YEAR = r"(?:19|20)\d\d"
_MONTHS = "|".join(
    sorted({m.lower() for m in calendar.month_name[1:] + calendar.month_abbr[1:]} | {"sept"}, key=len, reverse=True)
)
# (first month, last month) of the seasons (northern, meteorological) and parts of a year.
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}
_PARTS = {
    "early": (1, 4), "mid": (5, 8), "middle of": (5, 8), "late": (9, 12), "beginning of": (1, 3),
    "start of": (1, 3), "end of": (10, 12), "first half of": (1, 6), "second half of": (7, 12),
    "q1": (1, 3), "q2": (4, 6), "q3": (7, 9), "q4": (10, 12), "first quarter of": (1, 3),
    "second quarter of": (4, 6), "third quarter of": (7, 9), "fourth quarter of": (10, 12),
}
_NAMED = "|".join(re.escape(k) for k in sorted([*_SEASONS, *_PARTS], key=len, reverse=True))
_HINT = re.compile(
    rf"\b(?:(?P<named>{_NAMED})(?:\s+of)?[\s-]*(?P<nyear>{_YEAR})"
    rf"|(?P<month>(?:\d{{1,2}}\s+)?(?:{_MONTHS})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?,?)?(?:\s+of)?\s+{_YEAR})"
    rf"|(?P<iso>{_YEAR}-\d\d(?:-\d\d)?)"
    rf"|(?:(?P<prep>in|during|from|of|since)\s+)?(?P<year>{_YEAR}))\b",
    re.I,
)
_ISO = re.compile(r"^(\d{4})(?:[-/]?(\d{1,2})(?:[-/]?(\d{1,2}))?)?$")


def find(text: str) -> list[Hint]:
    """Every period the free text names, with its span."""
    hints = []
    for match in _HINT.finditer(text):
        period = _period(match)
        if period is not None:
            hints.append(Hint(match.start(), match.end(), period))
    return hints


def _period(match: re.Match[str]) -> Period | None:
    if match["named"]:
        name = " ".join(match["named"].lower().split())
        first, last = _SEASONS.get(name) or _PARTS[name]
        year = int(match["nyear"])
        start_year = year - 1 if first > last else year
        return Period(dt.date(start_year, first, 1), _month_end(year, last))
    if match["month"] or match["iso"]:
        return period_of(match.group())
    return period_of(match["year"])


def period_of(value: str) -> Period | None:
    """The period a date value names: ISO ("2025", "2025-04", "2025-04-28") or words."""
    value = value.strip()
    if match := _ISO.match(value):
        year, month, day = (int(g) if g else None for g in match.groups())
        try:
            if day:
                date = dt.date(year, month, day)  # type: ignore[arg-type]
                return Period(date, date)
            if month:
                return Period(dt.date(year, month, 1), _month_end(year, month))  # type: ignore[arg-type]
            return Period(dt.date(year, 1, 1), dt.date(year, 12, 31))  # type: ignore[arg-type]
        except ValueError:
            return None
    return _in_words(" ".join(value.lower().replace("-", " ").split()))


@lru_cache(maxsize=256)
def _in_words(value: str) -> Period | None:
    from dateparser.date import DateDataParser  # 0.2 s to import: only for dates in words

    data = _parser(DateDataParser).get_date_data(value)
    if data.date_obj is None:
        return None
    date = data.date_obj.date()
    if data.period == "year":
        return Period(dt.date(date.year, 1, 1), dt.date(date.year, 12, 31))
    if data.period == "month":
        return Period(dt.date(date.year, date.month, 1), _month_end(date.year, date.month))
    return Period(date, date)


@lru_cache(maxsize=1)
def _parser(cls: type) -> object:
    return cls(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"]})


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])
