"""The HTTP client: timeouts, a whole-request deadline, a byte cap, a request rate, retries."""

from __future__ import annotations

import datetime as dt
import email.utils
import time
from collections.abc import Callable
from types import TracebackType
from typing import NamedTuple
from urllib.parse import urlsplit

import httpx
import tenacity

from eoreader.sanitize import clean_line
from eoreader.sync.settings import USER_AGENT, Settings

Params = list[tuple[str, str]]
# Transport failures worth another attempt; a bad URL or a local protocol misuse is not.
_TRANSIENT = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


class FetchError(Exception):
    """A request that failed for good; the message is the reason shown to the user."""


class Retryable(FetchError):
    """A failure worth another attempt: 429, a 5xx, a body that took too long."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


class Fetched(NamedTuple):
    """One successful response: where it came from, what it says it is, its body."""

    url: str
    content_type: str
    data: bytes


def retry_after(value: str | None, now: dt.datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delay-seconds or an HTTP date (RFC 9110 10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    now = now or dt.datetime.now(dt.UTC)
    return max(0.0, (when - now).total_seconds())


class RateLimit:
    """At most `per_second` request starts per second, spaced evenly."""

    def __init__(self, per_second: float, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.interval = 1.0 / per_second
        self._sleep, self._clock = sleep, clock
        self._next = 0.0

    def wait(self) -> None:
        now = self._clock()
        if self._next > now:
            self._sleep(self._next - now)
            now = self._next
        self._next = now + self.interval


class Client:
    """GETs against one API host, polite and bounded; counts requests, bytes and retries."""

    def __init__(self, settings: Settings, sleep: Callable[[float], None] = time.sleep,
                 on_retry: Callable[[str, float], None] | None = None) -> None:
        self.settings = settings
        self.host = urlsplit(settings.base_url).netloc
        self.requests = self.bytes = self.retries = 0
        self._sleep = sleep
        self._on_retry = on_retry
        self._limit = RateLimit(settings.requests_per_second, sleep)
        self._http = httpx.Client(
            timeout=httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout),
            headers={"User-Agent": USER_AGENT},
            follow_redirects=True,
            max_redirects=5,
        )
        self._backoff = tenacity.wait_exponential_jitter(
            multiplier=settings.wait_initial, max=settings.wait_max, jitter=settings.wait_jitter
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def allows(self, url: str) -> bool:
        """Whether `url` is http(s) on the API's own host: responses never send us elsewhere."""
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and parts.netloc == self.host

    def get(self, url: str, params: Params | None = None) -> Fetched:
        """The body at `url`, retried on 429, 5xx and broken connections; FetchError when it fails."""
        if not self.allows(url):
            raise FetchError(f"refusing a URL outside {self.host}: {clean_line(url)[:200]}")
        retrying = tenacity.Retrying(
            stop=tenacity.stop_after_attempt(self.settings.attempts)
            | tenacity.stop_before_delay(self.settings.retry_budget),
            wait=self._wait,
            retry=tenacity.retry_if_exception(self._should_retry),
            sleep=self._sleep,
            before_sleep=self._before_sleep,
            reraise=True,
        )
        try:
            return retrying(self._get_once, url, params)
        except Retryable as exc:
            if exc.retry_after is not None and exc.retry_after > self.settings.max_retry_after:
                raise FetchError(f"{exc}, asked to wait {exc.retry_after:.0f} s") from exc
            raise FetchError(f"{exc}{_attempts(retrying)}") from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"{describe(exc)}{_attempts(retrying)}") from exc
        except httpx.InvalidURL as exc:
            raise FetchError(f"bad URL: {clean_line(str(exc))}") from exc

    def _get_once(self, url: str, params: Params | None) -> Fetched:
        self._limit.wait()
        self.requests += 1
        started = time.monotonic()
        limit = self.settings.max_bytes
        with self._http.stream("GET", url, params=params) as response:
            status = response.status_code
            if status == 429 or status >= 500:
                raise Retryable(f"HTTP {status}", retry_after(response.headers.get("Retry-After")))
            if not response.is_success:
                raise FetchError(f"HTTP {status}")
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > limit:
                raise FetchError(f"larger than {limit // (1024 * 1024)} MB ({declared} bytes)")
            chunks, size = [], 0
            # iter_bytes() decompresses, so the cap also stops a gzip bomb.
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise FetchError(f"larger than {limit // (1024 * 1024)} MB")
                if time.monotonic() - started > self.settings.deadline:
                    raise Retryable(f"took longer than {self.settings.deadline:g} s")
                chunks.append(chunk)
            self.bytes += size
            return Fetched(str(response.url), response.headers.get("Content-Type", ""), b"".join(chunks))

    def _should_retry(self, exc: BaseException) -> bool:
        if isinstance(exc, Retryable):
            return exc.retry_after is None or exc.retry_after <= self.settings.max_retry_after
        return isinstance(exc, _TRANSIENT)

    def _wait(self, state: tenacity.RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, Retryable) and exc.retry_after is not None:
            return exc.retry_after
        return float(self._backoff(state))

    def _before_sleep(self, state: tenacity.RetryCallState) -> None:
        self.retries += 1
        if self._on_retry and state.outcome and state.next_action:
            exc = state.outcome.exception()
            reason = str(exc) if isinstance(exc, FetchError) else describe(exc)
            self._on_retry(reason, state.next_action.sleep)


def _attempts(retrying: tenacity.Retrying) -> str:
    count = retrying.statistics.get("attempt_number", 1)
    return f" after {count} attempts" if count > 1 else ""


def describe(exc: BaseException | None) -> str:
    """A one-line reason for a transport failure."""
    if isinstance(exc, httpx.TimeoutException):
        return "timed out"
    if isinstance(exc, httpx.ConnectError):
        return f"could not connect: {clean_line(str(exc))}"
    return clean_line(f"{type(exc).__name__}: {exc}")
