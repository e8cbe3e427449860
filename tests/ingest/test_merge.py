"""One order's files -> one Document: metadata from the JSON first, body from the best text."""

from __future__ import annotations

from pathlib import Path

from eoreader.ingest.formats import read
from eoreader.ingest.merge import METADATA_ONLY, merge
from eoreader.ingest.source import Source
from eoreader.model import Document, Kind
from tests.conftest import FIXTURES

FILES = {
    "json": FIXTURES / "fr_json" / "EO_13600.json",
    "xml": FIXTURES / "fr_xml" / "EO_13600.xml",
    "html": FIXTURES / "fr_html" / "EO_13600.html",
    "htm": FIXTURES / "gpo_text" / "EO_13600.htm",
}


def part(name: str, replace: tuple[bytes, bytes] | None = None) -> tuple[int, Document]:
    path = FILES[name]
    data = path.read_bytes()
    if replace:
        data = data.replace(*replace)
    doc, reader = read(Source(path, data))
    return reader.rank, doc


def test_every_format_of_an_order_gets_one_id() -> None:
    assert {part(name)[1].id for name in FILES} == {"eo-13600"}


def test_json_metadata_wins_and_xml_gives_the_body() -> None:
    json_part = part("json", (b'"title": "Establishing', b'"title": "Officially Establishing'))
    gpo_part = part("htm", (b"Sec. 2. Establishment.", b"Sec. 2. Creation."))
    merged = merge([gpo_part, json_part, part("xml"), part("html")])
    assert merged.title == "Officially Establishing the President's Global Development Council"
    assert merged.disposition_notes[0] == "Amended by: EO 13652, September 30, 2013"
    assert merged.published is not None and merged.kind is Kind.ORDER
    assert [s.heading for s in merged.sections if s.number][1] == "Establishment"  # the XML's, not the GPO's
    assert merged.sources == sorted(str(FILES[n]) for n in FILES)
    # The JSON's abstract leads; the key points found in the XML's text follow it.
    types = [k.type for k in merged.key_points]
    assert types[0] == "summary" and "summary" not in types[1:]
    assert "directive" in types


def test_json_never_gives_the_body() -> None:
    json_rank, json_doc = part("json")
    assert json_rank == METADATA_ONLY
    merged = merge([(json_rank, json_doc), part("htm")])
    assert [s.anchor for s in merged.sections][:2] == ["preamble", "1"]
    assert merged.citation == "77 FR 8713" and merged.document_number == "2012-3616"


def test_text_fills_what_the_json_lacks() -> None:
    json_rank, json_doc = part("json")
    json_doc.published, json_doc.citation = None, None
    merged = merge([(json_rank, json_doc), part("htm")])
    assert merged.citation == "77 FR 8713" and merged.published is not None


def test_president_from_the_signature_else_from_the_date() -> None:
    signed = part("htm", (b"(Presidential Sig.)", b"(Presidential Sig.)<Clinton1><Clinton2>"))
    assert merge([part("json"), signed]).president == "Clinton"
    assert merge([part("json"), part("htm")]).president == "Obama"


def test_one_part_merges_to_itself() -> None:
    rank, doc = part("xml")
    merged = merge([(rank, doc)])
    assert (merged.title, merged.sections, merged.sources) == (doc.title, doc.sections, doc.sources)


def test_an_unknown_kind_does_not_hide_a_known_one() -> None:
    rank, doc = part("xml")
    doc.kind = Kind.OTHER
    assert merge([(rank, doc), part("htm")]).kind is Kind.ORDER
