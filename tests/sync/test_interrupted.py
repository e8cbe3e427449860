"""A sync killed mid-download (SIGKILL, no cleanup) resumes: nothing half-written is ingested."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from eoreader.sync import ENV_BASE_URL, sync
from tests.conftest import ROOT
from tests.sync.conftest import NUMBERS, fast
from tests.sync.fakeapi import FakeAPI
from tests.sync.test_sync import assert_synced, indexed_ids

DONE_BEFORE_KILL = 5


def test_a_killed_sync_resumes_and_ingests_each_document_once(api: FakeAPI, tmp_path: Path) -> None:
    blocked, release = threading.Event(), threading.Event()

    def hold(count: int) -> None:
        # The sixth full text never arrives: the process is killed while waiting for it.
        if count > DONE_BEFORE_KILL:
            blocked.set()
            release.wait(30)

    api.on_text = hold
    command = [sys.executable, "-m", "eoreader", "--index", str(tmp_path / "index"), "sync",
               "--mirror", str(tmp_path / "mirror"), "--since", "2009-01-01", "--until", "2009-03-31"]
    env = {**os.environ, ENV_BASE_URL: api.url}
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not blocked.wait(0.1):
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the sync never asked for its sixth full text"
        process.kill()
        process.wait(10)
    finally:
        release.set()
        api.on_text = lambda count: None

    documents = tmp_path / "mirror" / "documents"
    done = sorted(p.name for p in documents.iterdir())
    assert len(done) == DONE_BEFORE_KILL
    assert all(len(list((documents / name).iterdir())) == 2 for name in done)
    assert not (tmp_path / "mirror" / "sync-state.json").exists()
    assert not (tmp_path / "index").exists() or indexed_ids(tmp_path / "index") == []

    resumed = sync(tmp_path / "index", mirror=tmp_path / "mirror", since=dt.date(2009, 1, 1),
                   until=dt.date(2009, 3, 31), settings=fast(api))
    assert sorted(resumed.unchanged) == done
    assert len(resumed.new) == len(NUMBERS) - DONE_BEFORE_KILL
    assert_synced(api, tmp_path)
