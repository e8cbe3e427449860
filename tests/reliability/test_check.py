"""`eoreader check` finds what a killed writer or a tampered index left, and `--fix` repairs it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from whoosh.filedb.filestore import FileStorage

from eoreader import Library
from eoreader.ingest.manifest import Manifest
from eoreader.integrity import check, fix
from eoreader.model import Document
from eoreader.search import store
from eoreader.search.schema import to_fields
from tests.reliability.helpers import run_cli, signature, small_corpus


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("check")
    with Library(base / "index") as library:
        library.ingest([small_corpus(base / "sources")])
    return base / "index"


@pytest.fixture
def index(built: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "index"
    shutil.copytree(built, folder)
    return folder


def _raw_writer(folder: Path):  # type: ignore[no-untyped-def]
    """A Whoosh writer behind eoreader's back, as another program might use."""
    return FileStorage(str(folder)).open_index(store.INDEX_NAME).writer()


def test_a_clean_index_checks_ok(index: Path, tmp_path: Path) -> None:
    result = run_cli(tmp_path, "--index", index, "check")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith(": ok")


def test_leftovers_of_killed_writers_are_listed_then_removed(index: Path, tmp_path: Path) -> None:
    before = signature(index)
    (index / "_MAIN_99.toc.1764000000.5").write_bytes(b"half a toc")
    (index / "MAIN_orphan0000000000.seg").write_bytes(b"segment nobody lists")
    (index / "MAIN.tmp").mkdir()
    (index / "MAIN.tmp" / "pool.tmp").write_bytes(b"x")
    (index / ".manifest-abc.tmp").write_text("{")
    index.with_name(index.name + ".rebuild").mkdir()
    result = run_cli(tmp_path, "--index", index, "check", "--json")
    report = json.loads(result.stdout)
    assert result.returncode == 1
    assert sorted((f["kind"], f["subject"]) for f in report["findings"]) == sorted([
        ("stray", "_MAIN_99.toc.1764000000.5"), ("stray", "MAIN_orphan0000000000.seg"), ("stray", "MAIN.tmp"),
        ("stray", ".manifest-abc.tmp"), ("stray", "index.rebuild")])
    fixed = run_cli(tmp_path, "--index", index, "check", "--fix")
    assert fixed.returncode == 0, fixed.stdout
    assert fixed.stdout.count("fixed: removed ") == 5
    assert sorted(p.name for p in index.iterdir() if p.name.startswith(("_MAIN_99", "MAIN_orphan", "MAIN.tmp", ".manifest-"))) == []
    assert (index / store.LOCK_NAME).exists()
    assert signature(index) == before


def test_a_document_missing_from_the_index_is_reindexed(index: Path) -> None:
    before = signature(index)
    victim = sorted(before)[0]
    writer = _raw_writer(index)
    writer.delete_by_term("id", victim)
    writer.commit()
    report = check(index)
    assert [(f.kind, f.subject) for f in report.findings] == [("missing", victim)]
    assert fix(index, report) == [f"reindexed 1 documents from {len(Manifest.load(index).files_of(victim))} files"]
    assert check(index).ok and signature(index) == before


def test_a_document_the_manifest_does_not_know_is_deleted(index: Path) -> None:
    before = signature(index)
    writer = _raw_writer(index)
    writer.add_document(**to_fields(Document(id="planted", title="Not from any source")))
    writer.commit()
    report = check(index)
    assert [(f.kind, f.subject) for f in report.findings] == [("extra", "planted")]
    assert fix(index, report) == ["deleted planted"]
    assert check(index).ok and signature(index) == before


def test_stored_text_that_differs_from_its_hash_is_found_and_rewritten(index: Path) -> None:
    before = signature(index)
    manifest = Manifest.load(index)
    victim = next(e for e in manifest.entries.values() if e.state == "indexed")
    victim.text_sha256 = "0" * 64
    manifest.save(index)
    report = check(index)
    assert [(f.kind, f.subject) for f in report.findings] == [("text", victim.doc_id)]
    fix(index, report)
    assert check(index).ok and signature(index) == before


def test_no_index_here(tmp_path: Path) -> None:
    report = check(tmp_path / "nothing")
    assert [f.kind for f in report.findings] == ["absent"] and not (tmp_path / "nothing").exists()
