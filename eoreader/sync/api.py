"""The Federal Register's documents search: the query we send and what we accept back."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from eoreader.sanitize import clean, clean_line

# `all` sends no presidential_document_type condition: every presidential document.
TYPES = ("executive_order", "proclamation", "memorandum", "notice", "all")
# What the mirror's JSON keeps: what the Federal Register readers use, and no counter
# (page_views) that would make every listing look like a change.
FIELDS = (
    "abstract", "agencies", "body_html_url", "citation", "correction_of", "corrections",
    "disposition_notes", "document_number", "end_page", "executive_order_notes",
    "executive_order_number", "full_text_xml_url", "html_url", "json_url", "pdf_url", "president",
    "presidential_document_number", "proclamation_number", "publication_date", "raw_text_url",
    "signing_date", "start_page", "subtype", "title", "toc_doc", "type", "volume",
)
# Full text in the order we prefer it, with the file extension each is saved under.
TEXT_URLS = (("full_text_xml_url", ".xml"), ("body_html_url", ".html"), ("raw_text_url", ".txt"))
# Document numbers name folders: letters, digits and dashes only ("E9-3108", "2025-01234").
_DOCUMENT_NUMBER = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,39}")
_ORDER_NUMBER = re.compile(r"[0-9]{1,6}")


class BadResponse(Exception):
    """A response that is not what the API promises; the message says what was wrong."""


@dataclass(frozen=True)
class Window:
    """Publication dates from `start` to `end`, both included."""

    start: dt.date
    end: dt.date

    def halves(self) -> tuple[Window, Window]:
        middle = self.start + (self.end - self.start) // 2
        return Window(self.start, middle), Window(middle + dt.timedelta(days=1), self.end)

    def __str__(self) -> str:
        return f"{self.start}..{self.end}"


@dataclass(frozen=True)
class Query:
    """Which presidential documents to mirror."""

    types: tuple[str, ...] = ("executive_order",)
    president: str | None = None

    @property
    def key(self) -> str:
        """Names this query in the sync state: another query keeps its own resume point."""
        types = "all" if "all" in self.types else ",".join(sorted(set(self.types)))
        return f"type={types};president={self.president or ''}"

    def params(self, window: Window, per_page: int, page: int = 1) -> list[tuple[str, str]]:
        params = [("conditions[type][]", "PRESDOCU")]
        if "all" not in self.types:
            params += [("conditions[presidential_document_type][]", t) for t in sorted(set(self.types))]
        if self.president:
            params.append(("conditions[president][]", self.president))
        params += [
            ("conditions[publication_date][gte]", window.start.isoformat()),
            ("conditions[publication_date][lte]", window.end.isoformat()),
            *(("fields[]", f) for f in FIELDS),
            # Oldest first: documents published while we page land after the last page.
            ("order", "oldest"),
            ("per_page", str(per_page)),
            ("page", str(page)),
        ]
        return params


@dataclass(frozen=True)
class Page:
    """One page of search results."""

    count: int
    total_pages: int
    next_url: str | None
    results: list[Any]


@dataclass(frozen=True)
class Entry:
    """One listed document whose fields passed the checks; `metadata` is what the mirror saves."""

    number: str
    published: dt.date
    title: str
    metadata: dict[str, Any]

    @property
    def stem(self) -> str:
        """File name stem: `EO_<number>` for an executive order (as the corpus names them)."""
        order = self.metadata.get("executive_order_number")
        return f"EO_{order}" if order else self.number

    def text_urls(self) -> list[tuple[str, str]]:
        """(url, extension) of each full text the listing names, best first."""
        return [(u, ext) for key, ext in TEXT_URLS if isinstance(u := self.metadata.get(key), str) and u]


def parse_page(data: bytes) -> Page:
    """A list page from raw bytes, or BadResponse saying what is wrong with it."""
    try:
        # RFC 8259: JSON between systems is UTF-8; json.loads(bytes) would guess UTF-16 too.
        raw = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise BadResponse("not UTF-8 JSON") from None
    except json.JSONDecodeError as exc:
        if data.lstrip()[:1] == b"<":
            raise BadResponse("an HTML or XML page instead of JSON") from None
        if exc.pos >= len(exc.doc.rstrip()) - 1 or exc.msg.startswith("Unterminated string"):
            raise BadResponse(f"truncated JSON ({len(data)} bytes)") from None
        raise BadResponse(f"invalid JSON: {clean_line(exc.msg)} at character {exc.pos}") from None
    except RecursionError:
        raise BadResponse("JSON nested too deeply") from None
    if not isinstance(raw, dict):
        raise BadResponse("JSON that is not a result page")
    count = raw.get("count")
    if not _natural(count):
        raise BadResponse("a result page without a count")
    # An empty search has no results, total_pages or next_page_url at all.
    results = raw.get("results", [] if count == 0 else None)
    if not isinstance(results, list):
        raise BadResponse("a result page without results")
    total = raw.get("total_pages", 1 if results else 0)
    if not _natural(total):
        raise BadResponse("a result page with a bad total_pages")
    next_url = raw.get("next_page_url")
    return Page(count, total, next_url if isinstance(next_url, str) else None, results)


def parse_result(raw: Any) -> Entry:
    """One result checked field by field; BadResponse names the first field that is wrong."""
    if not isinstance(raw, dict):
        raise BadResponse("a result that is not an object")
    number = raw.get("document_number")
    if not isinstance(number, str) or not _DOCUMENT_NUMBER.fullmatch(number):
        raise BadResponse("missing or malformed document_number")
    published = raw.get("publication_date")
    try:
        date = dt.date.fromisoformat(published) if isinstance(published, str) else None
    except ValueError:
        date = None
    if date is None:
        raise BadResponse("missing or malformed publication_date")
    order = raw.get("executive_order_number") or None
    if order is not None and not (isinstance(order, str | int) and _ORDER_NUMBER.fullmatch(str(order))):
        raise BadResponse("malformed executive_order_number")
    metadata = {k: _clean(v) for k, v in raw.items() if k in FIELDS}
    if order is not None:
        metadata["executive_order_number"] = str(order)
    title = raw.get("title")
    return Entry(number, date, clean_line(title) if isinstance(title, str) else "", metadata)


def _natural(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _clean(value: Any) -> Any:
    """Every string sanitized, so the mirror never holds escape sequences or lone surrogates."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {clean(str(k)): _clean(v) for k, v in value.items()}
    return value
