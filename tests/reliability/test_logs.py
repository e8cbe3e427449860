"""Warnings of libraries (pypdf, Whoosh) go to the log file, never to the terminal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.reliability.helpers import cli_env, run_cli

EMIT = """
import logging, warnings
from eoreader import logs
print(logs.setup())
warnings.warn("whoosh says \\x1b]0;owned\\x07something")
logging.getLogger("pypdf").warning("pypdf says \\x1b[2Jsomething else")
logging.getLogger("whoosh").error("whoosh error")
"""


def test_warnings_and_library_logs_reach_only_the_log_file(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", EMIT], env=cli_env(tmp_path), capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    log = Path(result.stdout.strip())
    assert log == tmp_path / "data" / "eoreader" / "eoreader.log"
    text = log.read_text()
    assert "whoosh says something" in text and "pypdf says something else" in text and "whoosh error" in text
    assert "\x1b" not in text and "\x07" not in text


def test_every_command_sends_warnings_to_the_log(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "--index", tmp_path / "index", "stats")
    assert result.returncode == 0 and result.stderr == ""
    assert (tmp_path / "data" / "eoreader" / "eoreader.log").exists()
