"""The key points panel above a document's body: collapsible, grouped by type."""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Collapsible, OptionList
from textual.widgets.option_list import Option

from eoreader.model import KeyPoint
from eoreader.sanitize import clean_line
from eoreader.tui.messages import KeyPointChosen
from eoreader.tui.text import literal


class KeyPointList(OptionList):
    """Key points under a heading per type; choosing one shows it in the body."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def show(self, points: list[KeyPoint]) -> None:
        self.clear_options()
        groups: dict[str, list[int]] = {}
        for index, point in enumerate(points):
            groups.setdefault(point.type or "summary", []).append(index)
        for kind, indexes in groups.items():
            title = clean_line(kind).replace("-", " ").replace("_", " ").capitalize()
            self.add_option(Option(Content.styled(f"{title} ({len(indexes)})", "bold"), disabled=True))
            for index in indexes:
                self.add_option(Option(Content("• ") + literal(points[index].text), id=f"kp-{index}"))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(KeyPointChosen(int(event.option.id.removeprefix("kp-"))))

    def point_at(self, index: int) -> None:
        """Highlight key point `index` without choosing it."""
        try:
            self.highlighted = self.get_option_index(f"kp-{index}")
        except LookupError:
            return


class KeyPointsPanel(Collapsible):
    """The document's key points; hidden when it has none."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(KeyPointList(id="key-point-list"), title="Key points", collapsed=False,
                         **kwargs)  # type: ignore[arg-type]

    def show(self, points: list[KeyPoint]) -> None:
        self.display = bool(points)
        self.title = f"Key points ({len(points)})"
        self.query_one(KeyPointList).show(points)
