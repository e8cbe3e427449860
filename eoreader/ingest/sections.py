"""Heading rules that every plain-text format shares."""

from __future__ import annotations

import re

from eoreader.model import Section

_CLOSING = tuple(".!?:;,\"'”’)")
MAX_HEADING_CHARS = 90
MAX_HEADING_WORDS = 12


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs, each with its lines joined by spaces."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def is_heading(paragraph: str) -> bool:
    """A short line with no closing punctuation reads as a heading."""
    return (
        "\n" not in paragraph
        and len(paragraph) <= MAX_HEADING_CHARS
        and len(paragraph.split()) <= MAX_HEADING_WORDS
        and not paragraph.endswith(_CLOSING)
        and paragraph[:1].isupper()
    )


def sections_from_paragraphs(paras: list[str], lead: str = "Lead") -> list[Section]:
    """Group paragraphs under the headings among them; text before the first is the lead."""
    sections: list[Section] = []
    current = Section(anchor="lead", heading=lead)
    body: list[str] = []
    for para in paras:
        if is_heading(para):
            if body or current.anchor != "lead":
                current.text = "\n\n".join(body)
                sections.append(current)
            current, body = Section(anchor=str(len(sections) + 1), heading=para), []
        else:
            body.append(para)
    current.text = "\n\n".join(body)
    if body or current.anchor != "lead":
        sections.append(current)
    return sections


def title_from(text: str, limit: int = 100) -> str:
    """A readable title from running text: its first sentence, cut at a word boundary."""
    sentence = re.split(r"(?<=[.!?])\s", " ".join(text.split()), maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence.rstrip(".")
    return sentence[:limit].rsplit(" ", 1)[0] + "…"
