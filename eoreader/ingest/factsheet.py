"""A White House fact sheet's blocks -> sections by lead-in, and its own key points.

A fact sheet states its points itself: each paragraph opens with a lead-in in bold or
capitals ("**TAKING BACK CONTROL:** For the past four years ..."), and bullet lists
follow. Each lead-in becomes a section heading; the paragraph after it and each
top-level bullet become a summary key point, placed on its span of the section's text.
"""

from __future__ import annotations

import re

from eoreader.ingest.markdown import Block
from eoreader.model import KeyPoint, Section

# "INVOKING A NATIONAL EMERGENCY: Today, ..." — a lead-in set in capitals, without bold.
_CAPS_LEAD = re.compile(r"^(?P<lead>[A-Z0-9][A-Z0-9 ,.'’&/$%()–—-]{4,150}?)\s*:\s+(?=\S)")
_BULLETS = {1: "• ", 2: "◦ "}
MIN_LEAD_WORDS = 2


def read(parts: list[Block]) -> tuple[list[Section], list[KeyPoint]]:
    """The sections and summary key points of a fact sheet's blocks."""
    sections: list[Section] = []
    points: list[KeyPoint] = []
    current = Section(anchor="body")
    chunks: list[str] = []
    leads = 0

    def close() -> None:
        current.text = "".join(chunks).rstrip()
        if current.text or current.heading:
            sections.append(current)

    for block in parts:
        lead, rest = _lead(block)
        if lead is not None:
            close()
            leads += 1
            current, chunks = Section(anchor=str(leads), heading=lead), []
            if rest:
                points.append(_point(current, chunks, rest))
                chunks.append("\n\n")
            continue
        if block.depth:
            marker = "  " * (block.depth - 1) + _BULLETS.get(block.depth, "◦ ")
            chunks.append(marker)
            if block.depth == 1:
                points.append(_point(current, chunks, block.text))
            else:
                chunks.append(block.text)
            chunks.append("\n")
        else:
            if chunks and not chunks[-1].endswith("\n\n"):
                chunks.append("\n")
            chunks.append(block.text + "\n\n")
    close()
    return sections, points


def _lead(block: Block) -> tuple[str | None, str]:
    """(lead-in, rest of the paragraph) when `block` opens with a lead-in, else (None, "")."""
    if block.depth:
        return None, ""
    if block.kind == "h":
        return block.text.rstrip(":").strip(), ""
    if block.lead and len(block.lead.split()) >= MIN_LEAD_WORDS and block.text.startswith(block.lead):
        return block.lead.rstrip(":").strip(), block.text[len(block.lead):].lstrip(" :").strip()
    match = _CAPS_LEAD.match(block.text)
    if match and len(match["lead"].split()) >= MIN_LEAD_WORDS:
        return match["lead"].strip(), block.text[match.end():].strip()
    return None, ""


def _point(section: Section, chunks: list[str], text: str) -> KeyPoint:
    """A summary key point for `text`, appended to the section's text where it will sit."""
    start = sum(len(c) for c in chunks)
    chunks.append(text)
    return KeyPoint(text=text, type="summary", section=section.anchor, start=start, end=start + len(text))
