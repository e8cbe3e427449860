"""GPO basic text: page headers and markers dropped, hard-wrapped lines joined, GPO escapes read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from eoreader.ingest.formats import read
from eoreader.ingest.gpo_text import unescape
from eoreader.ingest.source import Source
from eoreader.model import Document, Kind
from tests.conftest import FIXTURES

HTM = FIXTURES / "gpo_text" / "EO_13600.htm"


def parse(path: Path = HTM) -> Document:
    doc, reader = read(Source(path, path.read_bytes()))
    assert reader.name == "gpo-text"
    return doc


def test_metadata_from_the_page() -> None:
    doc = parse()
    assert (doc.id, doc.kind, doc.number) == ("eo-13600", Kind.ORDER, "13600")
    assert (doc.signed, doc.published) == (dt.date(2012, 2, 9), dt.date(2012, 2, 14))
    assert (doc.citation, doc.document_number) == ("77 FR 8713", "2012-3616")
    # Wrapped over two lines, the second indented: one title.
    assert doc.title == "Establishing the President's Global Development Council"


def test_sections_match_the_xml_of_the_same_order() -> None:
    doc = parse()
    xml, _ = read(Source(FIXTURES / "fr_xml" / "EO_13600.xml", (FIXTURES / "fr_xml" / "EO_13600.xml").read_bytes()))
    assert [(s.anchor, s.number, s.heading) for _, s in doc.walk()] == [
        (s.anchor, s.number, s.heading) for _, s in xml.walk()
    ]
    assert [s.text for _, s in doc.walk()] == [s.text for _, s in xml.walk()]


def test_page_break_inside_a_paragraph_is_closed_up() -> None:
    mission = parse().section("3")
    assert mission is not None
    assert mission.text == (
        "The Council shall advise and support the President, through the National Security Staff and the "
        "National Economic Council staff, in furtherance of the policy set forth in section 1 of this order. "
        "The Council shall meet regularly and shall:"
    )


def test_headers_markers_and_trailer_are_not_text() -> None:
    body = parse().body()
    for furniture in ("[[Page", "Federal Register / Vol.", "FR Doc", "Billing code", "GRAPHIC", "Presidential Sig"):
        assert furniture not in body


def test_gpo_escapes() -> None:
    assert unescape("the ``Act''--as amended--C[ocirc]te d'Ivoire [t] <Clinton1> R&D") == (
        "the “Act”—as amended—Côte d'Ivoire [t]  R&D"
    )


def test_signature_names_the_president() -> None:
    text = HTM.read_bytes().replace(b"(Presidential Sig.)", b"(Presidential Sig.)<Clinton1><Clinton2>")
    doc, _ = read(Source(HTM, text))
    assert doc.president == "Clinton"
    assert parse().president is None  # no signer in the page: merge falls back to the date
