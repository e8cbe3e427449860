"""`eoreader deadlines`: every deadline across the index, soonest first, marked overdue or upcoming."""

from __future__ import annotations

import datetime as dt
import re

import click
from rich.text import Text

from eoreader.cli import main
from eoreader.cli.commands import json_option
from eoreader.cli.output import console, print_json
from eoreader.ingest.deadlines import Due, add, select
from eoreader.library import Library
from eoreader.sanitize import clean, clean_line

_PERIOD = re.compile(r"^\s*(\d{1,4})\s*([dwmy]?)\s*$", re.I)
_UNITS = {"": "day", "d": "day", "w": "week", "m": "month", "y": "year"}
_STYLES = {"overdue": "red", "upcoming": "green", "undated": "dim"}


def _period(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[int, str] | None:
    if value is None:
        return None
    match = _PERIOD.match(value)
    if not match:
        raise click.BadParameter(f"{value!r} is no period; write it as 30d, 2w, 3m or 1y")
    return int(match.group(1)), _UNITS[match.group(2).lower()]


@main.command()
@click.option("--upcoming", metavar="PERIOD", callback=_period,
              help="Only deadlines due from today to PERIOD ahead: 30d, 2w, 3m, 1y.")
@click.option("--overdue", is_flag=True, help="Only deadlines already past (with --upcoming: those too).")
@click.option("--actor", metavar="NAME", help="Only deadlines of an actor whose name holds NAME, in any case.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), help="Count from this day (YYYY-MM-DD) instead of today.")
@json_option
@click.pass_obj
def deadlines(index_dir: str | None, upcoming: tuple[int, str] | None, overdue: bool, actor: str | None,
              today: dt.datetime | None, as_json: bool) -> None:
    """Every deadline that orders in the index set, with its order, actor, action and due date."""
    day = today.date() if today else dt.date.today()
    until = add(day, *upcoming) if upcoming else None
    with Library(index_dir) as library:
        items = select(library.deadlines(), day, until, overdue, actor)
    if as_json:
        print_json({"today": day.isoformat(), "count": len(items), "deadlines": [_record(i, day) for i in items]})
        return
    out = console()
    out.print(Text(f"{len(items)} deadlines, today {day.isoformat()}", style="dim"))
    for item in items:
        out.print(_line(item, day))
        out.print(Text("    ") + Text(clean_line(item.actor) or "(no actor named)", style="bold")
                  + Text(": " + clean(item.action)))


def _record(item: Due, today: dt.date) -> dict[str, object]:
    return {
        "id": item.doc_id, "number": item.number, "title": item.title, "actor": item.actor,
        "action": item.action, "due": item.due.isoformat() if item.due else None,
        "state": item.state(today), "days": (item.due - today).days if item.due else None,
        "section": item.section,
    }


def _line(item: Due, today: dt.date) -> Text:
    state = item.state(today)
    line = Text(f"{item.due.isoformat() if item.due else 'no date':<10}  ")
    line.append(f"{state:<8}", style=_STYLES[state])
    line.append(f"  {f'EO {item.number}' if item.number else item.doc_id}", style="bold")
    line.append(f"  {clean_line(item.title)}", style="dim")
    return line
