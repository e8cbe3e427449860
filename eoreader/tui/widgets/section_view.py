"""One top-level section and its subsections, each paragraph wrapped and indented by its level.

One widget per top-level section, drawn line by line: a long order has 400 labelled
paragraphs, and a widget for each made opening it take 3 s and every key that moved the
view wait for a layout of all of them; one widget drawn whole made every key redraw its
600 lines. Here a key redraws the paragraphs it changed, and only the lines on screen.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

from eoreader.tui.messages import FollowReference
from eoreader.tui.page import Block
from eoreader.tui.text import line_of

# Columns of indentation per level of labelled paragraph: (a) by 3, (i) by 6, (A) by 9.
INDENT = 3
MAX_DEPTH = 4


class SectionView(Widget):
    """The blocks `indexes` of a page (a section and its subsections), drawn one under another."""

    def __init__(self, blocks: list[Block], indexes: list[int]) -> None:
        super().__init__(classes="section")
        self.blocks, self.indexes = blocks, indexes
        self._painted: dict[int, Content] = {i: Content(blocks[i].body) for i in indexes}
        self._wrapped: dict[int, tuple[int, list[Content]]] = {}
        self._joined: tuple[int, list[Content], dict[int, int]] | None = None
        self._strips: dict[int, Strip] = {}

    @property
    def top(self) -> int:
        return self.blocks[self.indexes[0]].top

    @property
    def section_anchor(self) -> str:
        return self.blocks[self.indexes[0]].anchor

    def paint(self, index: int, content: Content) -> None:
        """Draw block `index` as `content` (the same text, new styles: the size stays)."""
        self._painted[index] = content
        self._wrapped.pop(index, None)
        self._joined = None
        self._strips.clear()
        self.refresh()

    def indent(self, index: int) -> int:
        return INDENT * min(self.blocks[index].depth, MAX_DEPTH)

    def _block_lines(self, index: int, width: int) -> list[Content]:
        cached = self._wrapped.get(index)
        if cached is None or cached[0] != width:
            indent = self.indent(index)
            wrapped = self._painted[index].wrap(max(1, width - indent)) or [Content("")]
            cached = self._wrapped[index] = (width, [line.pad_left(indent) if indent else line for line in wrapped])
        return cached[1]

    def lines(self, width: int) -> tuple[list[Content], dict[int, int]]:
        """The lines drawn at `width`, and the line each block starts at."""
        if self._joined is None or self._joined[0] != width:
            out: list[Content] = []
            starts: dict[int, int] = {}
            for n, index in enumerate(self.indexes):
                if n:
                    out.append(Content(""))  # a blank line between paragraphs
                starts[index] = len(out)
                out += self._block_lines(index, width)
            self._joined = (width, out, starts)
        return self._joined[1], self._joined[2]

    @property
    def _width(self) -> int:
        return self.content_region.width or self.size.width

    def line_of(self, index: int, offset: int) -> int:
        """The line of this widget on which character `offset` of block `index` is drawn."""
        _, starts = self.lines(self._width)
        return starts[index] + line_of(self.blocks[index].body, offset, max(1, self._width - self.indent(index)))

    def block_at(self, line: int) -> tuple[int, int]:
        """The block drawn at `line` of this widget and how many lines into it."""
        _, starts = self.lines(self._width)
        found = (self.indexes[0], line)
        for index in self.indexes:
            if starts[index] <= line:
                found = (index, line - starts[index])
        return found

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width)[0])

    def render_line(self, y: int) -> Strip:
        """Line `y`, drawn when it is on screen (with the text selection, if any)."""
        selection = self.text_selection
        if selection is None and (cached := self._strips.get(y)) is not None:
            return cached
        width = self.size.width
        lines, _ = self.lines(width)
        if y >= len(lines):
            return Strip.blank(width, self.rich_style)
        line = lines[y]
        if selection is not None and (span := selection.get_span(y)) is not None:
            start, end = span
            selected = Style.from_rich_style(self.screen.get_component_rich_style("screen--selection"))
            line = line.stylize(selected, start, len(line.plain) if end == -1 else end)
        strip = Strip(line.render_segments(self.visual_style), line.cell_length)
        strip = strip.extend_cell_length(width, self.rich_style).apply_offsets(0, y)
        if selection is None:
            self._strips[y] = strip
        return strip

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        text = "\n".join(line.plain for line in self.lines(self._width)[0])
        return selection.extract(text), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self._strips.clear()
        self.refresh()

    def on_resize(self) -> None:
        self._strips.clear()

    def on_click(self, event: events.Click) -> None:
        if number := event.style.meta.get("ref"):
            event.stop()
            self.post_message(FollowReference(number))
