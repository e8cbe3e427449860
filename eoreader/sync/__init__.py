"""`eoreader sync`: mirror presidential documents from the Federal Register API, then ingest them.

Sync sits beside the CLI and the TUI, above Library. `sync()` is the one entry point and runs
as well in a thread (a TUI worker) as from the command line: progress goes to `on_progress`,
and `cancelled()` is asked before every page and document. Killed at any point, a later sync
resumes: documents reach the mirror whole (mirror.py), the state names only what is on disk
(state.py), and ingest reads only the mirror.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from eoreader import paths
from eoreader.library import Library
from eoreader.sync.api import TYPES, BadResponse, Query, Window
from eoreader.sync.mirror import ENV_MIRROR, Mirror, MirrorBusy
from eoreader.sync.settings import ENV_BASE_URL, Settings, base_url
from eoreader.sync.state import State
from eoreader.sync.summary import Failure, Progress, SyncSummary

__all__ = [
    "ENV_BASE_URL", "ENV_MIRROR", "TYPES", "BadRange", "BadResponse", "Failure", "MirrorBusy", "Progress",
    "Settings", "SyncSummary", "base_url", "default_mirror", "sync", "term_start",
]

# The API may list an issue's documents after its date has begun; re-listing a week costs one
# page and finds them, while mirrored documents are not downloaded again.
OVERLAP = dt.timedelta(days=7)
# No field says when a document's metadata last changed (federal-register-api.md), so every
# 30 days a sync re-lists everything it ever mirrored and picks up new disposition notes.
REFRESH_EVERY = dt.timedelta(days=30)


class BadRange(ValueError):
    """A start date after the end date."""


def default_mirror(index: Path) -> Path:
    """The mirror of an index: $EOREADER_MIRROR, else `<index folder>.mirror` beside it."""
    if env := os.environ.get(ENV_MIRROR):
        return Path(env).expanduser()
    return index.with_name(index.name + ".mirror")


def term_start(today: dt.date) -> dt.date:
    """The inauguration day that began the presidential term `today` falls in."""
    year = today.year - (today.year - 1) % 4
    start = dt.date(year, 1, 20)
    return start if today >= start else dt.date(year - 4, 1, 20)


def sync(
    index_dir: str | os.PathLike[str] | None = None,
    *,
    library: Library | None = None,
    mirror: str | os.PathLike[str] | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    types: Iterable[str] = ("executive_order",),
    president: str | None = None,
    refresh: bool = False,
    dry_run: bool = False,
    settings: Settings | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SyncSummary:
    """Mirror the documents published from `since` (default: where the last sync stopped, or the
    current presidential term) to `until` (default: today), then ingest the mirror."""
    # httpx and tenacity load only when a sync runs (40 ms): other commands do not pay for them.
    from eoreader.sync.client import Client
    from eoreader.sync.listing import list_range
    from eoreader.sync.run import Cancelled, Run

    settings = settings or Settings(base_url=base_url())
    index = library.path if library else paths.index_dir(index_dir)
    store = Mirror(Path(mirror).expanduser() if mirror else default_mirror(index))
    query = Query(tuple(types), president)
    until = until or dt.date.today()
    state = State.load(store.root)
    record = state.record(query.key)
    refreshing = refresh or bool(record.first and (
        record.refreshed is None or until - record.refreshed >= REFRESH_EVERY))
    start = since or (record.first if refreshing else record.next_since) or term_start(until)
    if start > until:
        raise BadRange(f"the sync would start on {start}, after its end date {until}")
    covers_all = record.first is None or start <= record.first
    summary = SyncSummary(str(store.root), start, until, dry_run)
    if not dry_run:
        store.open()
    try:
        run = Run(store, summary, on_progress, cancelled)
        with Client(settings, sleep=run.sleep, on_retry=run.retrying) as client:
            run.client = client
            try:
                for listing in list_range(client, query, Window(start, until), run.page_listed):
                    run.apply(listing)
                    if not dry_run:
                        # Only now are this window's documents durable: the state may name them.
                        retry_from = [f.published for f in summary.failed if f.published]
                        record.next_since = min([*retry_from, listing.window.end + dt.timedelta(days=1),
                                                 until + dt.timedelta(days=1) - OVERLAP])
                        record.first = min(record.first or start, start)
                        state.save(store.staging)
            except Cancelled:
                summary.cancelled = True
            summary.requests, summary.bytes, summary.retries = client.requests, client.bytes, client.retries
        summary.next_since = record.next_since
        if dry_run or summary.cancelled:
            return summary
        if covers_all:
            record.refreshed = until
            state.save(store.staging)
    finally:
        store.close()
    run.emit(phase="ingesting")
    if library:
        summary.ingest = library.ingest([store.documents])
    else:
        with Library(index) as opened:
            summary.ingest = opened.ingest([store.documents])
    run.emit(phase="done")
    return summary
