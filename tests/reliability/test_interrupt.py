"""Ctrl-c during an ingest: exit 130, one line saying what was committed, no traceback."""

from __future__ import annotations

import re
import signal
import subprocess
import time
from pathlib import Path

from eoreader.ingest.manifest import PENDING_NAME
from eoreader.integrity import check
from tests.conftest import SEEDS, require_corpus
from tests.reliability.helpers import cli_args, cli_env, signature


def test_ctrl_c_during_a_commit_keeps_it_and_says_so(tmp_path: Path) -> None:
    corpus = require_corpus()
    folder = tmp_path / "index"
    # Ctrl-c reaches the ingest however the tests were started: a shell without job control
    # starts background jobs with SIGINT ignored, and children inherit that.
    proc = subprocess.Popen(cli_args("--index", folder, "ingest", corpus, SEEDS), env=cli_env(tmp_path),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 120
    while not (folder / PENDING_NAME).exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    proc.send_signal(signal.SIGINT)  # as the terminal does on ctrl-c, in the middle of a commit
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    [line] = err.splitlines()
    match = re.fullmatch(r"interrupted: (\d+) documents committed; run again to continue", line)
    assert match, line
    # The commit under way when ctrl-c came was finished, not torn: it is among those counted.
    assert int(match.group(1)) == len(signature(folder)) > 0
    assert {f.kind for f in check(folder).findings} <= {"stray"}
    assert out == ""
