"""Fixtures for sync: a fake Federal Register on 127.0.0.1, fast settings, no way to the internet."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from eoreader.sync import ENV_BASE_URL, Settings
from eoreader.sync.mirror import ENV_MIRROR
from tests.conftest import require_corpus
from tests.sync.fakeapi import FakeAPI

# Twelve orders published 2009-02-04 to 2009-03-16, each with .json, .xml and .html.
NUMBERS = range(13495, 13507)


@pytest.fixture(autouse=True)
def no_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    """A test that forgets its fake server fails at once instead of asking the real API."""
    monkeypatch.setenv(ENV_BASE_URL, "http://127.0.0.1:9/api/v1")
    monkeypatch.delenv(ENV_MIRROR, raising=False)


@pytest.fixture
def api() -> Iterator[FakeAPI]:
    with FakeAPI(require_corpus(), NUMBERS) as fake:
        yield fake


def fast(api: FakeAPI, **changes: object) -> Settings:
    """Settings for tests: the same logic with waits in milliseconds and three results a page."""
    values: dict[str, object] = dict(
        base_url=api.url, connect_timeout=1.0, read_timeout=1.0, deadline=5.0, requests_per_second=1000.0,
        attempts=4, retry_budget=20.0, wait_initial=0.01, wait_max=0.05, wait_jitter=0.01,
        max_retry_after=5.0, per_page=3,
    )
    values.update(changes)
    return Settings(**values)  # type: ignore[arg-type]
