"""Which folders eoreader opens, how it waits for the lock, and how it reports a damaged index."""

from __future__ import annotations

import os
import pickle
import shutil
import time
from pathlib import Path

import pytest

from eoreader import Library
from eoreader.recovery import OLD_SUFFIX, REBUILD_SUFFIX
from eoreader.search import DamagedIndex, IndexBusy, NotAnIndex, acquire_lock, store
from tests.conftest import SEEDS
from tests.reliability.helpers import cli_env, run_cli, signature, tree_hashes


class _Planted:
    """Unpickling this writes a file: proof that a foreign TOC was (or was not) read."""

    def __init__(self, target: str) -> None:
        self.target = target

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (Path.write_text, (Path(self.target), "pwned"))


def _plant_toc(folder: Path, target: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "_MAIN_1.toc").write_bytes(pickle.dumps(_Planted(str(target))))
    (folder / "MAIN_WRITELOCK").write_bytes(b"")


def test_a_folder_eoreader_did_not_mark_is_never_opened(tmp_path: Path) -> None:
    folder, target = tmp_path / "foreign", tmp_path / "pwned.txt"
    _plant_toc(folder, target)
    before = tree_hashes(folder)
    with pytest.raises(NotAnIndex, match="not an eoreader index"):
        Library(folder)
    assert not target.exists()
    assert tree_hashes(folder) == before


def test_cli_refuses_a_foreign_folder_in_one_line(tmp_path: Path) -> None:
    folder, target = tmp_path / "foreign", tmp_path / "pwned.txt"
    _plant_toc(folder, target)
    result = run_cli(tmp_path, "--index", folder, "search", "order")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"error: {folder} is not empty and not an eoreader index; "
                                                  "refusing to use it"]
    assert not target.exists()


def test_errors_are_one_line_however_long(tmp_path: Path) -> None:
    folder = tmp_path / ("a-long-folder-name-" * 6) / "foreign"
    _plant_toc(folder, tmp_path / "pwned.txt")
    env = cli_env(tmp_path)
    del env["COLUMNS"]
    result = run_cli(tmp_path, "--index", folder, "search", "order", env=env)
    assert len(result.stderr.splitlines()) == 1


def test_an_empty_folder_becomes_a_marked_index(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    with Library(folder) as library:
        library.ingest([SEEDS])
    assert store.is_ours(folder) and store.schema_version(folder) == store.SCHEMA_VERSION


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    folder = tmp_path / "index"
    with Library(folder) as library:
        library.ingest([SEEDS])
    return folder


def test_an_index_of_another_schema_is_rebuilt_from_its_sources(seeded: Path) -> None:
    before = signature(seeded)
    (seeded / store.MARKER).write_text('{"format": "eoreader", "schema": 0}')
    lines: list[str] = []
    with Library(seeded, notify=lines.append) as library:
        assert len(library) == 1
    assert lines == [f"index damaged: {seeded / store.MARKER}: index schema 0, this eoreader reads "
                     f"{store.SCHEMA_VERSION}; rebuilding it from its sources"]
    assert signature(seeded) == before
    assert not seeded.with_name(seeded.name + REBUILD_SUFFIX).exists()
    assert not seeded.with_name(seeded.name + OLD_SUFFIX).exists()


def test_no_rebuild_exits_with_its_own_status_and_touches_nothing(seeded: Path, tmp_path: Path) -> None:
    toc = next(seeded.glob("_MAIN_*.toc"))
    toc.write_bytes(toc.read_bytes()[:10])
    before = tree_hashes(seeded)
    result = run_cli(tmp_path, "--no-rebuild", "--index", seeded, "search", "indemnification")
    assert result.returncode == 3
    assert result.stderr.splitlines() == [f"error: index damaged: {toc}: cut short (struct.error); not rebuilt (--no-rebuild)"]
    assert tree_hashes(seeded) == before
    with pytest.raises(DamagedIndex):
        Library(seeded, rebuild=False)


def test_damage_is_one_line_then_a_rebuild(seeded: Path, tmp_path: Path) -> None:
    before = signature(seeded)
    toc = next(seeded.glob("_MAIN_*.toc"))
    toc.write_bytes(b"")
    result = run_cli(tmp_path, "--index", seeded, "search", "indemnification")
    assert result.returncode == 0, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith(f"index damaged: {toc}: ") and line.endswith("; rebuilding it from its sources")
    assert "1 document matches" in result.stdout
    assert signature(seeded) == before


def test_an_unreadable_manifest_is_rebuilt_from_the_sources_its_documents_name(seeded: Path) -> None:
    before = signature(seeded)
    (seeded / "manifest.json").write_text('{"version": 2, "files": [')
    lines: list[str] = []
    with Library(seeded, notify=lines.append) as library:
        assert len(library) == 1
    assert lines == [f"index damaged: {seeded / 'manifest.json'}: unreadable (JSONDecodeError); rebuilding it "
                     "from its sources"]
    assert signature(seeded) == before


def test_a_swap_cut_between_its_renames_is_completed(seeded: Path) -> None:
    before = signature(seeded)
    fresh, old = (seeded.with_name(seeded.name + s) for s in (REBUILD_SUFFIX, OLD_SUFFIX))
    shutil.copytree(seeded, fresh)
    os.rename(seeded, old)
    with Library(seeded, rebuild=False) as library:
        assert len(library) == 1
    assert signature(seeded) == before and not old.exists() and not fresh.exists()


def test_a_writer_waits_then_names_the_pid_holding_the_lock(seeded: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "LOCK_WAIT_SECONDS", 0.5)
    lock = acquire_lock(seeded)
    try:
        started = time.monotonic()
        with Library(seeded) as library, pytest.raises(IndexBusy, match=rf"^index busy \(pid {os.getpid()}\)$"):
            library.ingest([SEEDS])
        assert time.monotonic() - started >= 0.5
    finally:
        lock.release()
    with Library(seeded) as library:
        library.ingest([SEEDS])  # free again once released


def test_cli_waits_a_few_seconds_for_the_lock(seeded: Path, tmp_path: Path) -> None:
    lock = acquire_lock(seeded)
    try:
        started = time.monotonic()
        result = run_cli(tmp_path, "--index", seeded, "ingest", SEEDS)
        waited = time.monotonic() - started
    finally:
        lock.release()
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"error: index busy (pid {os.getpid()})"]
    assert store.LOCK_WAIT_SECONDS <= waited < store.LOCK_WAIT_SECONDS + 10


def test_the_lock_file_outlives_every_operation(seeded: Path, tmp_path: Path) -> None:
    lock_file = seeded / store.LOCK_NAME
    inode = lock_file.stat().st_ino
    assert run_cli(tmp_path, "--index", seeded, "ingest", SEEDS).returncode == 0
    assert run_cli(tmp_path, "--index", seeded, "check", "--fix").returncode == 0
    assert lock_file.stat().st_ino == inode
    assert lock_file not in store.strays(seeded, [])
