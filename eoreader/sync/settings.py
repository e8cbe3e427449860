"""How sync talks to the Federal Register: where, how fast, how long it waits, how often it retries."""

from __future__ import annotations

import os
from dataclasses import dataclass

from eoreader import __version__
from eoreader.ingest.decode import MAX_FILE_BYTES

ENV_BASE_URL = "EOREADER_SYNC_URL"
DEFAULT_BASE_URL = "https://www.federalregister.gov/api/v1"
USER_AGENT = f"eoreader/{__version__} (a terminal reader of US executive orders; eoreader sync)"


@dataclass(frozen=True)
class Settings:
    """Politeness and robustness limits; the tests shrink the delays, nothing else changes."""

    base_url: str = DEFAULT_BASE_URL
    connect_timeout: float = 10.0
    # Per socket read: a body that drips a byte at a time never trips it, hence `deadline`.
    read_timeout: float = 30.0
    deadline: float = 120.0
    # Larger than anything ingest accepts would only be thrown away after the download.
    max_bytes: int = MAX_FILE_BYTES
    requests_per_second: float = 4.0
    attempts: int = 5
    # No retry whose wait would end more than this many seconds after a request's first attempt.
    retry_budget: float = 300.0
    wait_initial: float = 1.0
    wait_max: float = 60.0
    wait_jitter: float = 1.0
    # A Retry-After longer than this ends the retries of that request instead of stalling the sync.
    max_retry_after: float = 120.0
    # 200 results per page: a page of ~25 fields stays near 0.5 MB and a window holds 10,000.
    per_page: int = 200
    # The API silently resets pages above 50 to page 1 (federal-register-api.md).
    max_pages: int = 50

    @property
    def window_capacity(self) -> int:
        """The most documents one date window can list before the API truncates it."""
        return self.per_page * self.max_pages


def base_url(explicit: str | None = None) -> str:
    """The API root: `explicit`, else $EOREADER_SYNC_URL, else the Federal Register's."""
    url = explicit or os.environ.get(ENV_BASE_URL) or DEFAULT_BASE_URL
    return url.rstrip("/")
