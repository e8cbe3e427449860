"""A document laid out for reading: one block per section, and the places a reader jumps to.

Offsets are into a block's `body` (its label, a newline, its text). Key points, links and
matches are `Target`s in reading order, so `}` / `l` / `n` can step through them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from eoreader.model import Document
from eoreader.export import shown_label

Marker = Callable[[str], list[tuple[int, int]]]
# (start, end, order number) of each executive order named in a text.
Linker = Callable[[str], list[tuple[int, int, str]]]


class Target(NamedTuple):
    """A span of one block that the reader can step to; `key` is what it points at."""

    block: int
    start: int
    end: int
    key: str = ""


@dataclass
class Block:
    """One section (at any depth) as shown: label and text, with its place in the outline."""

    anchor: str
    top: int
    depth: int
    label: str
    text: str
    # A label without a heading ("(a)") runs into its text; a heading has a line of its own.
    inline: bool = False

    @property
    def offset(self) -> int:
        """Where the text starts in `body`."""
        return len(self.label) + 1 if self.label else 0

    @property
    def heading_end(self) -> int:
        """Where the part of `body` drawn as a heading ends (0: none)."""
        return 0 if self.inline else len(self.label)

    @property
    def body(self) -> str:
        if not self.label or not self.text:
            return self.label or self.text
        return f"{self.label}{' ' if self.inline else chr(10)}{self.text}"


@dataclass
class Page:
    """The blocks of a document and the key points, links and matches in them."""

    blocks: list[Block] = field(default_factory=list)
    key_points: list[Target] = field(default_factory=list)
    links: list[Target] = field(default_factory=list)
    matches: list[Target] = field(default_factory=list)

    @classmethod
    def build(cls, doc: Document, linker: Linker) -> Page:
        """Lay out `doc`; key point `i` is the Target with key `str(i)`."""
        page = cls()
        where: dict[str, int] = {}
        for top, section in enumerate(doc.sections):
            for depth, sub in section.walk():
                where[sub.anchor] = len(page.blocks)
                page.blocks.append(Block(sub.anchor, top, depth, shown_label(sub), sub.text, inline=not sub.heading))
        for index, point in enumerate(doc.key_points):
            if point.section in where and point.end > point.start:
                block = page.blocks[where[point.section]]
                page.key_points.append(Target(where[point.section], block.offset + point.start,
                                              block.offset + point.end, str(index)))
        page.key_points.sort()
        for i, block in enumerate(page.blocks):
            page.links += [Target(i, s, e, number) for s, e, number in linker(block.body)]
        return page

    def mark(self, marker: Marker) -> None:
        """Set `matches` to what `marker` finds in each block."""
        self.matches = [Target(i, s, e) for i, b in enumerate(self.blocks) for s, e in marker(b.body)]

    def find(self, needle: str) -> None:
        """Set `matches` to every case-insensitive occurrence of `needle`."""
        pattern = re.compile(re.escape(needle), re.IGNORECASE) if needle.strip() else None
        self.matches = [] if pattern is None else [
            Target(i, m.start(), m.end()) for i, b in enumerate(self.blocks) for m in pattern.finditer(b.body)
        ]

    def block_index(self, anchor: str) -> int | None:
        return next((i for i, b in enumerate(self.blocks) if b.anchor == anchor), None)

    def tops(self) -> list[int]:
        """The block index of each top-level section."""
        return [i for i, b in enumerate(self.blocks) if b.depth == 0]


def step(targets: list[Target], current: Target | None, after: tuple[int, int], forward: bool) -> Target | None:
    """The target after (or before) `current`, else after the reading position `after`
    (block, offset); wraps around at the ends."""
    if not targets:
        return None
    inclusive = current not in targets
    here = after if inclusive else (current.block, current.start)  # type: ignore[union-attr]
    if forward:
        later = [t for t in targets if (t.block, t.start) > here or (inclusive and (t.block, t.start) == here)]
        return later[0] if later else targets[0]
    earlier = [t for t in targets if (t.block, t.start) < here]
    return earlier[-1] if earlier else targets[-1]
