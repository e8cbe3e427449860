"""The mirror on disk: whole documents only, one writer at a time, leftovers cleared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eoreader.sync.api import parse_result
from eoreader.sync.mirror import Mirror, MirrorBusy
from tests.sync.test_api import corpus_result


def test_a_document_appears_whole_and_its_update_replaces_only_the_metadata(tmp_path: Path) -> None:
    mirror = Mirror(tmp_path)
    mirror.open()
    entry = parse_result(corpus_result())
    assert mirror.status(entry) == "new"
    mirror.add(entry, b"<PRESDOCU/>", ".xml")
    assert mirror.status(entry) == "unchanged"
    assert sorted(p.name for p in (tmp_path / "documents" / "E9-3108").iterdir()) == ["EO_13500.json", "EO_13500.xml"]

    changed = parse_result({**corpus_result(), "disposition_notes": "Revoked by: EO 14000"})
    moved = parse_result({**corpus_result(), "body_html_url": "https://elsewhere.example/x.html"})
    assert mirror.status(changed) == "updated" and mirror.status(moved) == "unchanged"
    mirror.update(changed)
    saved = json.loads((tmp_path / "documents" / "E9-3108" / "EO_13500.json").read_text())
    assert saved["disposition_notes"] == "Revoked by: EO 14000"
    assert (tmp_path / "documents" / "E9-3108" / "EO_13500.xml").read_bytes() == b"<PRESDOCU/>"
    assert list((tmp_path / ".staging").iterdir()) == []


def test_metadata_without_its_text_counts_as_not_mirrored(tmp_path: Path) -> None:
    mirror = Mirror(tmp_path)
    mirror.open()
    entry = parse_result(corpus_result())
    mirror.add(entry, b"<PRESDOCU/>", ".xml")
    (tmp_path / "documents" / "E9-3108" / "EO_13500.xml").unlink()
    assert mirror.status(entry) == "new"
    mirror.add(entry, b"<html>text</html>", ".html")
    assert sorted(p.name for p in (tmp_path / "documents" / "E9-3108").iterdir()) == ["EO_13500.html", "EO_13500.json"]


def test_opening_clears_what_a_killed_sync_left_in_staging(tmp_path: Path) -> None:
    (tmp_path / ".staging" / "E9-3108.abc").mkdir(parents=True)
    (tmp_path / ".staging" / "E9-3108.abc" / "EO_13500.xml").write_bytes(b"<PRES")
    (tmp_path / ".staging" / ".x.tmp").write_bytes(b"{")
    Mirror(tmp_path).open()
    assert list((tmp_path / ".staging").iterdir()) == []


def test_a_second_sync_on_the_same_mirror_is_refused(tmp_path: Path) -> None:
    first = Mirror(tmp_path)
    first.open()
    with pytest.raises(MirrorBusy):
        Mirror(tmp_path).open()
    first.close()
    Mirror(tmp_path).open()
