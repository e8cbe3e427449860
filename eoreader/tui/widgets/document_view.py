"""A document's body: its sections one under another, with key points, matches and links drawn in."""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.style import Style
from textual.widget import AwaitMount

from eoreader.tui.messages import FollowReference, SectionChanged
from eoreader.tui.page import Page, Target, step
from eoreader.tui.text import StyleType, styled
from eoreader.tui.widgets.section_view import SectionView

LOOKS = ("heading", "keypoint", "match", "link", "missing-link", "cursor")


class DocumentView(VerticalScroll, can_focus=True):
    """The body of one document; posts SectionChanged as the section at the top changes."""

    COMPONENT_CLASSES = {f"document-view--{look}" for look in LOOKS}
    BINDINGS = [
        Binding("j", "scroll_down", "Scroll down", show=False),
        Binding("k", "scroll_up", "Scroll up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
        Binding("space", "page_down", "Page down", show=False),
        Binding("enter", "follow", "Follow link", show=False),
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.page = Page()
        self.current = 0
        self.cursor: Target | None = None
        self.indexed: set[str] = set()
        self._heads: list[SectionView] = []
        self._view_of: dict[int, SectionView] = {}
        self._jump: int | None = None
        self._anchor = ""
        self._settle: Callable[[], None] | None = None

    def on_mount(self) -> None:
        self.watch(self, "scroll_y", self._scrolled, init=False)
        self.watch(self, "virtual_size", self._relaid, init=False)
        self.app.theme_changed_signal.subscribe(self, lambda _: self.repaint())

    def show(self, page: Page, indexed: set[str]) -> AwaitMount:
        """Show `page`; links to the order numbers in `indexed` look followable, others not."""
        self.remove_children()
        self.page, self.indexed, self.cursor = page, indexed, None
        groups: dict[int, list[int]] = {}
        for i, block in enumerate(page.blocks):
            groups.setdefault(block.top, []).append(i)
        self._heads = [SectionView(page.blocks, indexes) for indexes in groups.values()]
        self._view_of = {i: view for view in self._heads for i in view.indexes}
        self.repaint()
        self.current, self._jump = 0, None
        self.scroll_home(animate=False)
        return self.mount_all(self._heads)

    def repaint(self, only: set[int] | None = None) -> None:
        """Draw the blocks again (all, or those in `only`) after marks, cursor or theme changed."""
        looks = {look: Style.from_rich_style(self.get_component_rich_style(f"document-view--{look}", partial=True))
                 for look in LOOKS}
        by_block: dict[int, list[tuple[int, int, StyleType]]] = {}
        for target in self.page.key_points:
            by_block.setdefault(target.block, []).append((target.start, target.end, looks["keypoint"]))
        for target in self.page.links:
            look = looks["link" if target.key in self.indexed else "missing-link"]
            by_block.setdefault(target.block, []).append(
                (target.start, target.end, look + Style.from_meta({"ref": target.key})))
        for target in self.page.matches:
            if target == self.cursor:
                continue  # drawn as the cursor alone: a reversed match would hide the cursor's look
            by_block.setdefault(target.block, []).append((target.start, target.end, looks["match"]))
        if self.cursor is not None:
            by_block.setdefault(self.cursor.block, []).append((self.cursor.start, self.cursor.end, looks["cursor"]))
        for i, block in enumerate(self.page.blocks):
            if only is None or i in only:
                spans = [(0, block.heading_end, looks["heading"])] if block.heading_end else []
                self._view_of[i].paint(i, styled(block.body, spans + by_block.get(i, [])))

    def settle_with(self, place: Callable[[], None]) -> None:
        """Run `place` (which scrolls to where reading starts) now and again each time the
        layout changes, until the user acts: the first layouts of a new screen still move."""
        self._settle = place
        place()

    def stop_settling(self) -> None:
        self._settle = None

    def on_resize(self) -> None:
        self._relaid()

    def _relaid(self, *_: object) -> None:
        if self._settle is not None:
            self.call_after_refresh(self._settle)

    @property
    def section_count(self) -> int:
        return len(self._heads)

    @property
    def reading(self) -> str:
        """The anchor of the section (at any depth) at the top of the view."""
        return self._anchor

    def go_to(self, index: int) -> None:
        """Scroll so top-level section `index` starts at the top of the view."""
        if not self._heads:
            return
        index = max(0, min(index, len(self._heads) - 1))
        self._jump = index
        self.scroll_to(y=self._heads[index].virtual_region.y, animate=False, immediate=True)
        self._set_current(index, self._heads[index].section_anchor)

    def go_to_anchor(self, anchor: str, offset: int = 0) -> None:
        """Scroll to the section with `anchor` (any depth), `offset` lines into it."""
        index = self.page.block_index(anchor)
        if index is None:
            return
        view = self._view_of[index]
        self._jump = view.top
        y = view.virtual_region.y + view.line_of(index, 0) + max(0, offset)
        self.scroll_to(y=y, animate=False, immediate=True)
        self._set_current(view.top, anchor)

    def position(self) -> tuple[str, int]:
        """The section at the top of the view and how many lines into it the view starts."""
        found = self._block_at(self.scroll_y)
        if found is None:
            return "", 0
        index, lines = found
        return self.page.blocks[index].anchor, lines

    def step(self, kind: str, forward: bool) -> Target | None:
        """Move the cursor to the next (or previous) key point, link or match and show it."""
        targets = {"key_points": self.page.key_points, "links": self.page.links,
                   "matches": self.page.matches}[kind]
        found = self._block_at(self.scroll_y)
        target = step(targets, self.cursor, (found[0] if found else 0, 0), forward)
        if target is not None:
            self.show_target(target)
        return target

    def show_target(self, target: Target) -> None:
        """Put the cursor on `target` and scroll it into view, a third of the way down."""
        touched = {target.block} | ({self.cursor.block} if self.cursor else set())
        self.cursor = target
        self.repaint(touched)
        self.call_after_refresh(self._scroll_to_target, target)

    def clear_cursor(self) -> None:
        if self.cursor is not None:
            block, self.cursor = self.cursor.block, None
            self.repaint({block})

    def _scroll_to_target(self, target: Target) -> None:
        view = self._view_of[target.block]
        y = view.virtual_region.y + view.line_of(target.block, target.start)
        height = self.scrollable_content_region.height
        if not (self.scroll_y <= y < self.scroll_y + height - 1):
            self.scroll_to(y=max(0, y - height // 3), animate=False)

    def action_follow(self) -> None:
        """Follow the link under the cursor."""
        if self.cursor is not None and self.cursor in self.page.links:
            self.post_message(FollowReference(self.cursor.key))

    def _block_at(self, y: float) -> tuple[int, int] | None:
        """The block drawn at line `y` of the document and how many lines into it."""
        view = next((v for v in reversed(self._heads) if v.virtual_region.y <= y + 1), None)
        if view is None:
            return None
        return view.block_at(max(0, round(y) - view.virtual_region.y))

    def _scrolled(self, _: float) -> None:
        if self._jump is not None and self._is_visible(self._heads[self._jump]):
            return  # a jump near the end cannot bring its heading to the top; keep it current
        self._jump = None
        found = self._block_at(self.scroll_y)
        if found is not None:
            block = self.page.blocks[found[0]]
            self._set_current(block.top, block.anchor)

    def _is_visible(self, view: SectionView) -> bool:
        y = view.virtual_region.y
        return self.scroll_y <= y < self.scroll_y + self.scrollable_content_region.height

    def _set_current(self, index: int, anchor: str) -> None:
        self.current, self._anchor = index, anchor
        self.post_message(SectionChanged(index, anchor))
