"""The Federal Register part of ../shared/corpus: every file accounted for, one document per
order, the JSON's metadata kept, and the GPO text's sections equal to the XML's."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

from eoreader import Library
from eoreader.ingest import Summary
from eoreader.ingest.formats import read
from eoreader.ingest.source import Source
from eoreader.model import Document, Kind
from eoreader.sanitize import clean_line
from tests.conftest import require_corpus

# The bar: the .htm alone gives the .xml's section numbers and headings this often.
MIN_SECTION_AGREEMENT = 0.98


@pytest.fixture(scope="module")
def corpus() -> Path:
    return require_corpus()


@pytest.fixture(scope="module")
def ingested(corpus_ingest: tuple[Path, Summary]) -> Iterator[tuple[Summary, Library]]:
    """The session's corpus index, and the summary of its first ingest of the corpus."""
    folder, summary = corpus_ingest
    with Library(folder) as library:
        yield summary, library


def orders(corpus: Path) -> dict[str, list[Path]]:
    """Order number -> its files in federal-register/ ("EO_13145.xml" ...)."""
    files: dict[str, list[Path]] = defaultdict(list)
    for path in sorted((corpus / "federal-register").iterdir()):
        files[path.stem.removeprefix("EO_")].append(path)
    return files


def test_every_file_is_accounted_for_once(corpus: Path, ingested: tuple[Summary, Library]) -> None:
    summary, _ = ingested
    on_disk = sorted(str(p.absolute()) for p in corpus.rglob("*") if p.is_file())
    reported = summary.indexed + summary.merged + summary.unchanged + [p.path for p in summary.skipped + summary.rejected]
    assert sorted(str(Path(p).absolute()) for p in reported) == on_disk
    assert summary.files == len(on_disk)


def test_no_federal_register_file_is_rejected_or_skipped(ingested: tuple[Summary, Library]) -> None:
    summary, _ = ingested
    problems = [p for p in summary.rejected + summary.skipped if "/federal-register/" in p.path]
    assert problems == []


def test_one_document_per_order_from_all_its_files(corpus: Path, ingested: tuple[Summary, Library]) -> None:
    _, library = ingested
    wrong = []
    for number, files in orders(corpus).items():
        doc = library.get(f"eo-{number}")
        if doc.kind is not Kind.ORDER or sorted(Path(s).name for s in doc.sources) != [f.name for f in files]:
            wrong.append((number, doc.kind, [Path(s).name for s in doc.sources]))
    assert wrong == []


def test_numbers_titles_and_dates_equal_the_json(corpus: Path, ingested: tuple[Summary, Library]) -> None:
    _, library = ingested
    differ = []
    checked = 0
    for path in sorted((corpus / "federal-register").glob("*.json")):
        meta = json.loads(path.read_text(encoding="utf-8"))
        number = meta["executive_order_number"] or path.stem.removeprefix("EO_")
        doc = library.get(f"eo-{number}")
        got = (doc.number, doc.title, str(doc.signed), str(doc.published))
        want = (str(number), clean_line(meta["title"]), meta["signing_date"], meta["publication_date"])
        checked += 1
        if got != want:
            differ.append((path.name, got, want))
    assert checked == 805 and differ == []


def outline(doc: Document) -> list[tuple[str, str]]:
    """The numbered sections (those inside parts too) as (number, heading), headings normalised."""
    out = []
    for section in doc.sections:
        if section.number:
            out.append((section.number, _normal(section.heading)))
        if section.number.startswith("Part "):
            out += [(s.number, _normal(s.heading)) for s in section.subsections
                    if not s.anchor.startswith(section.anchor + ".")]
    return out


def _normal(heading: str) -> str:
    heading = re.sub(r"[“”\"‘’'`]+", '"', heading)
    return " ".join(re.sub(r"—|–|--", "-", heading).split()).rstrip(" .:")


def test_gpo_text_alone_gives_the_xml_sections(corpus: Path) -> None:
    pairs = [(files[0].with_suffix(".xml"), files[0].with_suffix(".htm")) for files in orders(corpus).values()
             if {f.suffix for f in files} >= {".xml", ".htm"}]
    failures = []
    for xml, htm in pairs:
        want, got = (outline(read(Source(p, p.read_bytes()))[0]) for p in (xml, htm))
        if want != got:
            failures.append((xml.stem, [s for s in want if s not in got][:3], [s for s in got if s not in want][:3]))
    agreement = 1 - len(failures) / len(pairs)
    print(f"\nsections from .htm equal to .xml: {len(pairs) - len(failures)}/{len(pairs)} = {agreement:.2%}")
    for name, only_xml, only_htm in failures:
        print(f"  {name}: xml only {only_xml}; htm only {only_htm}")
    assert len(pairs) == 619
    assert agreement >= MIN_SECTION_AGREEMENT
