"""In-document find: a one-line box under the body; matches are marked as you type."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class FindBar(Input):
    """Type to mark every occurrence in the document; enter keeps them, escape drops them."""

    BINDINGS = [Binding("escape", "close", "Close find", show=False)]

    class Closed(Message):
        """The user left the find box; `keep` is whether the found matches stay marked."""

        def __init__(self, keep: bool) -> None:
            super().__init__()
            self.keep = keep

    def __init__(self, **kwargs: object) -> None:
        super().__init__(placeholder="Find in document (enter: keep, escape: cancel)", **kwargs)  # type: ignore[arg-type]

    def open(self) -> None:
        self.display = True
        self.focus()

    def action_close(self) -> None:
        self.value = ""
        self.display = False
        self.post_message(self.Closed(keep=False))

    def action_submit(self) -> None:  # type: ignore[override]
        self.display = False
        self.post_message(self.Closed(keep=True))
