"""The bookmarks screen: every bookmarked document, newest first; enter opens, d forgets."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from eoreader.sanitize import clean_line
from eoreader.tui.messages import OpenDocument
from eoreader.tui.text import badge, literal
from eoreader.tui.widgets.result_list import kind_label
from eoreader.userdata import Bookmark, UserData

EMPTY = "No bookmarks yet: press b while reading a document to bookmark it."


def bookmark_prompt(bookmark: Bookmark) -> Content:
    """Title; kind, number, the section it was left at, when it was added."""
    title = literal(" ".join(bookmark.title.split()) or bookmark.doc_id, "bold")
    meta = badge(kind_label(bookmark.kind), "kind") if bookmark.kind else Content("")
    details = [f"EO {bookmark.number}" if bookmark.number else "",
               f"at § {bookmark.section}" if bookmark.section else "",
               f"added {bookmark.added[:10]}" if bookmark.added else ""]
    meta += Content.styled(" " + " · ".join(clean_line(d) for d in details if d), "dim")
    return Content("\n").join([title, meta, Content("")])


class BookmarkList(OptionList):
    """The bookmarks, one option each."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]


class BookmarksScreen(Screen[None]):
    """List the bookmarks; choosing one opens its document where it was bookmarked."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("d,delete", "forget", "Remove bookmark"),
    ]

    def __init__(self, userdata: UserData) -> None:
        super().__init__()
        self.userdata = userdata

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Content.styled("Bookmarks", "bold"), id="bookmarks-title")
        yield BookmarkList(id="bookmarks")
        yield Footer()

    def on_mount(self) -> None:
        self.show()
        self.query_one(BookmarkList).focus()

    def show(self) -> None:
        """List the bookmarks as saved now."""
        listing = self.query_one(BookmarkList)
        highlighted = listing.highlighted
        listing.clear_options()
        if not self.userdata.bookmarks:
            listing.add_option(Option(Content.styled(EMPTY, "dim"), disabled=True))
            return
        listing.add_options(Option(bookmark_prompt(b), id=b.doc_id) for b in self.userdata.bookmarks)
        listing.highlighted = min(highlighted or 0, listing.option_count - 1)

    @on(OptionList.OptionSelected, "#bookmarks")
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        bookmark = next((b for b in self.userdata.bookmarks if b.doc_id == event.option.id), None)
        if bookmark is not None:
            self.dismiss()
            # The last reading position, when there is one, is more recent than the bookmark.
            section = None if self.userdata.position(bookmark.doc_id) else bookmark.section
            self.app.post_message(OpenDocument(bookmark.doc_id, section))

    def action_forget(self) -> None:
        option = self.query_one(BookmarkList).highlighted_option
        if option is None or option.id is None:
            return
        try:
            self.userdata.remove_bookmark(option.id)
        except OSError as exc:
            self.notify(f"Could not save the bookmarks: {exc.strerror or exc}", severity="error")
        self.show()
