"""A document's body: one block per section, key points and search matches highlighted."""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from eoreader.model import Document, Section
from eoreader.tui.messages import SectionChanged
from eoreader.tui.text import section_label, styled

Marker = Callable[[str], list[tuple[int, int]]]


class SectionBlock(Static):
    """One section's heading and text; `top` is the index of its top-level section."""

    def __init__(self, content: Text, top: int, anchor: str, depth: int) -> None:
        super().__init__(content, classes=f"section depth-{min(depth, 4)}")
        self.top, self.anchor = top, anchor


class DocumentView(VerticalScroll, can_focus=True):
    """The body of one document; posts SectionChanged as the top section changes."""

    COMPONENT_CLASSES = {"document-view--heading", "document-view--keypoint", "document-view--match"}
    BINDINGS = [
        Binding("j", "scroll_down", "Scroll down", show=False),
        Binding("k", "scroll_up", "Scroll up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.current = 0
        self._heads: list[SectionBlock] = []
        self._jump: int | None = None

    def on_mount(self) -> None:
        self.watch(self, "scroll_y", self._scrolled, init=False)

    def show(self, doc: Document, marker: Marker) -> None:
        """Render `doc`, highlighting its key points and what `marker` finds."""
        self.remove_children()
        points: dict[str, list[tuple[int, int]]] = {}
        for point in doc.key_points:
            if point.section is not None and point.end > point.start:
                points.setdefault(point.section, []).append((point.start, point.end))
        blocks, self._heads = [], []
        for top, section in enumerate(doc.sections):
            for depth, sub in section.walk():
                block = SectionBlock(self._render_section(sub, points.get(sub.anchor, []), marker),
                                     top, sub.anchor, depth)
                if depth == 0:
                    self._heads.append(block)
                blocks.append(block)
        self.mount_all(blocks)
        self.current, self._jump = 0, None
        self.scroll_home(animate=False)

    def _render_section(self, section: Section, points: list[tuple[int, int]], marker: Marker) -> Text:
        keypoint = self.get_component_rich_style("document-view--keypoint", partial=True)
        match = self.get_component_rich_style("document-view--match", partial=True)
        heading = self.get_component_rich_style("document-view--heading", partial=True)
        out = Text()
        if label := section_label(section):
            out = styled(label, [(s, e, match) for s, e in marker(label)])
            out.stylize(heading)
            if section.text:
                out.append("\n")
        spans: list[tuple[int, int, Style | str]] = [(s, e, keypoint) for s, e in points]
        spans += [(s, e, match) for s, e in marker(section.text)]
        return out + styled(section.text, spans)

    @property
    def section_count(self) -> int:
        return len(self._heads)

    def go_to(self, index: int) -> None:
        """Scroll so top-level section `index` starts at the top of the view."""
        if not self._heads:
            return
        index = max(0, min(index, len(self._heads) - 1))
        self._jump = index
        self.scroll_to_widget(self._heads[index], top=True, animate=False)
        self._set_current(index)

    def go_to_anchor(self, anchor: str) -> None:
        """Scroll to the block of the section with `anchor` (any depth)."""
        for block in self.query(SectionBlock):
            if block.anchor == anchor:
                self._jump = block.top
                self.scroll_to_widget(block, top=True, animate=False)
                self._set_current(block.top)
                return

    def _scrolled(self, _: float) -> None:
        if self._jump is not None and self._is_visible(self._heads[self._jump]):
            return  # a jump near the end cannot bring its heading to the top; keep it current
        self._jump = None
        top = self.scroll_y
        index = 0
        for i, head in enumerate(self._heads):
            if head.virtual_region.y <= top + 1:
                index = i
        self._set_current(index)

    def _is_visible(self, block: SectionBlock) -> bool:
        y = block.virtual_region.y
        return self.scroll_y <= y < self.scroll_y + self.scrollable_content_region.height

    def _set_current(self, index: int) -> None:
        if index != self.current:
            self.current = index
        self.post_message(SectionChanged(index))
