"""Every White House page of the shared corpus: read, cleaned, structured and typed."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import frontmatter
import pytest

from eoreader.ingest.formats import read
from eoreader.ingest.kinds import detect_kind, kind_from_title
from eoreader.ingest.markdown import blocks
from eoreader.ingest.source import Source
from eoreader.model import Document, Kind
from tests.conftest import require_corpus

_REMNANTS = re.compile(r"<span|</|&nbsp;|&#|\\[()*_\[\]]|text-decoration|\*\*|<!--")
# A section heading as the raw page sets it: "Section 1.", "Sec*.* 12.", "<span ...>Sec</span>. <span ...>2</span>."
_SECTION_MARKERS = re.compile(r"(?m)^\s*(?:<span[^>]*>)?\s*(?:Section|Sec)(?:\W|<[^>]*>){0,8}\d+(?:</span>)?\s*\.")


@pytest.fixture(scope="module")
def pages() -> list[tuple[Path, Document]]:
    files = sorted((require_corpus() / "whitehouse").glob("*/*/*.md"))
    out = []
    for path in files:
        document, reader = read(Source(path, path.read_bytes()))
        assert reader.name == "whitehouse", path
        out.append((path, document))
    return out


def test_every_page_is_read_with_its_file_name_title_and_date(pages: list[tuple[Path, Document]]) -> None:
    assert len(pages) == 2026
    for path, doc in pages:
        assert doc.id == re.sub(r"[^a-z0-9_.-]+", "-", path.stem.lower()).strip("-.")
        assert doc.title and doc.published and doc.president in ("Biden", "Trump")
        assert doc.sources == [str(path)]


def test_no_html_or_markdown_remnants_in_any_text(pages: list[tuple[Path, Document]]) -> None:
    dirty = [path.name for path, doc in pages if _REMNANTS.search(doc.body() + doc.title)]
    assert dirty == []


def test_orders_with_numbered_sections_get_them_all(pages: list[tuple[Path, Document]]) -> None:
    """Every shape of heading: "Section 1.  Policy.", the 2025 underlined spans, "Sec*.* 12."."""
    checked, missed = 0, []
    for path, doc in pages:
        markers = len(_SECTION_MARKERS.findall(path.read_text()))
        if doc.kind is not Kind.ORDER or markers < 2:
            continue
        checked += 1
        numbered = [s for _, s in doc.walk() if s.number.isdigit()]
        if len(numbered) < markers:
            missed.append((path.name, markers, len(numbered)))
    print(f"\nwhite house orders: {checked - len(missed)}/{checked} with every numbered section; missed {missed}")
    assert len(missed) <= checked * 0.02


def test_kinds_from_the_text_agree_with_the_kind_the_title_names(pages: list[tuple[Path, Document]]) -> None:
    """The title names the kind for most pages; the text alone must tell the same for 2025's untitled ones."""
    agree, total = Counter(), 0
    for path, doc in pages:
        named = kind_from_title(doc.title)
        if named in (Kind.ORDER, Kind.PROCLAMATION, Kind.MEMORANDUM, Kind.NOTICE):
            total += 1
            text = "\n".join(b.text for b in blocks(frontmatter.loads(path.read_text()).content))
            agree[detect_kind(text) is named] += 1
            assert doc.kind is named
    share = agree[True] / total
    print(f"\nkind from the text alone agrees with the title for {share:.3f} of {total} pages")
    assert share >= 0.95
    counts = Counter(doc.kind for _, doc in pages)
    assert counts[Kind.ORDER] > 250 and counts[Kind.PROCLAMATION] > 700 and counts[Kind.FACT_SHEET] >= 90


def test_signing_date_from_the_dateline(pages: list[tuple[Path, Document]]) -> None:
    docs = {path.stem: doc for path, doc in pages}
    nungaray = docs["2025-03-05-honoring-jocelyn-nungaray"]
    assert (str(nungaray.signed), str(nungaray.published)) == ("2025-03-04", "2025-03-05")


def test_every_key_point_is_its_span(pages: list[tuple[Path, Document]]) -> None:
    counts: Counter[str] = Counter()
    for _, doc in pages:
        for point in doc.key_points:
            counts[point.type] += 1
            assert doc.section(point.section).text[point.start:point.end] == point.text
    print(f"\nwhite house key points: {dict(counts)}")
    assert counts["summary"] > 1000 and counts["deadline"] > 500 and counts["directive"] > 2000
