"""The table of contents: a tree of sections and subsections that follows the reading position."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from eoreader.model import Section
from eoreader.tui.messages import SectionChosen
from eoreader.tui.text import short_label

# Entries are cut to fit the sidebar (32 columns, less the tree's guides and numbers).
LABEL_CHARS = 26


def _shown(node: TreeNode[str]) -> bool:
    """Whether every ancestor of `node` (the hidden root aside) is open, so that it has a line."""
    parent = node.parent
    while parent is not None and parent.parent is not None:
        if not parent.is_expanded:
            return False
        parent = parent.parent
    return True


class TableOfContents(Tree[str]):
    """Sections as a tree; moving the cursor in it (or clicking) moves the body there."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("l", "expand", "Expand", show=False),
        Binding("h", "collapse", "Collapse", show=False),
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__("Contents", **kwargs)  # type: ignore[arg-type]
        self.show_root = False
        self.auto_expand = False
        self._by_anchor: dict[str, TreeNode[str]] = {}
        self._tops: list[TreeNode[str]] = []
        self._following = False

    def show(self, sections: list[Section]) -> None:
        """List `sections` with their first level of paragraphs; deeper levels open on demand.

        Unnumbered sections get the number of the key (1-9) that jumps to them."""
        self.clear()
        self._by_anchor, self._tops = {}, []
        numbered = any(s.number for s in sections)
        for index, section in enumerate(sections):
            self._tops.append(self._add(self.root, section, None if numbered else index))
        if self._tops:
            self.move_cursor(self._tops[0])

    def _add(self, parent: TreeNode[str], section: Section, index: int | None = None) -> TreeNode[str]:
        # rich Text, not a str: the Tree parses a str label as markup.
        label = Text(f"{index + 1}. " if index is not None and index < 9 else "", style="dim")
        label.append(short_label(section, LABEL_CHARS))
        # Sections open on their first level of paragraphs; deeper ones open on demand.
        node = parent.add(label, data=section.anchor, allow_expand=bool(section.subsections),
                          expand=parent is self.root)
        self._by_anchor[section.anchor] = node
        for sub in section.subsections:
            self._add(node, sub)
        return node

    @property
    def highlighted(self) -> int | None:
        """The index of the top-level section holding the cursor."""
        node = self.cursor_node
        while node is not None and node.parent is not None and node.parent is not self.root:
            node = node.parent
        return self._tops.index(node) if node in self._tops else None

    def follow(self, anchor: str) -> None:
        """Put the cursor on `anchor`'s entry, or on the nearest one shown above it.

        Only the cursor moves, never what is open: opening and closing entries as the body
        scrolls would change the tree's size, and so lay out the whole screen, at every line."""
        node = self._by_anchor.get(anchor)
        while node is not None and node.parent is not None and not _shown(node):
            node = node.parent
        if node is not None and node is not self.root and self.cursor_node is not node:
            self._move_quietly(node)

    def _move_quietly(self, node: TreeNode[str]) -> None:
        # A node knows its line once the tree has laid its lines out, which a hidden tree
        # (folded on a narrow terminal) has not done yet: last_line makes it.
        if self.last_line >= 0:
            self._following = True
            self.move_cursor(node)

    @on(Tree.NodeHighlighted)
    def _moved(self, event: Tree.NodeHighlighted[str]) -> None:
        # The cursor moved by the user (in the tree, with focus) moves the body; the cursor
        # moved to follow the body does not, or the two would chase each other.
        following, self._following = self._following, False
        event.stop()
        if self.has_focus and not following and event.node.data is not None:
            self.post_message(SectionChosen(event.node.data))

    @on(Tree.NodeSelected)
    def _chosen(self, event: Tree.NodeSelected[str]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(SectionChosen(event.node.data))

    def action_expand(self) -> None:
        if self.cursor_node is not None:
            self.cursor_node.expand()

    def action_collapse(self) -> None:
        node = self.cursor_node
        if node is not None and node.is_expanded:
            node.collapse()
        elif node is not None and node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)
