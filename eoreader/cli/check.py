"""`eoreader check [--fix]`: compare the index with its manifest, and repair it."""

from __future__ import annotations

import sys

import click
from rich.text import Text

from eoreader import paths
from eoreader.cli import main
from eoreader.cli.output import console, print_json
from eoreader.integrity import Report, check, fix
from eoreader.sanitize import clean_line


@main.command(name="check")
@click.option("--fix", "repair", is_flag=True,
              help="Remove leftovers of killed runs, reindex what is missing, rebuild a damaged index.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for programs.")
@click.pass_obj
def check_command(index_dir: str | None, repair: bool, as_json: bool) -> None:
    """Check the index against its manifest (exit 1 when something is wrong)."""
    folder = paths.index_dir(index_dir)
    report = check(folder)
    actions: list[str] = []
    if repair and not report.ok:
        actions = fix(folder, report)
        report = check(folder)
    if as_json:
        print_json({**report.to_dict(), "fixed": actions})
    else:
        _print(report, actions)
    sys.exit(0 if report.ok else 1)


def _print(report: Report, actions: list[str]) -> None:
    out = console()
    for action in actions:
        out.print(Text(f"fixed: {clean_line(action)}", style="green"))
    for f in report.findings:
        out.print(Text(f"{f.kind} {clean_line(f.subject)}: {clean_line(f.detail)}", style="red"))
    verdict = "ok" if report.ok else f"{len(report.findings)} problems"
    out.print(Text(
        f"{report.documents} documents, {report.texts} stored texts, {report.queries} queries, "
        f"{report.files} index files checked: {verdict}"
    ))
