"""The subcommands: ingest, search, show, stats."""

from __future__ import annotations

import sys

import click

from eoreader.cli import main
from eoreader.cli.output import print_document, print_json, print_results, print_summary
from eoreader.library import Library

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
    with Library(index_dir) as library:
        summary = library.ingest(paths, prune=prune)
    if as_json:
        print_json(summary.to_dict())
    else:
        print_summary(summary)
    sys.exit(1 if summary.rejected else 0)


@main.command()
@click.argument("query", nargs=-1)
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 1000), help="Hits to show.")
@json_option
@click.pass_obj
def search(index_dir: str | None, query: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Search the index for QUERY (empty: newest documents first)."""
    with Library(index_dir) as library:
        results = library.search(" ".join(query), limit=limit)
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
    if as_json:
        print_json(doc.to_dict())
    else:
        print_document(doc)


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
