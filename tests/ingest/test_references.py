"""References to other orders and what a sentence does to them."""

from __future__ import annotations

import pytest

from eoreader.ingest.mentions import order_mentions
from eoreader.ingest.references import find_references, relations
from eoreader.model import Document, Kind, Reference, Relation, Section

R, A, S, M = Relation.REVOKES, Relation.AMENDS, Relation.SUPERSEDES, Relation.MENTIONS


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Executive Order 13787 of March 31, 2017 (Providing an Order of Succession Within the Department "
     "of Justice), is hereby revoked.", [("13787", R)]),
    ("Executive Order 14193 of February 1, 2025 (Imposing Duties), as amended by Executive Order 14197 "
     "of February 3, 2025 (Progress), is further amended by revising section 2(h) to read as follows:",
     [("14193", A), ("14197", M)]),
    ("This order supersedes E.O. 12958 and Executive Orders 12345, 12346, and 12347.",
     [("12958", S), ("12345", S), ("12346", S), ("12347", S)]),
    ("Executive Orders 13985 of January 20, 2021 (Advancing Racial Equity), 14035 of June 25, 2021 "
     "(Diversity), and 14091 are hereby revoked.", [("13985", R), ("14035", R), ("14091", R)]),
    ("Section 3 of Executive Order No. 12963 is amended by striking “Executive Order 11111” and "
     "inserting “Executive Order 22222”.", [("12963", A), ("11111", M), ("22222", M)]),
    ("Sections 1 through 4 of Executive Order 13062 are superseded.", [("13062", A)]),
    ("Nothing in this order shall supersede the remainder of Executive Order 12968.", [("12968", M)]),
    ("The functions established by EO 12866 shall be performed by the Director.", [("12866", M)]),
    ("Accordingly, I hereby terminate the national emergency declared in Executive Order 13617, "
     "revoke that order, and further order:", [("13617", R)]),
    ("This order supersedes Executive Order 13560 of December 14, 2010 (Council), and Executive Order "
     "13602 of March 15, 2012 (Cities), which are hereby revoked.",
     [("13560", S), ("13560", R), ("13602", S), ("13602", R)]),
    ("Executive Order 12964, as amended by Executive Orders 12987 and 13032, is revoked.",
     [("12964", R), ("12987", M), ("13032", M)]),
    ("Executive Order 12866 of September 30, 1993 (Regulatory Planning and Review) remains in effect.",
     [("12866", M)]),
])
def test_relations_in_a_sentence(sentence: str, expected: list[tuple[str, Relation]]) -> None:
    assert relations(sentence) == expected


def test_mentions_name_the_number_and_its_place() -> None:
    text = "See Executive Order No. 12,963 and EO 14159 of January 20, 2025, but not the year 1993."
    mentions = order_mentions(text)
    assert [m.number for m in mentions] == ["12963", "14159"]
    assert text[mentions[0].start:].startswith("Executive Order No. 12,963")
    assert text[mentions[1].start:mentions[1].end] == "EO 14159 of January 20, 2025"


def order(*sections: Section, number: str | None = None, kind: Kind = Kind.ORDER) -> Document:
    return Document(id="doc", kind=kind, number=number, sections=list(sections))


def test_a_list_introduction_gives_its_relation_to_the_items_below() -> None:
    doc = order(Section("3", heading="Revocations", text="The following orders are revoked:", subsections=[
        Section("3.a", text="(a) Executive Order 12891, establishing the Advisory Committee;"),
        Section("3.b", text="(b) Executive Order 12964, as amended by Executive Order 12987."),
    ]))
    assert [(r.number, r.relation, r.section) for r in find_references(doc)] == [
        ("12891", R, "3.a"), ("12964", R, "3.b"), ("12987", M, "3.b"),
    ]
    assert doc.references == find_references(doc)


def test_each_order_once_per_section_with_every_change_and_no_self_reference() -> None:
    doc = order(Section("1", text="Executive Order 13000 is revoked. Executive Order 13000 was important. "
                                  "Executive Order 14000 is this order."), number="14000")
    assert [(r.number, r.relation) for r in find_references(doc)] == [("13000", R)]


def test_a_heading_naming_the_change_applies_to_its_order() -> None:
    doc = order(Section("5", heading="Revocation of Executive Order 13787", text="That order is withdrawn."))
    assert [(r.number, r.relation) for r in find_references(doc)] == [("13787", R)]


def test_fact_sheets_and_articles_only_mention_orders() -> None:
    text = "The Order revokes Executive Order 14110 of October 30, 2023."
    for kind in (Kind.FACT_SHEET, Kind.ARTICLE):
        doc = order(Section("1", text=text), kind=kind)
        assert find_references(doc) == [Reference("14110", M, "1", text)]
