"""The seed's format: plain-text articles with a KEY POINTS block, and plain text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from eoreader.ingest.formats import read
from eoreader.ingest.source import Source
from eoreader.model import Document, Kind
from tests.conftest import FIXTURES, SEED


def parse(path: Path) -> Document:
    document, _ = read(Source(path, path.read_bytes()))
    return document


def test_seed_date_key_points_and_sections() -> None:
    doc = parse(SEED)
    assert doc.published == dt.date(2025, 4, 29)
    assert doc.kind is Kind.ARTICLE
    assert [k.text for k in doc.key_points] == [
        "Trump wants law enforcement officers to be given legal support and 'indemnification'",
        "He also wants 'enhanced sentences' for officials who commit crimes against law enforcement",
        "He also signed an executive order Monday that further emphasizes his immigration crackdown",
    ]
    assert doc.sections[0].anchor == "lead" and doc.sections[0].heading == ""
    assert doc.sections[0].text.startswith("U.S. President Donald Trump on Monday signed")
    assert [s.heading for s in doc.sections[1:]] == [
        "Protection Against 'Demonizing' Law Enforcement",
        "Legal defense support",
        "Local law enforcement empowerment",
        "State and local officials' accountability",
        "Trump Continues Immigration Crackdown",
    ]


def test_seed_title_is_readable_text_from_the_article() -> None:
    doc = parse(SEED)
    assert doc.title == doc.key_points[0].text
    assert not doc.title.lower().startswith(("date", "key points"))


def test_article_of_the_same_shape_parses_the_same_way() -> None:
    doc = parse(FIXTURES / "article" / "budget_article.txt")
    assert doc.published == dt.date(2024, 11, 2)
    assert len(doc.key_points) == 3
    assert doc.key_points[2].text == "Lawmakers said the plan would face a vote in December"
    assert [s.heading for s in doc.sections] == ["", "Spending cuts", "Audit rules"]
    assert "close the state's deficit" in doc.sections[0].text


def test_text_without_key_points_still_has_sections() -> None:
    doc = parse(FIXTURES / "article" / "no_key_points.txt")
    assert doc.key_points == []
    assert [s.heading for s in doc.sections] == ["", "Bus routes", "Funding"]
    assert doc.title.startswith("The city council met on Tuesday")


def test_key_points_are_placed_on_the_sentence_they_summarise() -> None:
    from eoreader.ingest.keypoints import locate_all

    doc = locate_all(parse(SEED))
    first = doc.key_points[0]
    section = doc.section(first.section or "")
    assert section is not None and section.heading == "Legal defense support"
    assert "indemnification" in section.text[first.start:first.end]
