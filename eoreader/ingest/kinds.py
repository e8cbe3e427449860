"""What kind of document a text is, and who signed it, when no metadata says."""

from __future__ import annotations

import datetime as dt
import re

from eoreader.model import Kind

# How a title or file name names its kind ("A Proclamation on ...", "memorandum-on-...");
# checked in order, the first that matches the start decides.
_TITLE_KINDS: list[tuple[Kind, re.Pattern[str]]] = [
    (Kind.FACT_SHEET, re.compile(r"^fact[\s-]sheet\b", re.I)),
    (Kind.ORDER, re.compile(r"^(?:an?\s+)?executive[\s-]order\b", re.I)),
    (Kind.PROCLAMATION, re.compile(r"^(?:an?\s+)?proclamation\b", re.I)),
    (Kind.MEMORANDUM, re.compile(r"^(?:an?\s+)?(?:national[\s-]security[\s-]|presidential[\s-])?memorandum\b", re.I)),
    (Kind.NOTICE, re.compile(r"^(?:an?\s+)?notice[\s-](?:on|of|to|regarding)\b", re.I)),
    (Kind.MESSAGE, re.compile(r"^(?:an?\s+)?(?:message|letters?)[\s-](?:to|on|from|regarding)\b", re.I)),
    (Kind.NOMINATION, re.compile(r"^nominations?\b[\s\w-]*\b(?:sent|transmitted)\b", re.I)),
    # Announcements, disaster declarations, readouts and bill signings are no presidential act.
    (Kind.OTHER, re.compile(
        r"^(?:press[\s-]release|readout|bills?[\s-]signed|statement|remarks|executive[\s-]grant|presidential[\s-]permit"
        r"|president[\s\w.,-]{0,40}?\b(?:announces|approves|amends|names|declares\s+disaster))\b", re.I)),
]

# How a text declares its kind in its opening, strongest first.
_TEXT_KINDS: list[tuple[Kind, re.Pattern[str]]] = [
    (Kind.FACT_SHEET, re.compile(r"^\s*fact sheet\b", re.I)),
    (Kind.MEMORANDUM, re.compile(r"^\s*(?:national security )?memorandum for\b", re.I | re.M)),
    (Kind.PROCLAMATION, re.compile(r"(?:do|i) hereby proclaim|^\s*a proclamation\b", re.I | re.M)),
    (Kind.ORDER, re.compile(
        r"it is hereby ordered|i hereby (?:determine and )?order\b|hereby order(?:ed)?:|^\s*executive order\b",
        re.I | re.M)),
    (Kind.MEMORANDUM, re.compile(r"memorandum for\b", re.I)),
    (Kind.NOMINATION, re.compile(r"nominations? (?:and withdrawals? )?sent to the senate", re.I)),
    (Kind.NOTICE, re.compile(r"^\s*notice\b|\bnotice on the continuation\b|\bthis notice shall be published\b",
                             re.I | re.M)),
    (Kind.MESSAGE, re.compile(r"^\s*(?:to the (?:congress|senate|house)|letter to|dear (?:mr|madam|madame)\b)",
                              re.I | re.M)),
    (Kind.PROCLAMATION, re.compile(r"\bproclamation\b|^\s*in witness whereof\b", re.I | re.M)),
]
_WITNESS = re.compile(r"^\s*in witness whereof\b", re.I | re.M)
# Findings can run long before "I hereby order:": past the opening, only these decide.
_DECISIVE = _TEXT_KINDS[2:4]


def kind_from_title(title: str) -> Kind | None:
    """The kind a title or file name starts by naming, else None."""
    # File names carry a date first: "2025-01-03-executive-order-on-...".
    title = re.sub(r"^\d{4}-\d{2}-\d{2}-", "", title.strip())
    # "Press Release: Notice on the Continuation ..." is the notice.
    title = re.sub(r"^press[\s-]release[:\s-]+(?=\w)", "", title, flags=re.I)
    return next((kind for kind, pattern in _TITLE_KINDS if pattern.search(title)), None)


def detect_kind(text: str, default: Kind = Kind.OTHER) -> Kind:
    """The kind that the opening of `text` declares, else the rest of it, else `default`."""
    # A proclamation may "hereby order" flags to half-staff; only it is signed "IN WITNESS WHEREOF".
    if _WITNESS.search(text) and not _TEXT_KINDS[1][1].search(text[:3000]):
        return Kind.PROCLAMATION
    for patterns, part in ((_TEXT_KINDS, text[:3000]), (_DECISIVE, text)):
        for kind, pattern in patterns:
            if pattern.search(part):
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
_SIGNERS = re.compile(r"\b(CLINTON|BUSH|OBAMA|TRUMP|BIDEN)\b", re.I)


def president_on(date: dt.date | None) -> str | None:
    """The president in office on `date` (from 1993), or None."""
    if date is None or date < _TERMS[0][0]:
        return None
    return [name for start, name in _TERMS if start <= date][-1]


def president_signing(signature: str) -> str | None:
    """The president a signature names ("JOSEPH R. BIDEN JR." -> "Biden"), else None."""
    match = _SIGNERS.search(signature)
    return match.group(1).title() if match else None
