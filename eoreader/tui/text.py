"""Document text to rich Text: sanitized, never markup, with styled spans."""

from __future__ import annotations

from collections.abc import Iterable

from rich.style import Style
from rich.text import Text

from eoreader.model import Section
from eoreader.sanitize import clean, clean_line


def styled(text: str, spans: Iterable[tuple[int, int, Style | str]] = ()) -> Text:
    """`text` as literal rich Text with `spans` styled.

    Spans are offsets into `text` as stored; the sanitizer runs on each piece between span
    edges so that, if it ever has something to remove at display, the offsets still hold.
    """
    edges = sorted({0, len(text), *(p for s, e, _ in spans for p in (s, e) if 0 <= p <= len(text))})
    pieces = [(a, b, clean(text[a:b])) for a, b in zip(edges, edges[1:])]
    out = Text()
    starts = {}
    for a, b, piece in pieces:
        starts[a] = len(out)
        out.append(piece)
    starts[len(text)] = len(out)
    for start, end, style in spans:
        if start in starts and end in starts and end > start:
            out.stylize(style, starts[start], starts[end])
    return out


def section_label(section: Section) -> str:
    """How a section is named on screen: "Sec. 2. Policy.", "(a)", or its heading."""
    heading = clean_line(section.heading)
    if not section.number or section.number in heading:
        return heading
    number = f"Sec. {section.number}." if section.number.isdigit() else f"({section.number})"
    return f"{number} {heading}".strip()
