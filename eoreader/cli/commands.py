"""The subcommands: ingest, search, show, stats."""

from __future__ import annotations

import datetime as dt
import sys

import click

from eoreader.cli import main
from eoreader.cli.output import ingest_progress, print_document, print_json, print_results, print_summary
from eoreader.library import Library
from eoreader.model import Kind
from eoreader.search import SORTS
from eoreader.search.query import kind_of

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for programs.")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--prune", is_flag=True, help="Remove documents whose source files are gone.")
@json_option
@click.pass_obj
def ingest(index_dir: str | None, paths: tuple[str, ...], prune: bool, as_json: bool) -> None:
    """Index the files and folders PATHS (exit 1 when any file was rejected).

    Commits every few hundred documents: after ctrl-c (exit 130) or a full disk, run it
    again to continue where it stopped."""
    with Library(index_dir) as library, ingest_progress() as progress:
        summary = library.ingest(paths, prune=prune, progress=progress)
    if as_json:
        print_json(summary.to_dict())
    else:
        print_summary(summary)
    sys.exit(1 if summary.rejected else 0)


@main.command()
@click.argument("query", nargs=-1)
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 1000), help="Hits to show.")
@click.option("--sort", type=click.Choice(SORTS), default="relevance", show_default=True,
              help="Order of the hits.")
@click.option("--kind", help="Only this kind: order, proclamation, memorandum, fact-sheet, ...")
@click.option("--president", help="Only this president's documents (surname).")
@click.option("--year", type=int, help="Only documents of this year.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Only documents dated on or after DATE.")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Only documents dated on or before DATE.")
@click.option("--actor", help='Only orders that direct this actor to act ("the Secretary of Defense").')
@click.option("--exact", is_flag=True, help="Search the words as typed, without correcting typos.")
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(0.01),
              help="Seconds to spend matching phrases; past it the answer counts what was matched and says partial.")
@json_option
@click.pass_obj
def search(index_dir: str | None, query: tuple[str, ...], limit: int, sort: str, kind: str | None,
           president: str | None, year: int | None, since: dt.datetime | None, until: dt.datetime | None,
           actor: str | None, exact: bool, timeout: float, as_json: bool) -> None:
    """Search the index for QUERY (empty: newest documents first).

    Words, "phrases", AND / OR / NOT, -word, prefix*, fuzzy~, and the fields title: eo:
    kind: president: agency: heading: year: date: (date:2025-04, date:>=2025-01-20,
    date:[2017-01-20 TO 2021-01-20]); see the README's "Query language".
    """
    wanted = kind_of(kind) if kind else None
    if kind and wanted is None:
        raise click.BadParameter(f"no kind {kind!r}; kinds: {', '.join(k.value for k in Kind)}", param_hint="--kind")
    with Library(index_dir) as library:
        results = library.search(
            " ".join(query), limit=limit, sort=sort, kind=wanted.value if wanted else None,
            president=president, year=year, since=since.date() if since else None,
            until=until.date() if until else None, actor=actor, correct=not exact, budget=timeout,
        )
    if as_json:
        print_json(results.to_dict())
    else:
        print_results(results)


@main.command()
@click.argument("document")
@json_option
@click.pass_obj
def show(index_dir: str | None, document: str, as_json: bool) -> None:
    """Print DOCUMENT: an id, or an order number such as 14288 or "EO 14288"."""
    with Library(index_dir) as library:
        doc = library.get(document)
        status, by = library.status(doc)
    if as_json:
        print_json({**doc.to_dict(), "status": status.value, "status_by": by})
    else:
        print_document(doc, status.value, by)


@main.command()
@json_option
@click.pass_obj
def stats(index_dir: str | None, as_json: bool) -> None:
    """Which index is in use and how many documents it holds."""
    with Library(index_dir) as library:
        info = library.stats()
    if as_json:
        print_json(info)
    else:
        for key, value in info.items():
            click.echo(f"{key}: {value}")
