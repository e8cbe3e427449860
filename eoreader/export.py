"""A document as text for people: how its sections are named, its citation, all of it as Markdown."""

from __future__ import annotations

import datetime as dt
import re

from eoreader.model import Document, Kind, Section
from eoreader.sanitize import clean, clean_line

__all__ = ["citation", "shown_label", "section_label", "to_markdown"]


def _long_date(date: dt.date) -> str:
    return f"{date:%B} {date.day}, {date.year}"


def citation(doc: Document) -> str:
    """How to cite `doc`: "Executive Order 13131 of July 22, 1999, "Title", 64 FR 40733." """
    title = clean_line(doc.title)
    if doc.kind is Kind.ORDER and doc.number:
        parts = [f"Executive Order {clean_line(doc.number)}" + (f" of {_long_date(doc.signed)}" if doc.signed else ""),
                 f"“{title}”" if title else ""]
    else:
        parts = [f"“{title}”" if title else doc.id, doc.kind.label,
                 _long_date(doc.date) if doc.date else ""]
    if doc.citation:
        published = f" ({_long_date(doc.published)})" if doc.published else ""
        parts.append(clean_line(doc.citation) + published)
    elif doc.url:
        parts.append(clean_line(doc.url))
    return ", ".join(p for p in parts if p) + "."


# Markdown that a line of the document could start by accident: a heading, a list, a quote.
_LEADING = re.compile(r"^(\s*)([#>*+-]|\d+[.)])(\s)", re.M)


def _text(text: str) -> str:
    return _LEADING.sub(lambda m: f"{m[1]}\\{m[2]}{m[3]}", clean(text).strip())


def section_label(section: Section) -> str:
    """How a section is named: "Sec. 2. Policy.", "(a)", or its heading."""
    heading = clean_line(section.heading)
    if not section.number or section.number in heading:
        return heading
    number = f"Sec. {section.number}." if section.number.isdigit() else f"({section.number})"
    return f"{number} {heading}".strip()


def shown_label(section: Section) -> str:
    """The label to print before a section's text: none when the text starts with it ("(a) The ...")."""
    label = section_label(section)
    if not section.heading and section.text.lstrip().startswith(label):
        return ""
    return label


def _section(section: Section, depth: int, out: list[str]) -> None:
    label = shown_label(section)
    if section.heading:
        out.append(f"{'#' * min(depth + 2, 6)} {label}\n")
        body = _text(section.text)
    else:
        prefix = f"**{label}** " if label else ""
        body = prefix + _text(section.text)
    if body:
        out.append(body + "\n")
    for sub in section.subsections:
        _section(sub, depth + 1, out)


def to_markdown(doc: Document, status: str = "") -> str:
    """`doc` as a Markdown file: title, what it is, key points, then its sections."""
    out = [f"# {clean_line(doc.title) or doc.id}\n"]
    facts = [("Kind", doc.kind.label), ("Order number", doc.number or ""),
             ("President", doc.president or ""),
             ("Signed", doc.signed.isoformat() if doc.signed else ""),
             ("Published", doc.published.isoformat() if doc.published else ""),
             ("Citation", doc.citation or ""), ("Status", status), ("Source", doc.url or "")]
    out.append("\n".join(f"- {name}: {clean_line(value)}" for name, value in facts if value) + "\n")
    if doc.key_points:
        out.append("## Key points\n")
        out.append("\n".join(f"- {_text(p.text)}" for p in doc.key_points) + "\n")
    for section in doc.sections:
        _section(section, 0, out)
    out.append(f"---\n{citation(doc)}\n")
    return "\n".join(out)
