"""SIGKILL an ingest of the shared corpus at random instants, half of them inside a commit.

After every kill: no process of the run is left, the index opens without a rebuild and
holds exactly its manifest's documents (eoreader check finds nothing but leftovers), and
nothing committed before is lost. A run that finishes before its kill must equal a clean
ingest (same ids, same stored text hashes), and the last rerun must too.

    EOREADER_KILLS=100 pytest tests/reliability/test_kill_loop.py -s     (20 by default)
    EOREADER_KILL_SEED=7 ...                                            (a random seed is printed)
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

from eoreader.ingest.manifest import PENDING_NAME
from eoreader.integrity import check
from tests.conftest import SEEDS, require_corpus
from tests.reliability.helpers import cli_args, cli_env, run_cli, signature

KILLS = int(os.environ.get("EOREADER_KILLS", "20"))
# How long a child of a killed run (a PDF extraction) may take to notice and end.
GRACE_SECONDS = 5.0


def _session_members(sid: int) -> list[int]:
    """Live processes of session `sid` (each run starts its own)."""
    members = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # gone meanwhile
            if int(fields[3]) == sid and fields[0] != "Z":
                members.append(int(entry.name))
    return members


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return st.st_ino, st.st_mtime_ns


def _wait_for_commit(proc: subprocess.Popen[bytes], pending: Path, before: tuple[int, int] | None) -> None:
    """Until this run writes its pending batch (a commit starts) or ends."""
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if (stamp := _stamp(pending)) is not None and stamp != before:
            return
        time.sleep(0.002)


def test_sigkill_at_random_instants_loses_nothing_committed(corpus_index: Path, tmp_path: Path) -> None:
    corpus = require_corpus()
    seed = int(os.environ.get("EOREADER_KILL_SEED", random.randrange(10**6)))
    rng = random.Random(seed)
    clean = signature(corpus_index)
    folder = tmp_path / "index"
    pending = folder / PENDING_NAME
    kills = inside = lost = survivors = finished = 0
    slowest_exit = 0.0
    committed: set[str] = set()
    while kills < KILLS:
        before = _stamp(pending)
        errors = (tmp_path / "stderr").open("w+")
        proc = subprocess.Popen(cli_args("--index", folder, "ingest", corpus, SEEDS), env=cli_env(tmp_path),
                                stdout=subprocess.DEVNULL, stderr=errors, start_new_session=True)
        if kills % 2:
            _wait_for_commit(proc, pending, before)
            time.sleep(rng.uniform(0, 0.5))
        else:
            time.sleep(rng.uniform(0.2, 2.0))
        if proc.poll() is not None:
            # It finished first: it must equal a clean ingest. Start again from nothing.
            assert proc.returncode == 0, (tmp_path / "stderr").read_text()
            assert signature(folder) == clean, f"seed {seed}"
            finished += 1
            errors.close()
            shutil.rmtree(folder)
            committed = set()
            continue
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        errors.close()
        kills += 1
        stamp = _stamp(pending)
        inside += stamp is not None and stamp != before
        started = time.monotonic()
        while _session_members(proc.pid) and time.monotonic() - started < GRACE_SECONDS:
            time.sleep(0.05)
        slowest_exit = max(slowest_exit, time.monotonic() - started)
        survivors += len(_session_members(proc.pid))
        if not folder.exists():
            continue  # killed before it created the index
        report = check(folder, seed=seed)
        assert {f.kind for f in report.findings} <= {"stray"}, (f"seed {seed}, kill {kills}", report.findings)
        now = set(signature(folder))
        lost += len(committed - now)
        committed = now
    result = run_cli(tmp_path, "--index", folder, "ingest", corpus, SEEDS)
    assert result.returncode == 0, result.stderr
    assert signature(folder) == clean, f"seed {seed}"
    print(f"\nkill loop (seed {seed}): {kills}/{kills} kills survived, {inside} inside a commit; "
          f"{finished} runs finished before their kill; documents lost {lost}; processes left {survivors} "
          f"(slowest to go: {slowest_exit:.2f} s)")
    assert lost == 0 and survivors == 0
    assert inside >= KILLS // 4, f"only {inside} of {KILLS} kills landed inside a commit (seed {seed})"
