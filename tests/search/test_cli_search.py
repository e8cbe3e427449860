"""`eoreader search`: options, --json with every field, and the human output."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from eoreader.cli import main
from tests.search.conftest import LAW_ENFORCEMENT, SEED_ARTICLE


def run(small_index: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--index", str(small_index), "search", *args])
    return result.exit_code, result.stdout


def test_json_has_total_facets_suggestion_and_hits(small_index: Path) -> None:
    code, out = run(small_index, "police", "legal", "defense", "--json")
    data = json.loads(out)
    assert code == 0
    assert {"total", "facets", "suggestion", "corrected", "partial", "hits"} <= set(data)
    assert set(data["facets"]) == {"kind", "president", "year", "actor"}
    hit = data["hits"][0]
    assert {"id", "kind", "title", "number", "date", "status", "status_by", "score", "sources",
            "section", "snippet", "marks", "coverage"} <= set(hit)
    assert hit["id"] == LAW_ENFORCEMENT and hit["coverage"][0]["id"] == SEED_ARTICLE
    assert hit["sources"][0].endswith(".md") and Path(hit["sources"][0]).is_absolute()
    assert set(hit["section"]) == {"anchor", "number", "heading"}


def test_options_filter_and_sort(small_index: Path) -> None:
    _, out = run(small_index, "--kind", "memo", "--json")
    assert {h["kind"] for h in json.loads(out)["hits"]} == {"memorandum"}
    _, out = run(small_index, "--since", "2025-01-01", "--sort", "oldest", "--json", "--limit", "50")
    dates = [h["date"] for h in json.loads(out)["hits"]]
    assert dates == sorted(dates) and dates[0] >= "2025-01-01"
    code, _ = run(small_index, "--kind", "banana")
    assert code == 2


def test_human_output_shows_correction_facets_and_coverage(small_index: Path) -> None:
    code, out = run(small_index, "indemnfication")
    assert code == 0
    assert "showing results for: indemnification" in out
    assert "kind: article 1, order 1" in out
    assert "↳ Trump wants law enforcement officers" in out


def test_timeout_bounds_phrase_matching_and_says_partial(corpus_index: Path) -> None:
    def search(*args: str) -> dict:
        result = CliRunner().invoke(main, ["--index", str(corpus_index), "search", '"executive order"', "--json", *args])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    # Each invocation opens the index afresh: nothing matched before carries over.
    cut = search("--timeout", "0.01")
    whole = search()
    assert cut["partial"] and not whole["partial"]
    assert cut["total"] < whole["total"] and whole["total"] > 1000
    code = CliRunner().invoke(main, ["--index", str(corpus_index), "search", "x", "--timeout", "0"]).exit_code
    assert code == 2
