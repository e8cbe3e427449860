"""The reader's header: title, kind, number, dates, citation, status and source files."""

from __future__ import annotations

import re

from textual.content import Content
from textual.widgets import Static

from eoreader.model import Document
from eoreader.sanitize import clean_line
from eoreader.tui.text import badge, file_names, literal


def status_line(status: str, by: str | None) -> str:
    """ "Revoked by EO 13062, 1997" (from "EO 13062 (1997)"); "" for an order in force."""
    if not status or status == "in force":
        return ""
    if not by:
        return status.capitalize()
    by = _YEAR.sub(r", \1", clean_line(by))
    return f"{status.capitalize()} by {by}"


# The year the search API puts in brackets after the order that made a change.
_YEAR = re.compile(r" \((\d{4})\)$")


def header_content(doc: Document, status: tuple[str, str | None] | None, bookmarked: bool) -> Content:
    """The header's lines for `doc`, from its metadata only."""
    title = literal(" ".join(doc.title.split()) or doc.id, "bold")
    meta = [f"EO {doc.number}" if doc.number else "",
            f"signed {doc.signed.isoformat()}" if doc.signed else "",
            f"published {doc.published.isoformat()}" if doc.published else "",
            doc.citation or ""]
    second = badge(doc.kind.label.upper(), "kind")
    if status and (line := status_line(*status)):
        second += Content(" ") + badge(line, status[0])
    if bookmarked:
        second += Content(" ") + badge("★ bookmarked", "bookmark")
    details = " · ".join(clean_line(m) for m in meta if m)
    second += Content.styled(f" {details}", "dim") if details else Content("")
    lines = [title, second]
    if doc.sources:
        lines.append(Content.styled(f"from {file_names(doc.sources)}", "dim italic"))
    return Content("\n").join(lines)


class DocumentHeader(Static):
    """What a document is, in three lines above its body."""

    def show(self, doc: Document, status: tuple[str, str | None] | None, bookmarked: bool) -> None:
        self.update(header_content(doc, status, bookmarked))
