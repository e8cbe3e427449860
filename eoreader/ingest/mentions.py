"""Executive order numbers named in a sentence, grouped into the lists they stand in.

"Executive Orders 13985 of January 20, 2021 (...), 14035, and 14091" is one list of three;
"Executive Order 12964, as amended by Executive Orders 12987 and 13032" names 12964, then a
second list that is only named through it (`indirect`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

_NUMBER = r"\d{1,2},\d{3}|\d{4,5}"
_MENTION = re.compile(
    r"(?<![\w.])(?P<prefix>(?i:executive\s+orders?)|Exec\.\s+Orders?|E\.\s?O\.s?|EOs?)"
    r"(?:\s*\((?:E\.O\.|EO)\))?(?:\s+(?:Nos?\.|Numbers?|numbers?))?\s+"
    rf"(?P<number>{_NUMBER})(?![\d,]\d)"
)
# What follows an order's number before the sentence goes on: its date, its title, "as amended".
_DATE_AND_TITLE = re.compile(
    r"(?:\s+of\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})?(?:,?\s*\((?:[^()]|\([^()]*\))*\))?"
    r"(?:,?\s+as\s+amended\b(?!\s+by))?"
)
# A bare number continuing a list: "13985 ..., 14035, and 14091"; five digits unless the
# list began with a plural ("Executive Orders 9066 and 9102").
_LIST_TAIL = re.compile(r"\s*(?:,|;|\band\b|\bor\b|\bthrough\b)\s*(?:,\s*)?(?:and\s+|or\s+)?(?P<number>\d{4,5})(?![\d,]\d)")
# Between two orders of one list: a comma, "and", "section 3 of".
_GAP = re.compile(
    r"\s*[,;]?\s*(?:and\s+|or\s+)?(?:(?:that\s+part\s+of\s+)?(?:sections?|subsections?|paragraphs?)"
    r"\s+[\w().,\s-]{1,40}?\s+of\s+)?",
    re.I,
)
# An order named as the source of something ("as amended by", "established under") is only
# mentioned: the change falls on the order it amended or established.
_BY = re.compile(
    r"(?:\b(?:by|under|pursuant\s+to|in\s+accordance\s+with|through|see)"
    r"|\b(?:which|that|who)\s+(?:(?:has|have|had|was|were|is|are)\s+(?:been\s+)?)?\w+ed)\s+"
    r"(?:(?:section|sections|subsection|part|parts)\s+[\w().,\s-]{1,30}?\s+of\s+)?$",
    re.I,
)
# "Sections 1 through 4 of Executive Order 13062": a change to part of an order amends it.
_PART = re.compile(
    r"\b(?:sections?|subsections?|parts?|paragraphs?|annex|portion|provisions?|sentence)\b"
    r"[^.;]{0,60}?\b(?:of|to)\s+$",
    re.I,
)
# The Manual for Courts-Martial lives in an order: amendments to it amend that order.
_PRESCRIBED = re.compile(r"\bamendments?\s+to\s+the\s+[^.;]{3,100}?\bprescribed\s+by\s+$", re.I)


class Mention(NamedTuple):
    """One order number in a sentence and how it is named there."""

    number: str
    start: int
    # Where its number, date and title end: "13602 of March 15, 2012 (Establishing ...)".
    end: int
    # Which list of the sentence it belongs to.
    group: int
    # Named through another order: only mentioned.
    indirect: bool
    # Named as the home of the part that changes ("Section 2 of Executive Order ...").
    part: bool
    # Named as the order that prescribed what is amended ("the Manual ... prescribed by").
    prescribed: bool


def order_mentions(sentence: str) -> list[Mention]:
    """Every executive order number in `sentence`, lists included, in order."""
    found: list[Mention] = []
    for match in _MENTION.finditer(sentence):
        if found and match.start() < found[-1].end:
            # Inside the title of the order before: "(Amending Executive Order 13261 ...)".
            found.append(found[-1]._replace(number=_plain(match["number"]), start=match.start(),
                                            indirect=True, part=False, prescribed=False))
            continue
        before = sentence[max(0, match.start() - 160):match.start()]
        joined = bool(found) and _GAP.fullmatch(sentence, found[-1].end, match.start()) is not None
        group = found[-1].group if joined else (found[-1].group + 1 if found else 0)
        indirect = bool(_BY.search(before[-60:])) or (joined and found[-1].indirect)
        flags = (indirect, bool(_PART.search(before[-80:])), bool(_PRESCRIBED.search(before)))
        found.append(Mention(_plain(match["number"]), match.start(), _tail(sentence, match.end()),
                             group, *flags))
        plural = match["prefix"].lower().endswith(("orders", "s.")) or "nos" in match.group().lower()
        while (more := _LIST_TAIL.match(sentence, found[-1].end)) and (plural or len(more["number"]) == 5):
            found.append(found[-1]._replace(number=more["number"], start=more.start("number"),
                                            end=_tail(sentence, more.end())))
    return found


def _tail(sentence: str, end: int) -> int:
    match = _DATE_AND_TITLE.match(sentence, end)
    return match.end() if match else end


def _plain(number: str) -> str:
    return number.replace(",", "")
