"""Deadline phrases and their due dates, counted from the signing date."""

from __future__ import annotations

import datetime as dt

import pytest

from eoreader.ingest.deadlines import add, deadlines, deadlines_in
from eoreader.model import Document, Kind, Section

SIGNED = dt.date(2025, 4, 28)


@pytest.mark.parametrize(("sentence", "due"), [
    ("Within 60 days of the date of this order, the Attorney General shall review.", dt.date(2025, 6, 27)),
    ("The Secretary shall, not later than 90 days after the date of this order, submit a plan.", dt.date(2025, 7, 27)),
    ("The Director shall issue guidance by March 1, 2026.", dt.date(2026, 3, 1)),
    ("Within 1 year of the date of this order, the Secretary shall report.", dt.date(2026, 4, 28)),
    ("Within one year of the date of this memorandum, the Secretary shall report.", dt.date(2026, 4, 28)),
    ("Within sixty (60) days, the Secretary shall report.", dt.date(2025, 6, 27)),
    ("Within 6 months of the date of this order, the Secretary shall report.", dt.date(2025, 10, 28)),
    ("No later than 45 days from the date of this order, the NSA shall recommend.", dt.date(2025, 6, 12)),
    ("The Secretary shall submit the report within 30 days.", dt.date(2025, 5, 28)),
    # Counted from another event, or in business days: a deadline without a date.
    ("Within 30 days of receiving the report, the Secretary shall act.", None),
    ("Within 10 business days of the date of this order, the Secretary shall act.", None),
])
def test_one_deadline_and_its_due_date(sentence: str, due: dt.date | None) -> None:
    found = deadlines_in(sentence, SIGNED)
    assert [d.due for d in found] == [due]
    assert sentence[found[0].start:found[0].end].split()[0].lower() in ("within", "not", "no", "by")


def test_no_deadline_without_a_period_or_date() -> None:
    assert deadlines_in("Executive Order 14159 of January 20, 2025, is amended.", SIGNED) == []
    assert deadlines_in("The Secretary shall act within the past year.", SIGNED) == []
    assert deadlines_in("Within 60 days of the date of this order, the Attorney General shall review.", None)[0].due is None


def test_months_and_years_keep_the_day_in_range() -> None:
    assert add(dt.date(2025, 1, 31), 1, "month") == dt.date(2025, 2, 28)
    assert add(dt.date(2024, 2, 29), 1, "year") == dt.date(2025, 2, 28)
    assert add(dt.date(2025, 4, 28), 2, "week") == dt.date(2025, 5, 12)


def test_only_sentences_that_require_something_have_deadlines() -> None:
    doc = Document(id="x", kind=Kind.ORDER, signed=SIGNED, sections=[
        Section("1", text="This order is effective within 30 days of the date of this order."),
        Section("2", text="(a) The Secretary of Labor shall:", subsections=[
            Section("2.a.i", text="(i) within 90 days of the date of this order, issue guidance; and"),
        ]),
    ])
    assert [(k.section, k.actor, k.due) for k in deadlines(doc)] == [
        ("2.a.i", "the Secretary of Labor", dt.date(2025, 7, 27)),
    ]
