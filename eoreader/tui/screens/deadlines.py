"""The deadlines screen: every deadline across the index, soonest first, overdue or upcoming; enter opens."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from eoreader.library import Library
from eoreader.sanitize import clean_line
from eoreader.tui.messages import OpenDocument
from eoreader.tui.text import literal

if TYPE_CHECKING:  # the ingest package loads when the deadlines are listed, not at launch
    from eoreader.ingest.deadlines import Due

STATES = {"overdue": "bold $text-error", "upcoming": "bold $text-success", "undated": "dim"}
EMPTY = "No deadlines: no order in the index sets one."


def due_prompt(item: Due, today: dt.date) -> Content:
    """Due date, overdue / upcoming, order and title; then who must act and what."""
    state = item.state(today)
    order = f"EO {item.number}" if item.number else item.doc_id
    head = Content(f"{item.due.isoformat() if item.due else 'no date':<10}  ")
    head += Content.styled(f"{state:<8}", STATES[state])
    head += Content("  ") + literal(clean_line(order), "bold") + Content("  ")
    head += literal(clean_line(" ".join(item.title.split())), "dim")
    actor = literal(clean_line(item.actor) or "(no actor named)", "bold")
    body = Content("    ") + actor + literal(": " + clean_line(item.action))
    return Content("\n").join([head, body])


class DeadlineList(OptionList):
    """The deadlines, one option each."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]


class DeadlinesScreen(Screen[None]):
    """List every deadline of the index; choosing one opens its order at the deadline's section."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, library: Library, today: dt.date | None = None) -> None:
        super().__init__()
        self.library = library
        self.today = today or dt.date.today()
        self.items: list[Due] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Content.styled("Deadlines", "bold"), id="deadlines-title")
        yield DeadlineList(Option(Content.styled("Reading the deadlines…", "dim"), disabled=True), id="deadlines")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DeadlineList).focus()
        self._load()

    @work(thread=True, exclusive=True, group="deadlines", exit_on_error=False)
    def _load(self) -> None:
        # Every document is read back from the index: seconds on the whole corpus.
        items = self.library.deadlines()
        self.app.call_from_thread(self.show, items)

    def show(self, items: list[Due]) -> None:
        """List `items` and count them in the title."""
        self.items = items
        overdue = sum(item.state(self.today) == "overdue" for item in items)
        title = Content.styled("Deadlines", "bold") + Content.styled(
            f"  {len(items)}, {overdue} overdue, today {self.today.isoformat()}", "dim")
        self.query_one("#deadlines-title", Static).update(title)
        listing = self.query_one(DeadlineList)
        listing.clear_options()
        if not items:
            listing.add_option(Option(Content.styled(EMPTY, "dim"), disabled=True))
            return
        listing.add_options(Option(due_prompt(item, self.today), id=str(n)) for n, item in enumerate(items))
        listing.highlighted = 0

    @on(OptionList.OptionSelected, "#deadlines")
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is None:
            return
        item = self.items[int(event.option.id)]
        self.app.post_message(OpenDocument(item.doc_id, item.section))
