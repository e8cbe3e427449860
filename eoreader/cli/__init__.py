"""The command line: bare `eoreader` opens the reader; subcommands do the rest."""

from __future__ import annotations

import sys
from typing import Any

import click

from eoreader.cli.output import error


class Group(click.Group):
    """Errors users can cause end as one line on stderr and exit 1, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        from eoreader.ingest import MissingPath
        from eoreader.library import NotFound
        from eoreader.search import DamagedIndex, IndexBusy, NotAnIndex

        try:
            return super().invoke(ctx)
        except (MissingPath, NotFound, IndexBusy, NotAnIndex, DamagedIndex, OSError) as exc:
            error(str(exc))
            sys.exit(1)


@click.group(cls=Group, invoke_without_command=True)
@click.option("--index", "index_dir", type=click.Path(file_okay=False), envvar="EOREADER_INDEX",
              help="Index folder (default: index/ of the checkout, else the user data folder).")
@click.version_option(package_name="eoreader")
@click.pass_context
def main(ctx: click.Context, index_dir: str | None) -> None:
    """eoreader: search and read US executive orders in the terminal."""
    ctx.obj = index_dir
    if ctx.invoked_subcommand is None:
        from eoreader.tui.app import run

        run(index_dir)


from eoreader.cli import commands  # noqa: E402,F401  (registers the subcommands)
from eoreader.cli import sync  # noqa: E402,F401  (registers `eoreader sync`)
