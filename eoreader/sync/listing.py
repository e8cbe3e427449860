"""Listing a date range: windows small enough for the API's 50-page cap, every page followed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from eoreader.sanitize import clean_line
from eoreader.sync.api import BadResponse, Entry, Page, Query, Window, parse_page, parse_result
from eoreader.sync.client import Client, FetchError
from eoreader.sync.summary import Failure


@dataclass
class Listing:
    """One date window's documents, and what went wrong listing them."""

    window: Window
    entries: list[Entry] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def list_range(client: Client, query: Query, window: Window,
               on_page: Callable[[], None] = lambda: None) -> Iterator[Listing]:
    """Each window of `window` in date order, split until its count fits in the page cap."""
    settings = client.settings
    url = f"{settings.base_url}/documents.json"
    listing = Listing(window)
    try:
        first = _page(client, url, query.params(window, settings.per_page))
    except (FetchError, BadResponse) as exc:
        listing.failures.append(Failure(f"listing {window}", str(exc), published=window.start))
        yield listing
        return
    on_page()
    if first.count > settings.window_capacity and window.start < window.end:
        for half in window.halves():
            yield from list_range(client, query, half, on_page)
        return
    if first.count > settings.window_capacity:
        listing.warnings.append(f"{first.count} documents published on {window.start}: "
                                f"the API lists only the first {settings.window_capacity}")
    listed = _collect(first, 1, listing)
    last = min(first.total_pages, settings.max_pages)
    next_url = first.next_url
    complete = True
    for number in range(2, last + 1):
        try:
            if next_url and client.allows(next_url):
                page = _page(client, next_url)
            else:
                # No usable next_page_url (or the page before failed): ask for the page ourselves.
                page = _page(client, url, query.params(window, settings.per_page, number))
        except (FetchError, BadResponse) as exc:
            listing.failures.append(Failure(f"page {number} of {window}", str(exc), published=window.start))
            next_url, complete = None, False
            continue
        on_page()
        listed += _collect(page, number, listing)
        next_url = page.next_url
    if complete and listed < min(first.count, settings.window_capacity):
        listing.warnings.append(f"{window}: the API counted {first.count} documents but listed {listed}")
    yield listing


def _page(client: Client, url: str, params: list[tuple[str, str]] | None = None) -> Page:
    return parse_page(client.get(url, params).data)


def _collect(page: Page, number: int, listing: Listing) -> int:
    """Add the page's good results to `listing` and a failure for each bad one; returns how many."""
    for position, raw in enumerate(page.results, 1):
        try:
            listing.entries.append(parse_result(raw))
        except BadResponse as exc:
            name = raw.get("document_number") if isinstance(raw, dict) else None
            title = raw.get("title") if isinstance(raw, dict) else None
            listing.failures.append(Failure(
                clean_line(name)[:60] if isinstance(name, str) and name else f"result {position} of page {number}",
                str(exc), clean_line(title) if isinstance(title, str) else "", listing.window.start,
            ))
    return len(page.results)
