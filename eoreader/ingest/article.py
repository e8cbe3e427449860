"""Plain-text articles (the seed's format) and plain-text documents.

The seed's first line is `date YYYY-MM-DD KEY POINTS <first key point>`; the other key
points follow one per paragraph, without closing punctuation, until the lead; short
lines without closing punctuation are section headings.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from eoreader.ingest.kinds import detect_kind, president_on
from eoreader.ingest.sections import is_heading, paragraphs, sections_from_paragraphs, title_from
from eoreader.model import Document, KeyPoint, Kind

_FIRST_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+KEY POINTS\s+(.*)$", re.I)
_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*(.*)$", re.I)


def parse(path: Path, text: str, doc_id: str) -> Document:
    """A Document from an article's or a plain document's text."""
    first, _, rest = text.lstrip("\ufeff").partition("\n")
    date, key_texts = None, []
    if match := _FIRST_LINE.match(first):
        date = _iso(match.group(1))
        paras = paragraphs(rest)
        key_texts = [match.group(2).strip()]
        while paras and not paras[0].endswith((".", "!", "?", '."', ".”")) and not (
            is_heading(paras[0]) and len(paras[0].split()) <= 6
        ):
            key_texts.append(paras.pop(0))
    elif match := _DATE_LINE.match(first):
        date = _iso(match.group(1))
        paras = paragraphs(match.group(2) + "\n" + rest)
    else:
        paras = paragraphs(text)
    sections = sections_from_paragraphs(paras)
    kind = Kind.ARTICLE if key_texts else detect_kind(text)
    body_text = next((s.text for s in sections if s.text), "")
    doc = Document(
        id=doc_id,
        kind=kind,
        title=key_texts[0] if key_texts else title_from(body_text or text),
        signed=None if kind is Kind.ARTICLE else date,
        published=date,
        president=president_on(date),
        sources=[str(path)],
        sections=sections,
        key_points=[KeyPoint(text=k, type="summary") for k in key_texts],
    )
    return doc


def _iso(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
