"""What kind of document a text is, and who signed it, when no metadata says."""

from __future__ import annotations

import datetime as dt
import re

from eoreader.model import Kind

# Checked in order: the first pattern found in the opening of the text decides.
_KIND_PATTERNS: list[tuple[Kind, re.Pattern[str]]] = [
    (Kind.FACT_SHEET, re.compile(r"^\s*fact sheet\b", re.I)),
    (Kind.ORDER, re.compile(r"it is hereby ordered|^\s*executive order\b", re.I | re.M)),
    (Kind.PROCLAMATION, re.compile(r"do hereby proclaim|\bproclamation\b", re.I)),
    (Kind.MEMORANDUM, re.compile(r"memorandum for\b", re.I)),
    (Kind.NOMINATION, re.compile(r"nominations? (?:and withdrawals? )?sent to the senate", re.I)),
    (Kind.NOTICE, re.compile(r"^\s*notice\b|\bnotice on the continuation\b", re.I | re.M)),
    (Kind.MESSAGE, re.compile(r"^\s*(?:to the congress|letter to)\b", re.I | re.M)),
]


def detect_kind(text: str, default: Kind = Kind.OTHER) -> Kind:
    """The kind that the opening of `text` declares, else `default`."""
    head = text[:3000]
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(head):
            return kind
    return default


# Inauguration days: a date's president is the last one inaugurated on or before it.
_TERMS = [
    (dt.date(1993, 1, 20), "Clinton"),
    (dt.date(2001, 1, 20), "Bush"),
    (dt.date(2009, 1, 20), "Obama"),
    (dt.date(2017, 1, 20), "Trump"),
    (dt.date(2021, 1, 20), "Biden"),
    (dt.date(2025, 1, 20), "Trump"),
]


def president_on(date: dt.date | None) -> str | None:
    """The president in office on `date` (from 1993), or None."""
    if date is None or date < _TERMS[0][0]:
        return None
    return [name for start, name in _TERMS if start <= date][-1]
