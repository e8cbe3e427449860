"""The command line as users call it: exact output fields and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eoreader.cli import main
from tests.conftest import SEED, SEEDS

SEED_ID = SEED.stem


@pytest.fixture
def cli(index_dir: Path) -> CliRunner:
    runner = CliRunner()
    result = runner.invoke(main, ["--index", str(index_dir), "ingest", str(SEEDS)])
    assert result.exit_code == 0, result.output
    return runner


def run(cli: CliRunner, index_dir: Path, *args: str) -> tuple[int, str, str]:
    result = cli.invoke(main, ["--index", str(index_dir), *args])
    return result.exit_code, result.stdout, result.stderr


def test_ingest_summary_counts_every_file(index_dir: Path) -> None:
    result = CliRunner().invoke(main, ["--index", str(index_dir), "ingest", "--json", str(SEEDS)])
    summary = json.loads(result.stdout)
    assert result.exit_code == 0
    assert summary["files"] == 1 and summary["documents"] == 1
    assert summary["indexed"] == [str(SEED)]
    assert summary["rejected"] == [] and summary["skipped"] == []


def test_search_prints_the_seed_with_the_word_highlighted(cli: CliRunner, index_dir: Path) -> None:
    result = cli.invoke(main, ["--index", str(index_dir), "search", "indemnification"], env={"FORCE_COLOR": "1"})
    assert result.exit_code == 0
    assert "Trump wants law enforcement officers" in result.stdout
    # The matched word in the snippet carries a style: an SGR sequence opens right before it.
    snippet_line = next(line for line in result.stdout.splitlines() if "legal resources" in line)
    assert "\x1b[1;30;43mindemnification\x1b[0m" in snippet_line


def test_search_json_has_every_field(cli: CliRunner, index_dir: Path) -> None:
    code, out, _ = run(cli, index_dir, "search", "indemnification", "--json", "--limit", "5")
    data = json.loads(out)
    assert code == 0 and data["total"] == 1
    hit = data["hits"][0]
    assert {"id", "kind", "title", "number", "date", "score", "sources", "section", "snippet"} <= set(hit)
    assert hit["id"] == SEED_ID and hit["date"] == "2025-04-29" and hit["sources"] == [str(SEED)]
    assert hit["section"]["heading"] == "Legal defense support"
    assert [hit["snippet"][s:e] for s, e in hit["marks"]] == ["indemnification"]


def test_show_json_gives_key_points_and_sections(cli: CliRunner, index_dir: Path) -> None:
    code, out, _ = run(cli, index_dir, "show", SEED_ID, "--json")
    doc = json.loads(out)
    assert code == 0
    assert len(doc["key_points"]) == 3
    headed = [s["heading"] for s in doc["sections"] if s["anchor"] != "lead"]
    assert len(headed) == 5 and headed[0] == "Protection Against 'Demonizing' Law Enforcement"
    assert doc["sources"] == [str(SEED)]


def test_show_prints_metadata_sections_and_sources(cli: CliRunner, index_dir: Path) -> None:
    code, out, _ = run(cli, index_dir, "show", SEED_ID)
    assert code == 0
    assert "Legal defense support" in out and str(SEED) in out and "Key points" in out


def test_stats_names_the_index_and_count(cli: CliRunner, index_dir: Path) -> None:
    code, out, _ = run(cli, index_dir, "stats")
    assert code == 0
    assert f"index: {index_dir}" in out and "documents: 1" in out


@pytest.mark.parametrize("args, message", [
    (["show", "no-such-doc"], "error: no document 'no-such-doc' in the index"),
    (["show", "EO 99999"], "error: no document 'EO 99999' in the index"),
    (["ingest", "/no/such/path"], "error: no such file or folder: /no/such/path"),
])
def test_user_errors_are_one_line_and_non_zero(cli: CliRunner, index_dir: Path, args: list[str], message: str) -> None:
    code, out, err = run(cli, index_dir, *args)
    assert code == 1
    assert err.strip() == message
    assert "Traceback" not in out + err


def test_unreadable_file_is_rejected_with_a_reason(index_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    result = CliRunner().invoke(main, ["--index", str(index_dir), "ingest", "--json", str(bad), str(SEED)])
    summary = json.loads(result.stdout)
    assert result.exit_code == 1
    assert summary["rejected"] == [{"path": str(bad), "reason": "empty file"}]
    assert summary["indexed"] == [str(SEED)]


@pytest.mark.parametrize("terminal", [True, False], ids=["terminal", "pipe"])
def test_ingest_counts_files_and_documents_on_a_terminal_only(index_dir: Path, tmp_path: Path, terminal: bool) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    for n in range(3):
        (notes / f"note-{n}.txt").write_text(f"Note {n} on zymurgy\n\nZymurgy is the chemistry of fermentation.\n")
    # Rich takes FORCE_COLOR to mean a terminal.
    env = {"FORCE_COLOR": "1"} if terminal else {"FORCE_COLOR": None, "TTY_COMPATIBLE": None}
    result = CliRunner().invoke(main, ["--index", str(index_dir), "ingest", str(notes)], env=env)
    assert result.exit_code == 0 and "3 documents" in result.stdout
    assert ("3 of 3 files read, 3 documents written; writing the index" in result.stderr) == terminal
