"""Sync from the command palette, against the local fake Federal Register: documents land in the index."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from eoreader import Library
from eoreader.sanitize import clean_line
from eoreader.sync import ENV_BASE_URL, Settings
from eoreader.sync.mirror import Mirror
from eoreader.tui.app import EOReaderApp
from eoreader.tui.screens.search import SearchScreen
from eoreader.tui.screens.sync import SyncScreen
from eoreader.userdata import UserData
from tests.conftest import SEEDS, require_corpus
from tests.sync.conftest import NUMBERS, fast
from tests.sync.fakeapi import FakeAPI
from tests.tui.conftest import screen_text, settle
from tests.tui.test_navigation import WIDE, palette
from tests.tui.test_reader_screen import notices

COMMAND = "Sync from the Federal"


@pytest.fixture
def api() -> Iterator[FakeAPI]:
    with FakeAPI(require_corpus(), NUMBERS) as fake:
        yield fake


@pytest.fixture
def sync_app(tmp_path: Path, userdata: UserData, monkeypatch: pytest.MonkeyPatch) -> Iterator[EOReaderApp]:
    # Nothing may reach the real API: an unset base URL fails at once on a closed port.
    monkeypatch.setenv(ENV_BASE_URL, "http://127.0.0.1:9/api/v1")
    with Library(tmp_path / "index") as library:
        library.ingest([SEEDS])
        app = EOReaderApp(library, userdata)
        app.sync_options = {"mirror": tmp_path / "mirror", "since": dt.date(2009, 1, 1),
                            "until": dt.date(2009, 3, 31)}
        yield app


async def test_palette_sync_mirrors_and_indexes_every_document(sync_app: EOReaderApp, api: FakeAPI,
                                                                tmp_path: Path) -> None:
    sync_app.sync_options["settings"] = fast(api)
    library = sync_app.library
    before = len(library)
    async with sync_app.run_test(size=WIDE) as pilot:
        await palette(pilot, COMMAND)
        assert isinstance(sync_app.screen, SyncScreen)
        job = sync_app.sync_job
        assert job is not None and job.finished is not None and job.error is None
        assert job.summary is not None and sorted(job.summary.new) == sorted(api.document_number(n) for n in NUMBERS)
        assert f"Synced: {len(NUMBERS)} new, 0 updated, 0 unchanged, 0 failed" in screen_text(pilot)
        assert any(n.startswith("Synced:") for n in notices(sync_app))
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(sync_app.screen, SearchScreen)
    # The app's own Library sees them without reopening the index.
    assert len(library) == before + len(NUMBERS)
    assert all(library.has(f"eo-{n}") for n in NUMBERS)
    assert sorted(p.name for p in (tmp_path / "mirror" / "documents").iterdir()) == sorted(
        api.document_number(n) for n in NUMBERS)


async def test_palette_sync_without_network_is_one_notification(sync_app: EOReaderApp, tmp_path: Path) -> None:
    # Nothing listens on port 9: the connection is refused at every try.
    sync_app.sync_options["settings"] = Settings(base_url="http://127.0.0.1:9/api/v1", connect_timeout=1.0,
                                                 attempts=2, wait_initial=0.01, wait_max=0.02, wait_jitter=0.0)
    before = len(sync_app.library)
    async with sync_app.run_test(size=WIDE) as pilot:
        await palette(pilot, COMMAND)
        job = sync_app.sync_job
        assert job is not None and job.finished is not None
        # The listing never arrives: one failure, its reason in the one notification.
        assert job.error is None and job.summary is not None and len(job.summary.failed) == 1
        stopped = [n for n in notices(sync_app) if n.startswith(("Sync stopped", "Synced"))]
        assert len(stopped) == 1 and "1 failed (first: " in stopped[0]
        assert clean_line(job.summary.failed[0].reason) in stopped[0]
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(sync_app.screen, SearchScreen)  # the app runs on
    assert len(sync_app.library) == before


async def test_palette_sync_while_another_sync_holds_the_mirror_says_so(sync_app: EOReaderApp, api: FakeAPI,
                                                                        tmp_path: Path) -> None:
    sync_app.sync_options["settings"] = fast(api)
    other = Mirror(tmp_path / "mirror")
    other.open()  # another sync, writing to the same mirror
    try:
        async with sync_app.run_test(size=WIDE) as pilot:
            await palette(pilot, COMMAND)
            job = sync_app.sync_job
            assert job is not None and job.error is not None and "another sync" in job.error
            assert [n for n in notices(sync_app) if n.startswith("Sync stopped: another sync is writing")]
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(sync_app.screen, SearchScreen)
            assert api.list_requests() == []
    finally:
        other.close()
