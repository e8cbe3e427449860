"""Routing: content decides which reader reads a file, its name only breaks ties."""

from __future__ import annotations

from pathlib import Path

import pytest

from eoreader.ingest.formats import read
from eoreader.ingest.sniff import content_type
from eoreader.ingest.source import Source
from tests.conftest import FIXTURES

ORDER = {
    "fr-json": FIXTURES / "fr_json" / "EO_13600.json",
    "fr-xml": FIXTURES / "fr_xml" / "EO_13600.xml",
    "fr-html": FIXTURES / "fr_html" / "EO_13600.html",
    "gpo-text": FIXTURES / "gpo_text" / "EO_13600.htm",
}


@pytest.mark.parametrize("reader", sorted(ORDER))
@pytest.mark.parametrize("name", ["EO_13600.txt", "EO_13600.pdf", "EO_13600.xml", "EO_13600"])
def test_each_format_is_read_by_its_reader_whatever_its_name(reader: str, name: str) -> None:
    doc, chosen = read(Source(Path(name), ORDER[reader].read_bytes()))
    assert (chosen.name, doc.id) == (reader, "eo-13600")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n...", "pdf"),
        (b"\xef\xbb\xbf  {\"title\": 1}", "json"),
        ("<PRESDOCU><EXECORD/></PRESDOCU>".encode("utf-16"), "fr-xml"),
        (b"<?xml version='1.0'?><rss/>", "xml"),
        (b"<html><body><pre>[Federal Register Volume 1, Number 2 (Monday, May 1, 2000)]", "gpo"),
        (b'  <a class="eo" href="/executive-order/1">Executive Order 1</a>', "fr-html"),
        (b"<!DOCTYPE html><html><p>hi</p></html>", "html"),
        (b"---\ntitle: x\n---\nText", None),
        (b"", None),
    ],
)
def test_content_type(data: bytes, expected: str | None) -> None:
    assert content_type(data) == expected
