"""Bookmarks and reading positions: saved atomically, loaded back, damage set aside."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from eoreader.userdata import MAX_POSITIONS, Bookmark, Position, UserData, default_path


def test_bookmarks_and_positions_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "userdata.json"
    data = UserData.load(path)
    data.add_bookmark(Bookmark("eo-13721", "Global Engagement Center", "order", "13721", "3"))
    data.add_bookmark(Bookmark("seed", "An article", "article"))
    data.remember("eo-13721", Position("6.c", 4))
    again = UserData.load(path)
    assert [b.doc_id for b in again.bookmarks] == ["seed", "eo-13721"]  # newest first
    assert again.bookmarks[1].section == "3" and again.bookmarks[1].added
    assert again.position("eo-13721") == Position("6.c", 4) and again.position("seed") is None
    assert again.is_bookmarked("seed") and not again.is_bookmarked("other")


def test_bookmarking_again_moves_to_the_top_without_duplicating(tmp_path: Path) -> None:
    data = UserData.load(tmp_path / "u.json")
    for doc in ("a", "b", "a"):
        data.add_bookmark(Bookmark(doc, doc.upper()))
    assert [b.doc_id for b in UserData.load(tmp_path / "u.json").bookmarks] == ["a", "b"]
    assert data.remove_bookmark("a") and not data.remove_bookmark("a")
    assert [b.doc_id for b in UserData.load(tmp_path / "u.json").bookmarks] == ["b"]


def test_positions_keep_the_most_recent(tmp_path: Path) -> None:
    data = UserData(tmp_path / "u.json")
    for i in range(MAX_POSITIONS + 5):
        data.positions[f"d{i}"] = Position("1")
    data.remember("d0", Position("2"))  # read again: now the most recent
    kept = UserData.load(tmp_path / "u.json").positions
    assert len(kept) == MAX_POSITIONS and "d0" in kept and "d1" not in kept and f"d{MAX_POSITIONS + 4}" in kept


def test_a_damaged_file_is_set_aside_not_lost(tmp_path: Path) -> None:
    path = tmp_path / "u.json"
    path.write_text('{"bookmarks": [{"doc_id": ')
    data = UserData.load(path)
    assert data.bookmarks == [] and (tmp_path / "u.json.damaged").read_text().startswith('{"bookmarks"')
    data.add_bookmark(Bookmark("x", "X"))
    assert json.loads(path.read_text())["bookmarks"][0]["doc_id"] == "x"


def test_a_failed_save_leaves_the_previous_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "u.json"
    data = UserData.load(path)
    data.add_bookmark(Bookmark("kept", "Kept"))

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError):
        data.add_bookmark(Bookmark("lost", "Lost"))
    assert [b["doc_id"] for b in json.loads(path.read_text())["bookmarks"]] == ["kept"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["u.json"]  # no temporary file left


def test_the_default_file_is_in_the_user_data_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_path() == tmp_path / "eoreader" / "userdata.json"
