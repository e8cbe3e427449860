"""Which reader reads which file: an ordered list, tried in turn, routed by content first."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from eoreader.ingest import article
from eoreader.ingest.source import Source
from eoreader.model import Document


class Unsupported(Exception):
    """A file in no format eoreader reads: skipped, not rejected."""


class Reader(NamedTuple):
    """One format: its name, whether it claims a file, how to parse it, how good its body is."""

    name: str
    claims: Callable[[Source], bool]
    parse: Callable[[Source], Document]
    # When one order has several files, the body comes from the lowest rank present.
    rank: int


TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ""}


def looks_binary(source: Source) -> bool:
    """NUL-heavy bytes without a UTF-16/32 BOM are no text format's."""
    head = source.data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    return head.count(b"\x00") > len(head) // 10


def _plain_text(source: Source) -> bool:
    return source.path.suffix.lower() in TEXT_SUFFIXES and not looks_binary(source)


READERS: list[Reader] = [
    Reader("text", _plain_text, lambda s: article.parse(s.path, s.text(), s.doc_id), rank=50),
]


def read(source: Source) -> tuple[Document, Reader]:
    """Parse `source` with the first reader that claims it."""
    for reader in READERS:
        if reader.claims(source):
            return reader.parse(source), reader
    raise Unsupported(f"not a supported format ({source.path.suffix or 'no extension'})")
