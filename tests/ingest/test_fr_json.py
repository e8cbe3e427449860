"""Federal Register API JSON: metadata only, notes split, abstract as a summary key point."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eoreader.ingest.decode import Rejected
from eoreader.ingest.formats import read
from eoreader.ingest.source import Source
from eoreader.model import Document, Kind
from tests.conftest import FIXTURES

JSON = FIXTURES / "fr_json"


def parse(path: Path, name: str | None = None) -> tuple[Document, str]:
    source = Source(path.with_name(name) if name else path, path.read_bytes())
    doc, reader = read(source)
    return doc, reader.name


def test_metadata_of_an_order() -> None:
    doc, reader = parse(JSON / "EO_13600.json")
    assert reader == "fr-json"
    assert (doc.id, doc.kind, doc.number) == ("eo-13600", Kind.ORDER, "13600")
    assert doc.title == "Establishing the President's Global Development Council"
    assert (doc.signed, doc.published) == (dt.date(2012, 2, 9), dt.date(2012, 2, 14))
    assert (doc.citation, doc.document_number) == ("77 FR 8713", "2012-3616")
    assert doc.agencies == ["Executive Office of the President"]
    assert doc.disposition_notes == ["Amended by: EO 13652, September 30, 2013", "Continued by: EO 13708, September 30, 2015"]
    assert [(k.type, k.text) for k in doc.key_points] == [
        ("summary", "Establishes a council of outside experts to advise the President on global development policy.")
    ]
    assert doc.url and doc.url.startswith("https://www.federalregister.gov/documents/2012/02/14/2012-3616/")
    assert doc.sections == []


def test_a_missing_number_comes_from_the_file_name_and_text_is_cleaned() -> None:
    doc, _ = parse(JSON / "EO_12988.json")
    assert (doc.id, doc.number) == ("eo-12988", "12988")
    assert "\x1b" not in doc.title and "\x07" not in doc.title and "\ud800" not in doc.title
    assert doc.title.startswith("Civil Justice Reform")


def test_json_is_routed_by_content_whatever_its_name() -> None:
    doc, reader = parse(JSON / "EO_13600.json", "EO_13600.txt")
    assert (reader, doc.id) == ("fr-json", "eo-13600")


def test_truncated_json_is_rejected_with_its_position() -> None:
    with pytest.raises(Rejected, match=r"malformed JSON at line 1, column \d+"):
        parse(JSON / "truncated.json")


def test_json_of_another_shape_is_rejected_with_a_reason() -> None:
    with pytest.raises(Rejected, match="wrong shape"):
        parse(JSON / "package.json")
