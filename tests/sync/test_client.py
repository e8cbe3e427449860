"""The HTTP client's politeness and limits, against the fake API with a recording sleep."""

from __future__ import annotations

import datetime as dt
import email.utils

import pytest

from eoreader.sync.client import Client, FetchError, RateLimit, retry_after
from eoreader.sync.settings import USER_AGENT, base_url
from tests.sync.conftest import fast
from tests.sync.fakeapi import FakeAPI, Fault

NOW = dt.datetime(2026, 11, 20, 12, 0, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(("header", "seconds"), [
    ("120", 120.0),
    (" 7 ", 7.0),
    ("Fri, 20 Nov 2026 12:00:30 GMT", 30.0),
    ("Fri, 20 Nov 2026 11:59:00 GMT", 0.0),  # a date already past: retry at once
    ("soon", None),
    ("-5", None),
    ("", None),
    (None, None),
])
def test_retry_after_reads_seconds_and_http_dates(header: str | None, seconds: float | None) -> None:
    assert retry_after(header, now=NOW) == seconds


def test_rate_limit_spaces_request_starts() -> None:
    clock, slept = [100.0], []

    def sleep(seconds: float) -> None:
        slept.append(round(seconds, 6))
        clock[0] += seconds

    limit = RateLimit(4.0, sleep=sleep, clock=lambda: clock[0])
    for _ in range(3):
        limit.wait()
    assert slept == [0.25, 0.25]


def test_retry_after_as_http_date_sets_the_wait(api: FakeAPI) -> None:
    when = email.utils.format_datetime(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=3), usegmt=True)
    api.fail("/api/v1/documents.json", Fault(503, b"", {"Retry-After": when}))
    slept: list[float] = []
    with Client(fast(api, requests_per_second=1e9), sleep=slept.append) as client:
        client.get(f"{api.url}/documents.json", [("conditions[type][]", "PRESDOCU")])
    assert client.retries == 1 and 1.0 <= slept[0] <= 3.0


def test_backoff_grows_and_stops_after_the_attempts(api: FakeAPI) -> None:
    api.fail("/api/v1/documents.json", *[Fault(502)] * 5)
    slept: list[float] = []
    settings = fast(api, requests_per_second=1e9, attempts=5, wait_initial=1.0, wait_max=6.0, wait_jitter=0.5)
    with Client(settings, sleep=slept.append) as client, pytest.raises(FetchError, match="HTTP 502 after 5 attempts"):
        client.get(f"{api.url}/documents.json")
    assert len(slept) == 4 and len(api.requests) == 5
    # 1, 2, 4, then capped at 6, each plus up to 0.5 of jitter.
    assert [int(s) for s in slept] == [1, 2, 4, 6] and slept[3] == 6.0


def test_no_wait_runs_past_the_retry_budget(api: FakeAPI) -> None:
    api.fail("/api/v1/documents.json", Fault(503, b"", {"Retry-After": "3"}))
    slept: list[float] = []
    with Client(fast(api, retry_budget=2.0), sleep=slept.append) as client, pytest.raises(FetchError, match="503"):
        client.get(f"{api.url}/documents.json")
    assert slept == [] and len(api.requests) == 1


def test_the_byte_cap_refuses_a_large_body(api: FakeAPI) -> None:
    with Client(fast(api, max_bytes=1000)) as client, pytest.raises(FetchError, match="larger than"):
        client.get(f"{api.root}/full_text/xml/{api.document_number(13500)}.xml")
    assert len(api.requests) == 1


def test_urls_outside_the_api_host_are_refused(api: FakeAPI) -> None:
    with Client(fast(api)) as client:
        for url in ("http://example.org/x.xml", "file:///etc/passwd", f"ftp://{api.root[7:]}/x"):
            with pytest.raises(FetchError, match="refusing"):
                client.get(url)
    assert api.requests == []


def test_requests_say_who_is_asking(api: FakeAPI) -> None:
    with Client(fast(api)) as client:
        client.get(f"{api.root}/full_text/xml/{api.document_number(13500)}.xml")
    assert [r.user_agent for r in api.requests] == [USER_AGENT]
    assert USER_AGENT.startswith("eoreader/")


def test_base_url_comes_from_the_option_then_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EOREADER_SYNC_URL", "http://127.0.0.1:8000/api/v1/")
    assert base_url() == "http://127.0.0.1:8000/api/v1"
    assert base_url("https://example.org/api") == "https://example.org/api"
    monkeypatch.delenv("EOREADER_SYNC_URL")
    assert base_url() == "https://www.federalregister.gov/api/v1"
