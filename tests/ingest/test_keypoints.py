"""Key points found in an order's text: policy, changes, definitions, directives, deadlines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from eoreader import Library
from eoreader.ingest.formats import read
from eoreader.ingest.keypoints import key_points, locate_all
from eoreader.ingest.references import find_references
from eoreader.ingest.source import Source
from eoreader.model import Document, KeyPoint, Kind, Section
from tests.conftest import FIXTURES, SEED


def parse(path: Path) -> Document:
    document, _ = read(Source(path, path.read_bytes()))
    return document


def test_key_points_of_an_order_by_type_in_reading_order() -> None:
    doc = parse(FIXTURES / "whitehouse" / "order-2021-style.md")
    assert [(k.type, k.section, k.actor, k.due) for k in doc.key_points] == [
        ("policy", "1", "", None),
        ("definition", "2.a", "", None),
        ("definition", "2.b", "", None),
        ("directive", "3.a", "the Archivist of the United States", None),
        ("deadline", "3.a", "the Archivist of the United States", dt.date(2021, 7, 11)),
        ("directive", "3.b.i", "the Director of OMB", None),
        ("deadline", "3.b.i", "the Director of OMB", dt.date(2021, 8, 10)),
        ("directive", "3.b.ii", "the Director of OMB", None),
        ("deadline", "3.b.ii", "the Director of OMB", dt.date(2022, 5, 12)),
        ("directive", "3.c", "the heads of executive departments and agencies", None),
        ("deadline", "3.c", "the heads of executive departments and agencies", None),
        ("revokes", "4", "", None),
    ]


def test_every_key_point_is_the_text_of_its_span() -> None:
    for name in ("order-2021-style.md", "order-2025-style.md", "fact-sheet.md", "memorandum-2025.md"):
        doc = parse(FIXTURES / "whitehouse" / name)
        for point in doc.key_points:
            assert doc.section(point.section).text[point.start:point.end] == point.text


def test_policy_takes_a_second_sentence_when_the_first_is_short() -> None:
    doc = parse(FIXTURES / "whitehouse" / "order-2021-style.md")
    policy = next(k for k in doc.key_points if k.type == "policy")
    assert policy.text == ("It is the policy of my Administration to keep the records of the Federal "
                           "Government safe. Records are the memory of the Nation.")


def test_the_example_of_the_issue_is_due_sixty_days_after_signing() -> None:
    doc = parse(FIXTURES / "whitehouse" / "order-2025-style.md")
    assert doc.signed == dt.date(2025, 4, 28)
    deadlines = [(k.section, k.actor, k.due) for k in doc.key_points if k.type == "deadline"]
    assert deadlines == [
        ("2", "the Attorney General", dt.date(2025, 6, 27)),
        ("4.a", "the Secretary of Defense; the Attorney General", dt.date(2026, 3, 1)),
        ("4.b", "the Secretary of Defense; the Secretary of Homeland Security", dt.date(2026, 4, 28)),
    ]
    assert [k.text[:38] for k in doc.key_points if k.type == "amends"] == ["Executive Order 14159 of January 20, 2"]


def test_boilerplate_is_no_directive() -> None:
    doc = Document(id="x", kind=Kind.ORDER, sections=[Section("5", text=(
        "(a) Nothing in this order shall be construed to impair the authority of an agency. "
        "(b) This order shall be implemented consistent with applicable law. "
        "(c) The costs for publication of this order shall be borne by the Department of State."))])
    assert key_points(doc) == []


def test_articles_and_fact_sheets_get_no_found_key_points() -> None:
    doc = parse(SEED)
    assert doc.kind is Kind.ARTICLE
    assert key_points(doc) == []
    find_references(doc)
    assert all(r.relation.value == "mentions" for r in doc.references)


def test_the_seed_keeps_exactly_its_three_key_points(seed_library: Library) -> None:
    doc = seed_library.get(SEED.stem)
    assert [k.type for k in doc.key_points] == ["summary"] * 3
    assert all(k.section is not None for k in doc.key_points)


def test_locate_all_places_only_points_without_a_place() -> None:
    doc = Document(id="x", sections=[Section("lead", text="The mayor opened the new bridge on Monday. It rained.")])
    placed = KeyPoint("Rain fell", type="summary", section="lead", start=43, end=52)
    loose = KeyPoint("Mayor opens bridge", type="summary")
    doc.key_points = [placed, loose]
    locate_all(doc)
    assert (placed.section, placed.start, placed.end) == ("lead", 43, 52)
    assert (loose.section, loose.start, loose.end) == ("lead", 0, 42)
