"""White House Markdown: front matter, both heading shapes, hard wraps, HTML remnants, fact sheets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eoreader.ingest.decode import Rejected
from eoreader.ingest.formats import read
from eoreader.ingest.source import Source
from eoreader.model import Document, Kind, Relation
from tests.conftest import FIXTURES

WH = FIXTURES / "whitehouse"


def parse(name: str) -> Document:
    path = WH / name
    document, reader = read(Source(path, path.read_bytes()))
    assert reader.name == "whitehouse"
    return document


def outline(doc: Document) -> list[tuple[str, str, str]]:
    return [(s.anchor, s.number, s.heading) for _, s in doc.walk()]


def test_order_sections_form_a_tree_with_preamble_and_signature() -> None:
    doc = parse("order-2021-style.md")
    assert outline(doc) == [
        ("preamble", "", ""), ("1", "1", "Policy"), ("2", "2", "Definitions"), ("2.a", "a", ""),
        ("2.b", "b", ""), ("3", "3", "Review of Records Practices"), ("3.a", "a", ""), ("3.b", "b", ""),
        ("3.b.i", "i", ""), ("3.b.ii", "ii", ""), ("3.c", "c", ""), ("4", "4", "Revocation"),
        ("5", "5", "General Provisions"), ("5.a", "a", ""), ("5.a.i", "i", ""), ("5.a.ii", "ii", ""),
        ("5.b", "b", ""), ("signature", "", ""),
    ]
    assert doc.section("preamble").text.endswith("it is hereby ordered as follows:")
    assert doc.section("signature").text == "JOSEPH R. BIDEN JR.\nTHE WHITE HOUSE, May 12, 2021."


def test_order_metadata_from_front_matter_signature_and_file_name() -> None:
    doc = parse("order-2021-style.md")
    assert doc.id == "order-2021-style"
    assert doc.kind is Kind.ORDER
    assert doc.title == "Executive Order on Keeping Federal Records Safe"
    assert (doc.signed, doc.published) == (dt.date(2021, 5, 12), dt.date(2021, 5, 12))
    assert doc.president == "Biden"
    assert doc.url == "https://www.whitehouse.gov/briefing-room/presidential-actions/2021/05/12/executive-order-on-keeping-records/"
    assert doc.sources == [str(WH / "order-2021-style.md")]


def test_hard_wrapped_lines_and_a_paragraph_broken_mid_sentence_are_joined() -> None:
    doc = parse("order-2021-style.md")
    assert doc.section("3.a").text == (
        "(a) Within 60 days of the date of this order, the Archivist of the United States, in "
        "consultation with the Director of the Office of Management and Budget (OMB), shall review "
        "the records practices of each agency described in subsection (b) of this section and "
        "submit a report to the President."
    )
    # An indented paragraph is text, not a Markdown code block.
    assert doc.section("5.b").text.startswith("(b) This order shall be implemented")


def test_2025_underlined_headings_and_stray_emphasis() -> None:
    doc = parse("order-2025-style.md")
    assert outline(doc)[:6] == [
        ("preamble", "", ""), ("1", "1", "Purpose"), ("2", "2", "Legal Defense"), ("3", "3", "Amendment"),
        ("4", "4", "Equipment"), ("4.a", "a", ""),
    ]
    body = doc.body()
    for remnant in ("<span", "</span>", "text-decoration", "\\(", "*", "&nbsp;", "\xa0"):
        assert remnant not in body
    # The signature's dateline gives the signing date; the page's date is its publication.
    assert (doc.signed, doc.published, doc.president) == (dt.date(2025, 4, 28), dt.date(2025, 4, 29), "Trump")


def test_references_found_while_reading() -> None:
    doc = parse("order-2025-style.md")
    assert [(r.number, r.relation, r.section) for r in doc.references] == [
        ("14159", Relation.AMENDS, "3"), ("14165", Relation.MENTIONS, "3"), ("13768", Relation.MENTIONS, "3"),
    ]


def test_fact_sheet_lead_ins_become_sections_and_bullets_key_points() -> None:
    doc = parse("fact-sheet.md")
    assert doc.kind is Kind.FACT_SHEET
    assert [(s.anchor, s.heading) for s in doc.sections] == [
        ("1", "UNLEASHING LAW ENFORCEMENT"), ("2", "PROTECTING AMERICAN COMMUNITIES"),
    ]
    assert [(k.type, k.section, k.text) for k in doc.key_points] == [
        ("summary", "1", "Today, President Donald J. Trump signed an Executive Order to strengthen and "
                         "unleash America’s law enforcement."),
        ("summary", "1", "The Order directs the Attorney General to provide legal resources to officers."),
        ("summary", "1", "It directs the Secretary of Defense to provide excess military assets."),
        ("summary", "2", "Crime hurts families and communities."),
        ("summary", "2", "The Order prioritizes prosecution of crimes against officers."),
    ]
    for point in doc.key_points:
        assert doc.section(point.section).text[point.start:point.end] == point.text
    # Nested bullets stay in the text, under their parent.
    assert "◦ Officers who are unjustly sued will be defended." in doc.section("1").text
    assert (doc.signed, doc.published, doc.president) == (None, dt.date(2025, 4, 28), "Trump")


def test_proclamation_keeps_its_witness_clause_and_signer_in_the_signature() -> None:
    doc = parse("proclamation.md")
    assert doc.kind is Kind.PROCLAMATION
    assert [s.anchor for s in doc.sections] == ["body", "signature"]
    signature = doc.section("signature").text
    assert signature.startswith("IN WITNESS WHEREOF, I have hereunto set my hand this fourth day of March")
    assert signature.endswith("JOSEPH R. BIDEN JR.")


def test_memorandum_kind_from_its_opening_and_actor_normalised() -> None:
    doc = parse("memorandum-2025.md")
    assert doc.kind is Kind.MEMORANDUM
    assert doc.president == "Trump"
    assert [(k.type, k.actor) for k in doc.key_points] == [
        ("directive", "the heads of executive departments and agencies"),
    ]


def test_front_matter_that_does_not_parse_is_rejected() -> None:
    with pytest.raises(Rejected, match="unreadable front matter"):
        parse("bad-front-matter.md")


def test_front_matter_aliases_are_never_expanded_into_the_title() -> None:
    doc = parse("alias-title.md")
    assert doc.title.startswith("By the authority vested in me")
    assert len(doc.title) <= 101


def test_plain_markdown_without_white_house_front_matter_is_left_to_the_text_reader(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("---\ntitle: My notes\n---\nExecutive Order 14159 is interesting.\n")
    _, reader = read(Source(path, path.read_bytes()))
    assert reader.name == "text"
