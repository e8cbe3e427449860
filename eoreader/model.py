"""The document model: plain dataclasses, knowing nothing of Whoosh or Textual."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple


class Kind(StrEnum):
    """What a document is; the value is what the index and `--json` carry."""

    ORDER = "order"
    PROCLAMATION = "proclamation"
    MEMORANDUM = "memorandum"
    NOTICE = "notice"
    MESSAGE = "message"
    NOMINATION = "nomination"
    FACT_SHEET = "fact-sheet"
    ARTICLE = "article"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    Kind.ORDER: "Executive Order",
    Kind.PROCLAMATION: "Proclamation",
    Kind.MEMORANDUM: "Memorandum",
    Kind.NOTICE: "Notice",
    Kind.MESSAGE: "Letter or Message",
    Kind.NOMINATION: "Nomination",
    Kind.FACT_SHEET: "Fact Sheet",
    Kind.ARTICLE: "Article",
    Kind.OTHER: "Other",
}


class Status(StrEnum):
    """Whether an order is still in force."""

    IN_FORCE = "in force"
    AMENDED = "amended"
    REVOKED = "revoked"
    SUPERSEDED = "superseded"


class Relation(StrEnum):
    """How one document refers to an order."""

    REVOKES = "revokes"
    AMENDS = "amends"
    SUPERSEDES = "supersedes"
    MENTIONS = "mentions"


@dataclass
class Section:
    """One section of a document; `anchor` is its stable address ("3", "3.a.ii")."""

    anchor: str
    heading: str = ""
    number: str = ""
    text: str = ""
    subsections: list[Section] = field(default_factory=list)

    @property
    def label(self) -> str:
        """How the section is named: "Sec. 2. Policy", "(a)", or its heading alone."""
        if not self.number or self.number in self.heading:
            return self.heading
        number = f"Sec. {self.number}." if self.number[:1].isdigit() else f"({self.number})"
        return f"{number} {self.heading}".strip()

    def walk(self, depth: int = 0) -> Iterator[tuple[int, Section]]:
        """This section and every subsection below it, in reading order, with depth."""
        yield depth, self
        for sub in self.subsections:
            yield from sub.walk(depth + 1)


@dataclass
class KeyPoint:
    """A key point, and where it sits: a span of one section's text (or nowhere)."""

    text: str
    type: str = "summary"
    section: str | None = None
    start: int = 0
    end: int = 0
    actor: str = ""
    due: dt.date | None = None


@dataclass
class Reference:
    """A reference from this document to an executive order."""

    number: str
    relation: Relation = Relation.MENTIONS
    section: str | None = None
    text: str = ""


class BodySpan(NamedTuple):
    """Where one section's heading and text sit in `Document.body()`."""

    anchor: str
    start: int
    end: int
    depth: int


@dataclass
class Document:
    """One order, proclamation, memorandum, fact sheet or article, from one or more files."""

    id: str
    kind: Kind = Kind.OTHER
    title: str = ""
    number: str | None = None
    president: str | None = None
    signed: dt.date | None = None
    published: dt.date | None = None
    citation: str | None = None
    document_number: str | None = None
    url: str | None = None
    agencies: list[str] = field(default_factory=list)
    disposition_notes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    key_points: list[KeyPoint] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)

    @property
    def date(self) -> dt.date | None:
        """The date the document is known by: signed, else published."""
        return self.signed or self.published

    def walk(self) -> Iterator[tuple[int, Section]]:
        """Every section and subsection in reading order, with its depth."""
        for section in self.sections:
            yield from section.walk()

    def section(self, anchor: str) -> Section | None:
        return next((s for _, s in self.walk() if s.anchor == anchor), None)

    def body_spans(self) -> list[BodySpan]:
        """Where each section sits in `body()`; the one layout search and display share."""
        spans, offset = [], 0
        for depth, section in self.walk():
            length = len(_section_block(section))
            spans.append(BodySpan(section.anchor, offset, offset + length, depth))
            offset += length + len(_SEPARATOR)
        return spans

    def body(self) -> str:
        """The whole text: each section's heading and text, blank lines between."""
        return _SEPARATOR.join(_section_block(s) for _, s in self.walk())

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ISO strings)."""
        return _jsonable(asdict(self))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        data = dict(data)
        data["kind"] = Kind(data.get("kind", "other"))
        for key in ("signed", "published"):
            data[key] = _date(data.get(key))
        data["sections"] = [_section(s) for s in data.get("sections", [])]
        data["key_points"] = [
            KeyPoint(**{**k, "due": _date(k.get("due"))}) for k in data.get("key_points", [])
        ]
        data["references"] = [
            Reference(**{**r, "relation": Relation(r["relation"])})
            for r in data.get("references", [])
        ]
        return cls(**data)


_SEPARATOR = "\n\n"


def _section_block(section: Section) -> str:
    """A section's label and text; a labelled paragraph reads "(a) text" on one line."""
    label, text = section.label, section.text
    if section.heading or not text:
        return "\n".join(part for part in (label, text) if part)
    if label and not text.lstrip().startswith(label):
        return f"{label} {text}"
    return text


def _section(data: dict[str, Any]) -> Section:
    subs = [_section(s) for s in data.get("subsections", [])]
    return Section(**{**data, "subsections": subs})


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
