"""Federal Register full-text XML: the document element, sections from markup, safe parsing."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from eoreader.ingest.decode import Rejected, Unsupported
from eoreader.ingest.formats import read
from eoreader.ingest.source import Source
from eoreader.model import Document, Kind
from tests.conftest import FIXTURES

XML = FIXTURES / "fr_xml"


def parse(path: Path) -> Document:
    doc, reader = read(Source(path, path.read_bytes()))
    assert reader.name == "fr-xml"
    return doc


def test_order_metadata_sections_and_signature() -> None:
    doc = parse(XML / "EO_13600.xml")
    assert (doc.id, doc.kind, doc.number, doc.signed) == ("eo-13600", Kind.ORDER, "13600", dt.date(2012, 2, 9))
    assert doc.title == "Establishing the President's Global Development Council"
    assert doc.document_number == "2012-3616"
    assert [(s.anchor, s.number, s.heading) for s in doc.sections] == [
        ("preamble", "", ""),
        ("1", "1", "Policy"),
        ("2", "2", "Establishment"),
        ("3", "3", "Mission and Functions"),
        ("4", "4", "General Provisions"),
        ("signature", "", ""),
    ]
    mission = doc.section("3")
    assert mission is not None and mission.text.endswith("The Council shall meet regularly and shall:")
    # The page marker inside the paragraph leaves no trace in the text.
    assert "National Economic Council staff" in mission.text
    assert [s.anchor for _, s in mission.walk()] == ["3", "3.a", "3.a.i", "3.a.ii", "3.b"]
    assert doc.section("signature").text == "THE WHITE HOUSE,\nFebruary 9, 2012."  # type: ignore[union-attr]


def test_billion_laughs_is_rejected_at_once() -> None:
    started = time.perf_counter()
    with pytest.raises(Rejected, match="DTD"):
        parse(XML / "billion_laughs.xml")
    assert time.perf_counter() - started < 1.0


def test_external_entities_are_neither_fetched_nor_read() -> None:
    with pytest.raises(Rejected, match="DTD") as caught:
        parse(XML / "external_entity.xml")
    assert "root:" not in str(caught.value)


def test_truncated_xml_is_rejected_with_line_and_column() -> None:
    with pytest.raises(Rejected, match=r"malformed XML at line \d+, column \d+"):
        parse(XML / "truncated.xml")


def test_undefined_entity_is_rejected_with_its_position() -> None:
    with pytest.raises(Rejected, match=r"malformed XML at line 1, column \d+: Entity 'eacute' not defined"):
        parse(XML / "undefined_entity.xml")


def test_empty_xml_is_rejected() -> None:
    with pytest.raises(Rejected, match="empty"):
        parse(XML / "empty.xml")


def test_xml_without_a_presidential_document_is_skipped() -> None:
    with pytest.raises(Unsupported, match="presidential"):
        parse(XML / "not_presidential.xml")


def test_a_proclamation_gets_its_kind_and_number() -> None:
    xml = (
        b"<PRESDOCU><PROCLA><PROC>Proclamation 7463 of September 14, 2001</PROC>"
        b'<HD SOURCE="HED">Declaration of National Emergency</HD>'
        b"<FP>A national emergency exists.</FP><FP>NOW, THEREFORE, I do hereby proclaim.</FP>"
        b"<PSIG>B</PSIG></PROCLA></PRESDOCU>"
    )
    doc, _ = read(Source(Path("proclamation.xml"), xml))
    assert (doc.id, doc.kind, doc.number, doc.president) == ("proclamation-7463", Kind.PROCLAMATION, "7463", "Bush")
