"""federalregister.gov HTML fragments: paragraphs, bare sub-paragraph lines, page markers dropped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from eoreader.ingest.formats import read
from eoreader.ingest.source import Source
from eoreader.model import Document, Kind
from tests.conftest import FIXTURES

HTML = FIXTURES / "fr_html" / "EO_13600.html"


def parse(path: Path, name: str | None = None) -> tuple[Document, str]:
    doc, reader = read(Source(path.with_name(name) if name else path, path.read_bytes()))
    return doc, reader.name


def test_order_from_the_fragment() -> None:
    doc, reader = parse(HTML)
    assert reader == "fr-html"
    assert (doc.id, doc.kind, doc.number, doc.signed) == ("eo-13600", Kind.ORDER, "13600", dt.date(2012, 2, 9))
    # The title's last word sits outside the <h1> in the page; it is put back.
    assert doc.title == "Establishing the President's Global Development Council"
    assert doc.document_number == "2012-3616"
    assert [(s.number, s.heading) for s in doc.sections if s.number] == [
        ("1", "Policy"), ("2", "Establishment"), ("3", "Mission and Functions"), ("4", "General Provisions"),
    ]
    assert [s.anchor for _, s in doc.walk()] == [
        "preamble", "1", "2", "3", "3.a", "3.a.i", "3.a.ii", "3.b", "4", "4.a", "4.b", "signature",
    ]


def test_page_markers_scripts_and_filing_lines_are_gone() -> None:
    doc, _ = parse(HTML)
    body = doc.body()
    assert "Start Printed Page" not in body and "Injected" not in body and "Filed 2-13-12" not in body
    mission = doc.section("3")
    assert mission is not None and "National Economic Council staff" in mission.text
    assert doc.section("signature").text == "THE WHITE HOUSE,\nFebruary 9, 2012."  # type: ignore[union-attr]


def test_html_named_pdf_is_read_as_html() -> None:
    doc, reader = parse(HTML, "EO_13600.pdf")
    assert (reader, doc.id) == ("fr-html", "eo-13600")


def test_any_html_page_gives_its_paragraphs() -> None:
    page = b"<html><body><h1>Notice on the Continuation</h1><p>The emergency continues.</p></body></html>"
    doc, reader = read(Source(Path("notice.html"), page))
    assert (reader.name, doc.title, doc.kind) == ("fr-html", "Notice on the Continuation", Kind.NOTICE)
    assert doc.sections[0].text == "The emergency continues."
