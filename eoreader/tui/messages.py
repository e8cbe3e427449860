"""What happened in the interface, posted by widgets and handled by screens and the app."""

from __future__ import annotations

from textual.message import Message


class OpenDocument(Message):
    """The user asked to read a document, optionally at a section, with terms to mark."""

    def __init__(self, doc_id: str, section: str | None = None, query: str = "") -> None:
        super().__init__()
        self.doc_id, self.section, self.query = doc_id, section, query


class SectionChanged(Message):
    """The section at the top of the document view changed (by scrolling or jumping)."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index
