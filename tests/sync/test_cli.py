"""`eoreader sync` as users call it: output, exit codes, options and where the mirror goes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from eoreader.cli import main
from tests.sync.conftest import NUMBERS
from tests.sync.fakeapi import FakeAPI

RANGE = ["--since", "2009-01-01", "--until", "2009-03-31"]


def sync_cli(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--index", str(tmp_path / "index"), "sync", *args], env=env)
    return result.exit_code, result.stdout, result.stderr


def test_json_summary_then_a_plain_one_with_nothing_new(api: FakeAPI, tmp_path: Path) -> None:
    code, out, _ = sync_cli(tmp_path, *RANGE, "--json", env={"EOREADER_SYNC_URL": api.url})
    summary = json.loads(out)
    assert code == 0
    assert sorted(summary["new"]) == sorted(api.document_number(n) for n in NUMBERS)
    assert summary["failed"] == [] and summary["mirror"] == str(tmp_path / "index.mirror")
    assert summary["ingest"]["documents"] == len(NUMBERS)

    code, out, _ = sync_cli(tmp_path, "--base-url", api.url, "--until", "2009-03-31", "--refresh")
    assert code == 0
    words = " ".join(out.split())
    assert "2009-01-01 to 2009-03-31: 0 new, 0 updated, 12 unchanged, 0 failed (1 page, 1 request," in words
    assert "the next sync starts from 2009-03-25" in words


def test_failures_are_listed_with_their_reason_and_exit_1(api: FakeAPI, tmp_path: Path) -> None:
    number = api.document_number(13500)
    api.missing = {f"{number}.xml", f"{number}.html", f"{number}.text"}
    code, out, err = sync_cli(tmp_path, *RANGE, "--base-url", api.url, "--mirror", str(tmp_path / "m"))
    assert code == 1
    assert "11 new, 0 updated, 0 unchanged, 1 failed" in out
    assert (f"failed {number} (Further Amendments to Executive Order 12859, Establishment of the Domestic "
            "Policy Council): no full text (xml: HTTP 404; html: HTTP 404; txt: HTTP 404)") in " ".join(err.split())


def test_dry_run_says_what_would_be_new(api: FakeAPI, tmp_path: Path) -> None:
    code, out, _ = sync_cli(tmp_path, *RANGE, "--base-url", api.url, "--dry-run")
    assert code == 0 and "12 would be new" in out
    assert not (tmp_path / "index.mirror").exists()


def test_bad_options_are_one_line_errors(tmp_path: Path) -> None:
    code, _, err = sync_cli(tmp_path, "--base-url", "ftp://example.org")
    assert code == 2 and "http:// or https://" in err
    code, _, err = sync_cli(tmp_path, "--since", "2010-01-01", "--until", "2009-01-01")
    assert code == 2 and "would start on 2010-01-01, after its end date 2009-01-01" in err
    code, _, err = sync_cli(tmp_path, "--president", "Robert'); DROP")
    assert code == 2 and "slug" in err
