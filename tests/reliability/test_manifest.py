"""The manifest: atomic saves, and a pending batch that counts exactly when its commit landed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eoreader.ingest.manifest import FILE_NAME, LOG_NAME, PENDING_NAME, Batch, Entry, Manifest, drop_pending


def entry(path: str, doc_id: str, state: str = "indexed") -> Entry:
    return Entry(path, 1, 2, "sha", doc_id, state)


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    manifest = Manifest([entry("/a.xml", "eo-1"), entry("/a.json", "eo-1", "merged")], generation=3)
    manifest.save(tmp_path)
    manifest.save_pending(tmp_path, Batch(4, [entry("/b.xml", "eo-2")], deleted=["eo-1"]))
    return tmp_path


def test_a_pending_batch_counts_when_the_index_reached_its_generation(saved: Path) -> None:
    manifest = Manifest.load(saved, generation=4)
    assert manifest.doc_ids() == {"eo-2"} and manifest.generation == 4


@pytest.mark.parametrize("generation", [3, 5, None])
def test_a_pending_batch_is_ignored_otherwise(saved: Path, generation: int | None) -> None:
    manifest = Manifest.load(saved, generation=generation)
    assert manifest.doc_ids() == {"eo-1"} and manifest.generation == 3


def test_a_pending_batch_older_than_the_manifest_is_stale(saved: Path) -> None:
    manifest = Manifest.load(saved)
    manifest.generation = 4
    manifest.save(saved)
    assert Manifest.load(saved, generation=4).doc_ids() == {"eo-1"}
    drop_pending(saved)
    assert not (saved / PENDING_NAME).exists()


def test_files_of_follows_puts_and_removes() -> None:
    manifest = Manifest([entry("/a", "x"), entry("/b", "x"), entry("/c", "y", "rejected")])
    assert manifest.files_of("x") == ["/a", "/b"] and manifest.files_of("y") == []
    manifest.put(entry("/a", "z"))
    manifest.remove("/b")
    assert manifest.files_of("x") == [] and manifest.files_of("z") == ["/a"]


def test_paths_with_undecodable_bytes_survive_a_round_trip(tmp_path: Path) -> None:
    odd = os.fsdecode(b"/tmp/bad\xff\xfename\n\x1b.txt")
    Manifest([entry(odd, "doc")]).save(tmp_path)
    assert list(Manifest.load(tmp_path).entries) == [odd]
    assert (tmp_path / FILE_NAME).read_bytes().isascii()


def test_a_failed_save_leaves_the_old_manifest_and_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Manifest([entry("/a", "x")], generation=1).save(tmp_path)

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        Manifest([entry("/b", "y")], generation=2).save(tmp_path)
    monkeypatch.undo()
    assert Manifest.load(tmp_path).doc_ids() == {"x"}
    assert sorted(p.name for p in tmp_path.iterdir()) == [FILE_NAME]


def test_logged_batches_replay_in_order_and_a_torn_last_line_is_ignored(tmp_path: Path) -> None:
    manifest = Manifest([entry("/a.xml", "eo-1")], generation=3)
    manifest.save(tmp_path)
    manifest.log(tmp_path, Batch(4, [entry("/b.xml", "eo-2")], index_files={"_MAIN_4.toc": [1, "h"]}))
    manifest.log(tmp_path, Batch(5, [], deleted=["eo-1"]))
    with (tmp_path / LOG_NAME).open("a") as log:
        log.write('{"generation": 6, "entries": [{"path": "/c.x')  # a crash mid-append
    loaded = Manifest.load(tmp_path)
    assert loaded.doc_ids() == {"eo-2"} and loaded.generation == 5 and loaded.replayed
    loaded.save(tmp_path)
    assert not (tmp_path / LOG_NAME).exists()
    assert Manifest.load(tmp_path).doc_ids() == {"eo-2"}


def test_log_lines_older_than_the_manifest_are_skipped(tmp_path: Path) -> None:
    Manifest([entry("/a.xml", "eo-1")], generation=3).save(tmp_path)
    Manifest().log(tmp_path, Batch(4, [entry("/b.xml", "eo-2")]))
    log = (tmp_path / LOG_NAME).read_text()
    # A crash after the manifest was saved at generation 4, before the log went: both remain.
    Manifest([entry("/z.xml", "eo-9")], generation=4).save(tmp_path)
    (tmp_path / LOG_NAME).write_text(log)
    assert Manifest.load(tmp_path).doc_ids() == {"eo-9"}
