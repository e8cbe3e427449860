"""The command line: bare `eoreader` opens the reader; subcommands do the rest."""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click

from eoreader.cli.output import error
from eoreader.sanitize import clean_line


# Exit statuses: 1 for errors users can fix, 2 for bad usage (click), and these.
EXIT_DAMAGED = 3  # the index is damaged and --no-rebuild forbade rebuilding it
EXIT_INTERRUPTED = 130  # ctrl-c, as shells report SIGINT


# Each subcommand's module, imported when the command is asked for: the bare command opens the
# reader at once, without loading ingest, sync or the Federal Register client.
SUBCOMMANDS = {
    "ingest": "eoreader.cli.commands", "search": "eoreader.cli.commands", "show": "eoreader.cli.commands",
    "stats": "eoreader.cli.commands", "deadlines": "eoreader.cli.deadlines", "check": "eoreader.cli.check",
    "sync": "eoreader.cli.sync",
}


class Group(click.Group):
    """Errors users can cause end as one line on stderr and a status, never a traceback;
    subcommands are registered by their modules, imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | set(SUBCOMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in SUBCOMMANDS:
            importlib.import_module(SUBCOMMANDS[cmd_name])
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        from eoreader.indexing import WriteFailed
        from eoreader.ingest import MissingPath
        from eoreader.library import NotFound
        from eoreader.search import DamagedIndex, IndexBusy, NotAnIndex

        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as exc:
            # Interrupted says how many documents were committed; a bare ctrl-c has no count.
            click.echo(clean_line(str(exc)) if str(exc) else "interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except DamagedIndex as exc:
            error(f"index damaged: {exc}")
            sys.exit(EXIT_DAMAGED)
        except (MissingPath, NotFound, IndexBusy, NotAnIndex, WriteFailed, OSError) as exc:
            error(str(exc))
            sys.exit(1)


@click.group(cls=Group, invoke_without_command=True)
@click.option("--index", "index_dir", type=click.Path(file_okay=False), envvar="EOREADER_INDEX",
              help="Index folder (default: index/ of the checkout, else the user data folder).")
@click.option("--no-rebuild", is_flag=True,
              help=f"Exit with status {EXIT_DAMAGED} instead of rebuilding a damaged index.")
@click.version_option(package_name="eoreader")
@click.pass_context
def main(ctx: click.Context, index_dir: str | None, no_rebuild: bool) -> None:
    """eoreader: search and read US executive orders in the terminal."""
    from eoreader import logs
    from eoreader.recovery import ENV_NO_REBUILD

    logs.setup()
    if no_rebuild:
        # Through the environment, so every Library this command opens (the TUI's too) obeys;
        # restored afterwards for callers that run several commands in one process.
        previous = os.environ.get(ENV_NO_REBUILD)
        os.environ[ENV_NO_REBUILD] = "1"
        ctx.call_on_close(lambda: _restore(ENV_NO_REBUILD, previous))
    ctx.obj = index_dir
    if ctx.invoked_subcommand is None:
        from eoreader.tui.launch import run

        run(index_dir)


def _restore(name: str, value: str | None) -> None:
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value

