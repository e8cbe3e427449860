"""Which reader reads which file: an ordered list, tried in turn, routed by content first."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from eoreader.ingest import article, fr_html, fr_json, fr_xml, gpo_text, pdf, whitehouse
from eoreader.ingest.decode import Unsupported as Unsupported  # re-exported: callers import it from here
from eoreader.ingest.merge import METADATA_ONLY
from eoreader.ingest.sniff import claims
from eoreader.ingest.source import Source
from eoreader.model import Document


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
    # Federal Register formats, claimed by content first (an HTML page named .pdf is HTML).
    Reader("fr-json", claims({"json"}, {".json"}), fr_json.parse, rank=METADATA_ONLY),
    Reader("fr-xml", claims({"fr-xml", "xml"}, {".xml"}), fr_xml.parse, rank=10),
    Reader("fr-html", claims({"fr-html"}, {".html", ".htm", ".xhtml"}, frozenset({None, "html"})), fr_html.parse,
           rank=20),
    Reader("gpo-text", claims({"gpo"}, set()), gpo_text.parse, rank=30),
    Reader("pdf", claims({"pdf"}, {".pdf"}, weak=None), pdf.parse, rank=40),
    Reader("whitehouse", whitehouse.claims, whitehouse.parse, rank=25),
    Reader("text", _plain_text, lambda s: article.parse(s.path, s.text(), s.doc_id), rank=50),
]


def read(source: Source) -> tuple[Document, Reader]:
    """Parse `source` with the first reader that claims it."""
    for reader in READERS:
        if reader.claims(source):
            return reader.parse(source), reader
    raise Unsupported(f"not a supported format ({source.path.suffix or 'no extension'})")
