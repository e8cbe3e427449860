"""Command palette (ctrl+p) entries that depend on the index: orders by number, sections, bookmarks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from eoreader.sanitize import clean_line
from eoreader.tui.messages import OpenDocument, SectionChosen
from eoreader.tui.text import short_label

if TYPE_CHECKING:
    from eoreader.tui.app import EOReaderApp

# What the user types to open an order: "13131", "EO 13131", "E.O. 13131".
_NUMBER = re.compile(r"^\s*(?:e\.?\s?o\.?|executive\s+order)?\s*(\d{4,5})\s*$", re.I)


def highlight(matcher: Matcher, text: str) -> Content:
    """`text` with the matched letters styled; unlike `Matcher.highlight`, never read as markup."""
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if not score or matcher.match_style is None:
        return content
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class DocumentCommands(Provider):
    """Open an order by its number, jump to a section of the document read, open a bookmark."""

    @property
    def eoreader(self) -> EOReaderApp:
        return self.app  # type: ignore[return-value]

    def _entries(self) -> Iterator[tuple[str, str, object]]:
        """(name, help, message to post) for each section of the document read and each bookmark."""
        from eoreader.tui.screens.reader import ReaderScreen

        screen = self.screen
        if isinstance(screen, ReaderScreen):
            for _, section in screen.document.walk():
                name = f"§ {short_label(section, 60)}"
                yield name, "Jump to this section", SectionChosen(section.anchor)
        for bookmark in self.eoreader.userdata.bookmarks:
            title = clean_line(bookmark.title) or bookmark.doc_id
            yield f"★ {title}", "Open this bookmark", OpenDocument(bookmark.doc_id)

    def _post(self, message: object) -> None:
        target = self.screen if isinstance(message, SectionChosen) else self.app
        target.post_message(message)  # type: ignore[arg-type]

    async def discover(self) -> Hits:
        for name, help_text, message in self._entries():
            yield DiscoveryHit(Content(name), lambda m=message: self._post(m), text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        if typed := _NUMBER.match(query):
            number = typed.group(1)
            library = self.eoreader.library
            doc_id = library.resolve(query)
            if doc_id is not None:
                title = clean_line(library.get(doc_id).title)
                name = f"Open EO {number}: {title}"
                yield Hit(1.0, Content(name), lambda: self.app.post_message(OpenDocument(doc_id)), text=name,
                          help="Open this executive order")
            else:
                yield Hit(0.9, Content(f"EO {number} is not in the index"), lambda: None,
                          text=f"EO {number}", help="Ingest it first (“Ingest a folder…”)")
        matcher = self.matcher(query)
        for name, help_text, message in self._entries():
            if (score := matcher.match(name)) > 0:
                yield Hit(score, highlight(matcher, name), lambda m=message: self._post(m), text=name, help=help_text)
