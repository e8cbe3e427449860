"""The index: re-ingest updates instead of duplicating; no query raises."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eoreader import Library
from eoreader.library import NotFound
from tests.conftest import SEED, SEEDS, require_corpus


def test_reingesting_the_same_file_does_not_duplicate(index_dir: Path) -> None:
    with Library(index_dir) as library:
        first = library.ingest([SEEDS])
        second = library.ingest([SEED])
        assert len(first.indexed) == 1
        assert len(second.unchanged) == 1
        assert len(library) == 1


def test_changed_file_updates_its_document(index_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "src" / SEED.name
    copy.parent.mkdir()
    shutil.copy(SEED, copy)
    with Library(index_dir) as library:
        library.ingest([copy])
        copy.write_text(copy.read_text().replace("indemnification", "reimbursement"))
        summary = library.ingest([copy])
        assert summary.indexed == [str(copy)]
        assert len(library) == 1
        assert library.search("reimbursement").total == 1
        assert library.search("indemnification").total == 0


def test_search_hit_has_section_and_marked_snippet(seed_library: Library) -> None:
    results = seed_library.search("indemnification")
    assert results.total == 1
    hit = results.hits[0]
    assert hit.kind == "article"
    assert hit.section_heading == "Legal defense support"
    marked = [hit.snippet.text[s:e] for s, e in hit.snippet.marks]
    assert marked and all(m.lower() == "indemnification" for m in marked)


def test_stemming_finds_other_forms(seed_library: Library) -> None:
    assert seed_library.search("enforce").total == 1


@pytest.mark.parametrize("query", [
    '"unbalanced quote', "AND", "OR NOT", "title:", "(((", "foo) OR (", "eo:", "[2020 TO",
    "x" * 10_000, "(" * 5_000, "\x00\ud800", "*r*", "term~9",
])
def test_bad_queries_return_results_not_exceptions(seed_library: Library, query: str) -> None:
    results = seed_library.search(query)
    assert results.total >= 0


def test_bad_syntax_degrades_to_plain_terms(seed_library: Library) -> None:
    assert seed_library.search('"indemnification').total == 1
    assert seed_library.search("indemnification AND").total == 1
    assert seed_library.search("title: indemnification").total == 1


def test_empty_query_lists_newest_first(index_dir: Path) -> None:
    with Library(index_dir) as library:
        library.ingest([SEEDS, Path(__file__).parent.parent / "fixtures" / "article"])
        dates = [h.date for h in library.search("", limit=10).hits]
        known = [d for d in dates if d]
        assert known == sorted(known, reverse=True)
        assert len(dates) == 3


def test_a_file_that_now_makes_another_document_leaves_its_old_one(index_dir: Path, tmp_path: Path) -> None:
    """Files named without an order number take it from their text; when the text changes
    to another order's, the old order is made again from the files that stay, or removed."""
    corpus = require_corpus() / "federal-register"
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(corpus / "EO_13600.xml", src / "EO_13600.xml")
    shutil.copy(corpus / "EO_13600.htm", src / "page.htm")
    shutil.copy(corpus / "EO_13602.htm", src / "other.htm")
    with Library(index_dir) as library:
        library.ingest([src])
        assert sorted(Path(p).name for p in library.get("13600").sources) == ["EO_13600.xml", "page.htm"]
        assert [Path(p).name for p in library.get("13602").sources] == ["other.htm"]
        shutil.copy(corpus / "EO_13601.htm", src / "page.htm")
        shutil.copy(corpus / "EO_13603.htm", src / "other.htm")
        summary = library.ingest([src])
        assert [Path(p).name for p in library.get("13600").sources] == ["EO_13600.xml"]
        assert [Path(p).name for p in library.get("13601").sources] == ["page.htm"]
        assert [Path(p).name for p in library.get("13603").sources] == ["other.htm"]
        assert summary.pruned == ["eo-13602"]
        with pytest.raises(NotFound):
            library.get("13602")
        assert len(library) == 3


@pytest.mark.parametrize("query", ["", "security", '"executive order"', "date:2025-04", "immig*"])
def test_an_empty_index_answers_with_nothing(index_dir: Path, query: str) -> None:
    with Library(index_dir, rebuild=False) as library:
        results = library.search(query)
        assert (results.total, results.hits, results.partial) == (0, [], False)
        assert all(counts == [] for counts in results.facets.values())


def test_ingest_reports_its_progress_as_it_goes(index_dir: Path) -> None:
    orders = require_corpus() / "federal-register"
    files = sorted(p for stem in ("EO_13584", "EO_13721", "EO_13653") for p in orders.glob(f"{stem}.*"))
    told: list[tuple[int, int]] = []
    with Library(index_dir) as library:
        summary = library.ingest(files, progress=lambda *counts: told.append(counts))
        # A document's files (json, xml, htm...) merge into one: files read run ahead of documents.
        assert summary.documents == 3 and summary.files == len(files) > 3
        assert told == sorted(told) and told[-1] == (summary.files, len(files), summary.documents)
        assert [documents for _, _, documents in told] == [1, 2, 3]
        rerun: list[tuple[int, int, int]] = []
        assert len(library.ingest(files, progress=lambda *counts: rerun.append(counts)).unchanged) == len(files)
        assert rerun == []  # nothing written
