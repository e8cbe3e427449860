"""What happened in the interface, posted by widgets and handled by screens and the app."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from eoreader.search import Results
    from eoreader.tui.searching import Request


class OpenDocument(Message):
    """The user asked to read a document, optionally at a section, with terms to mark."""

    def __init__(self, doc_id: str, section: str | None = None, query: str = "") -> None:
        super().__init__()
        self.doc_id, self.section, self.query = doc_id, section, query


class SectionChanged(Message):
    """The section at the top of the document view changed (by scrolling or jumping)."""

    def __init__(self, index: int, anchor: str = "") -> None:
        super().__init__()
        self.index, self.anchor = index, anchor


class SectionChosen(Message):
    """The user picked a section (at any depth) in the table of contents."""

    def __init__(self, anchor: str) -> None:
        super().__init__()
        self.anchor = anchor


class FollowReference(Message):
    """The user followed a reference to an executive order, by its number."""

    def __init__(self, number: str) -> None:
        super().__init__()
        self.number = number


class KeyPointChosen(Message):
    """The user picked key point `index` (of `Document.key_points`) in the key points panel."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index


class FacetChosen(Message):
    """The user picked a facet value to filter by (or the active one again, to drop it)."""

    def __init__(self, facet: str, value: str) -> None:
        super().__init__()
        self.facet, self.value = facet, value


class Found(Message):
    """A search thread's answer to `request` (`results` None when the search failed: `error`)."""

    def __init__(self, request: Request, results: Results | None, empty_index: bool = False,
                 error: str = "") -> None:
        super().__init__()
        self.request = request
        self.results = results
        self.empty_index = empty_index
        self.error = error
