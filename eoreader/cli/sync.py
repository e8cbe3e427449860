"""`eoreader sync`: mirror new documents from the Federal Register and ingest them."""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

import click
from rich.filesize import decimal
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.text import Text

from eoreader.cli import main
from eoreader.cli.commands import json_option
from eoreader.cli.output import console, err_console, error, print_json, print_summary
from eoreader.sanitize import clean_line
from eoreader.sync import ENV_BASE_URL, ENV_MIRROR, TYPES, BadRange, MirrorBusy, Settings, SyncSummary, sync
from eoreader.sync import base_url as default_base_url
from eoreader.sync import Progress as SyncProgress

DATE = click.DateTime(formats=["%Y-%m-%d"])


def _check_url(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value and (urlsplit(value).scheme not in ("http", "https") or not urlsplit(value).netloc):
        raise click.BadParameter("give an http:// or https:// URL, such as https://www.federalregister.gov/api/v1")
    return value


def _check_slug(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value and not re.fullmatch(r"[a-z][a-z.-]{1,40}", value):
        raise click.BadParameter("a president's slug is lower-case words joined by dashes, such as joe-biden")
    return value


@main.command("sync")
@click.option("--since", type=DATE, metavar="YYYY-MM-DD", help="First publication date to mirror. "
              "Default: where the last sync stopped; the first sync takes the current presidential term.")
@click.option("--until", type=DATE, metavar="YYYY-MM-DD", help="Last publication date to mirror (default: today).")
@click.option("--type", "types", multiple=True, type=click.Choice(TYPES), default=("executive_order",),
              show_default=True, help="Which presidential documents; repeat for several.")
@click.option("--president", metavar="SLUG", callback=_check_slug,
              help="Only one president's documents: donald-trump, joe-biden, barack-obama, ...")
@click.option("--mirror", type=click.Path(file_okay=False), envvar=ENV_MIRROR,
              help="Mirror folder (default: <index folder>.mirror beside the index).")
@click.option("--base-url", callback=_check_url, envvar=ENV_BASE_URL,
              help="API root to ask instead of https://www.federalregister.gov/api/v1.")
@click.option("--refresh", is_flag=True,
              help="Re-list everything mirrored so far, to pick up changed disposition notes (done every 30 days).")
@click.option("--dry-run", is_flag=True, help="Only list what would be downloaded: save and ingest nothing.")
@json_option
@click.pass_obj
def sync_command(index_dir: str | None, since: dt.datetime | None, until: dt.datetime | None,
                 types: tuple[str, ...], president: str | None, mirror: str | None, base_url: str | None,
                 refresh: bool, dry_run: bool, as_json: bool) -> None:
    """Mirror presidential documents from the Federal Register API and ingest them.

    Exit 1 when any document failed (a later sync retries it), 130 when interrupted.
    """
    start, end = (d.date() if d else None for d in (since, until))
    settings = Settings(base_url=default_base_url(base_url))
    try:
        with _progress_bar(enabled=not as_json and err_console().is_terminal) as on_progress:
            summary = sync(index_dir, mirror=mirror, since=start, until=end, types=types, president=president,
                           refresh=refresh, dry_run=dry_run, settings=settings, on_progress=on_progress)
    except BadRange as exc:
        raise click.UsageError(str(exc)) from None
    except MirrorBusy as exc:
        error(str(exc))
        sys.exit(1)
    except KeyboardInterrupt:
        error("interrupted: run `eoreader sync` again to resume")
        sys.exit(130)
    if as_json:
        print_json(summary.to_dict())
    else:
        print_sync_summary(summary)
    sys.exit(1 if summary.failed else 0)


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[Callable[[SyncProgress], None] | None]:
    """A rich progress bar on stderr (pages, documents, bytes), or nothing when not a terminal."""
    if not enabled:
        yield None
        return
    bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[detail]}", markup=False), console=err_console(), transient=True)
    with bar:
        pages = bar.add_task("pages", total=None, detail="")
        documents = bar.add_task("documents", total=None, detail="")

        def on_progress(p: SyncProgress) -> None:
            bar.update(pages, completed=p.pages, detail=decimal(p.bytes))
            bar.update(documents, completed=p.documents, total=p.documents_total or None,
                       detail=clean_line(p.message) or p.phase)

        yield on_progress


def print_sync_summary(summary: SyncSummary) -> None:
    """Counts, each failure with its reason, warnings, what ingest did, where the next sync starts."""
    for failure in summary.failed:
        title = f" ({clean_line(failure.title)})" if failure.title else ""
        err_console().print(Text(f"failed {clean_line(failure.document)}{title}: {clean_line(failure.reason)}",
                               style="red"))
    for warning in summary.warnings:
        err_console().print(Text(f"warning: {clean_line(warning)}", style="yellow"))
    verb = "would be " if summary.dry_run else ""
    console().print(Text(
        f"{summary.since} to {summary.until}: {len(summary.new)} {verb}new, {len(summary.updated)} {verb}updated, "
        f"{len(summary.unchanged)} unchanged, {len(summary.failed)} failed "
        f"({_count(summary.pages, 'page')}, {_count(summary.requests, 'request')}, {decimal(summary.bytes)}, "
        f"{_count(summary.retries, 'retry', 'retries')})"
    ))
    if summary.cancelled:
        console().print(Text("cancelled: run `eoreader sync` again to resume", style="yellow"))
    if summary.ingest:
        print_summary(summary.ingest)
    if not summary.dry_run:
        console().print(Text(f"mirror: {clean_line(summary.mirror)}; the next sync starts from {summary.next_since}",
                           style="dim"))


def _count(n: int, one: str, many: str = "") -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"
