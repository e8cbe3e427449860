"""The table of contents beside a document."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from eoreader.model import Section
from eoreader.tui.text import section_label


def entry_label(section: Section, index: int) -> Text:
    number = f"{index + 1}. " if index < 9 else "   "
    return Text(number, style="dim") + Text(section_label(section) or section.anchor.capitalize())


class TableOfContents(OptionList):
    """One entry per top-level section; the highlight follows the reading position."""

    BINDINGS = [("j", "cursor_down", "Down"), ("k", "cursor_up", "Up")]

    def show(self, sections: list[Section]) -> None:
        self.clear_options()
        self.add_options(Option(entry_label(s, i), id=f"toc-{i}") for i, s in enumerate(sections))
        if sections:
            self.highlighted = 0
