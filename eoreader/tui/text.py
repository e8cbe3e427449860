"""Untrusted text to Textual Content: sanitized, never parsed as markup, with styled spans."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath

from rich._wrap import divide_line
from textual.content import Content
from textual.style import Style

from eoreader.export import section_label
from eoreader.model import Section
from eoreader.sanitize import clean, clean_line

StyleType = Style | str


def literal(text: str, style: StyleType = "") -> Content:
    """`text` sanitized and shown as it is: `[bold]` stays `[bold]`, escapes are removed."""
    return Content.styled(clean(text), style) if style else Content(clean(text))


def styled(text: str, spans: Iterable[tuple[int, int, StyleType]] = ()) -> Content:
    """`text` as literal Content with `spans` (offsets into `text` as stored) styled.

    The sanitizer runs on each piece between span edges so that, if it ever has something to
    remove at display, the offsets still hold.
    """
    spans = list(spans)
    edges = sorted({0, len(text), *(p for s, e, _ in spans for p in (s, e) if 0 <= p <= len(text))})
    starts: dict[int, int] = {}
    pieces: list[str] = []
    length = 0
    for a, b in zip(edges, edges[1:]):
        starts[a] = length
        piece = clean(text[a:b])
        pieces.append(piece)
        length += len(piece)
    starts[len(text)] = length
    out = Content("".join(pieces))
    for start, end, style in spans:
        if start in starts and end in starts and end > start:
            out = out.stylize(style, starts[start], starts[end])
    return out


def short_label(section: Section, width: int = 60) -> str:
    """A one-line name for a section in a list: its label, else the start of its text."""
    label = section_label(section)
    if not section.heading and not section.number and not section.anchor[:1].isdigit():
        label = section.anchor.replace("-", " ").capitalize()  # "Preamble", "Signature"
    elif not section.heading and section.text:
        text = clean_line(section.text)
        label = text if text.startswith(label) else f"{label} {text}".strip()
    return label if len(label) <= width else label[: width - 1].rstrip() + "…"


def badge(label: str, variant: str) -> Content:
    """A short label drawn as a coloured tag; `variant` names a `.badge-*` look in `BADGES`."""
    return Content.styled(f" {label} ", BADGES.get(variant, BADGES["kind"]))


# Theme variables, so badges follow the theme the user picks.
BADGES = {
    "kind": "bold $text-primary on $primary-muted",
    "revoked": "bold $text-error on $error-muted",
    "superseded": "bold $text-error on $error-muted",
    "amended": "bold $text-warning on $warning-muted",
    "bookmark": "bold $text-accent on $accent-muted",
}


def file_names(sources: Iterable[str]) -> str:
    """The file names of a document's sources, without their folders."""
    return ", ".join(clean_line(PurePath(s).name) for s in sources)


def line_of(text: str, offset: int, width: int) -> int:
    """The line at which character `offset` of `text` lands once wrapped at `width` cells."""
    line = 0
    position = 0
    for paragraph in text.split("\n"):
        end = position + len(paragraph)
        if offset <= end:
            cuts = divide_line(paragraph, max(1, width), fold=True)
            return line + sum(1 for cut in cuts if cut <= offset - position)
        line += 1 + len(divide_line(paragraph, max(1, width), fold=True))
        position = end + 1
    return line
