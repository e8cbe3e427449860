"""`eoreader deadlines`: every deadline across the index, sorted and marked against a day."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from eoreader.cli import main
from tests.conftest import FIXTURES

ORDERS = [FIXTURES / "whitehouse" / "order-2021-style.md", FIXTURES / "whitehouse" / "order-2025-style.md"]


@pytest.fixture
def cli(index_dir: Path) -> CliRunner:
    runner = CliRunner()
    result = runner.invoke(main, ["--index", str(index_dir), "ingest", *map(str, ORDERS)])
    assert result.exit_code == 0, result.output
    return runner


def listing(cli: CliRunner, index_dir: Path, *args: str) -> list[dict[str, Any]]:
    result = cli.invoke(main, ["--index", str(index_dir), "deadlines", "--json", "--today", "2025-06-01", *args])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["today"] == "2025-06-01" and data["count"] == len(data["deadlines"])
    return data["deadlines"]


def test_every_deadline_soonest_first_and_marked(cli: CliRunner, index_dir: Path) -> None:
    rows = listing(cli, index_dir)
    assert [(r["due"], r["state"]) for r in rows] == [
        ("2021-07-11", "overdue"), ("2021-08-10", "overdue"), ("2022-05-12", "overdue"),
        ("2025-06-27", "upcoming"), ("2026-03-01", "upcoming"), ("2026-04-28", "upcoming"), (None, "undated"),
    ]
    assert rows[3] == {
        "id": "order-2025-style", "number": None, "title": "Strengthening and Unleashing America's Law Enforcement",
        "actor": "the Attorney General",
        "action": "create a mechanism to provide legal resources to law enforcement officers.",
        "due": "2025-06-27", "state": "upcoming", "days": 26, "section": "2",
    }
    assert rows[1]["action"] == "within 90 days of the date of this order, issue guidance to agencies"


def test_upcoming_overdue_and_actor_filters(cli: CliRunner, index_dir: Path) -> None:
    assert [r["due"] for r in listing(cli, index_dir, "--upcoming", "30d")] == ["2025-06-27"]
    assert [r["due"] for r in listing(cli, index_dir, "--upcoming", "10m")] == ["2025-06-27", "2026-03-01"]
    assert [r["due"] for r in listing(cli, index_dir, "--overdue")] == ["2021-07-11", "2021-08-10", "2022-05-12"]
    both = listing(cli, index_dir, "--overdue", "--upcoming", "2w")
    assert [r["state"] for r in both] == ["overdue", "overdue", "overdue"]
    assert [r["due"] for r in listing(cli, index_dir, "--actor", "SECRETARY OF DEFENSE")] == ["2026-03-01", "2026-04-28"]


def test_text_output_names_the_order_actor_and_action(cli: CliRunner, index_dir: Path) -> None:
    result = cli.invoke(main, ["--index", str(index_dir), "deadlines", "--today", "2025-06-01", "--upcoming", "30d"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "1 deadlines, today 2025-06-01"
    assert result.stdout.splitlines()[1].startswith("2025-06-27  upcoming  order-2025-style  Strengthening")
    assert "the Attorney General: create a mechanism" in result.stdout


def test_a_period_it_cannot_read_is_one_line_naming_the_fix(cli: CliRunner, index_dir: Path) -> None:
    result = cli.invoke(main, ["--index", str(index_dir), "deadlines", "--upcoming", "soon"])
    assert result.exit_code == 2
    assert "'soon' is no period; write it as 30d, 2w, 3m or 1y" in result.output
