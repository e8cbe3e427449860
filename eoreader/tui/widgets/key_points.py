"""The key points panel above a document's body."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from eoreader.model import KeyPoint
from eoreader.sanitize import clean


class KeyPointsPanel(Static):
    """The document's key points, one bullet each."""

    def show(self, points: list[KeyPoint]) -> None:
        self.display = bool(points)
        text = Text("Key points", style="bold")
        for point in points:
            text.append("\n • ")
            text.append(clean(point.text))
        self.update(text)
