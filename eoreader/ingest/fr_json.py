"""Federal Register API JSON (`/api/v1/documents/<number>.json`): metadata, no body text.

Its number, title, dates, citation and notes are the authority for an order: merge.py
prefers them to anything a text format guessed.
"""

from __future__ import annotations

import json
import re
from typing import Any

from eoreader.ingest.decode import Rejected
from eoreader.ingest.presidential import Found, parse_date, to_document
from eoreader.ingest.source import Source
from eoreader.model import Document, Kind

_SUBTYPES = {
    "executive order": Kind.ORDER,
    "proclamation": Kind.PROCLAMATION,
    "memorandum": Kind.MEMORANDUM,
    "determination": Kind.MEMORANDUM,
    "notice": Kind.NOTICE,
}
# Notes come as one string: entries split by newlines or ";;", continued with " ; ".
_NOTE_BREAK = re.compile(r"\s*(?:\n|;;)\s*;?\s*")


def parse(source: Source) -> Document:
    """A metadata-only Document from a Federal Register API document."""
    try:
        data = json.loads(source.text())
    except json.JSONDecodeError as exc:
        raise Rejected(f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    if not isinstance(data, dict) or not ("document_number" in data and "title" in data):
        # A .json eoreader cannot read is rejected with its reason (issue 9), not skipped in silence.
        raise Rejected("JSON of the wrong shape: not a Federal Register API document")
    subtype = _text(data.get("subtype")).lower()
    kind = _SUBTYPES.get(subtype) or (Kind.ORDER if data.get("executive_order_number") else None)
    found = Found(
        kind=kind,
        number=_number(data),
        title=_text(data.get("title")),
        signed=parse_date(_text(data.get("signing_date"))),
        published=parse_date(_text(data.get("publication_date"))),
        citation=_text(data.get("citation")) or None,
        document_number=_text(data.get("document_number")) or None,
        url=_text(data.get("html_url")) or None,
        agencies=[_text(a.get("name") or a.get("raw_name")) for a in _list(data.get("agencies")) if _is_dict(a)],
        notes=split_notes(_text(data.get("disposition_notes")), _text(data.get("executive_order_notes"))),
        summary=_text(data.get("abstract")),
    )
    return to_document(found, source.path, source.doc_id)


def split_notes(*texts: str) -> list[str]:
    """One note per entry ("Amended by: EO 13009, June 14, 1996"), each once."""
    notes: list[str] = []
    for text in texts:
        for note in _NOTE_BREAK.split(text):
            note = " ".join(note.split()).strip(" ;")
            if note and note not in notes:
                notes.append(note)
    return notes


def _number(data: dict[str, Any]) -> str | None:
    """The order number; the API leaves a few empty (then the file's name gives it)."""
    for key in ("executive_order_number", "presidential_document_number", "proclamation_number"):
        if value := _text(data.get(key)):
            return value
    return None


def _text(value: object) -> str:
    """A JSON value as text: numbers as written, null and containers as ""."""
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        return ""
    return str(value).strip()


def _is_dict(value: object) -> bool:
    return isinstance(value, dict)


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []
