"""Whether an order is still in force: from its disposition notes and from later orders.

The Federal Register's notes read "Revoked by: EO 13062, September 29, 1997", "Amended by:
EO 12987, January 31, 1996; EO 13032, December 26, 1996", "Revokes: EO 13010, July 15,
1996, (in part)". A revocation or supersession in part leaves the order in force, amended.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import NamedTuple

from eoreader.model import Relation, Status

_LABEL = re.compile(r"^\s*(?P<label>[A-Za-z() ]{3,60}?)\s*:\s*(?P<items>.*)$", re.S)
_ORDER = re.compile(r"\bE?EO\s+(\d{4,5})\b")
_VERBS = {
    "revoke": Relation.REVOKES, "supersede": Relation.SUPERSEDES, "suspersede": Relation.SUPERSEDES,
    "amend": Relation.AMENDS,
}
_STATUS = {Relation.REVOKES: Status.REVOKED, Relation.SUPERSEDES: Status.SUPERSEDED,
           Relation.AMENDS: Status.AMENDED}
_RANK = {Status.IN_FORCE: 0, Status.AMENDED: 1, Status.SUPERSEDED: 2, Status.REVOKED: 3}


class NoteChange(NamedTuple):
    """One change a disposition note records: `by` when another order made it to this one."""

    relation: Relation
    number: str
    by: bool
    partial: bool


class OrderStatus(NamedTuple):
    """An order's status and the order that gave it (None when in force)."""

    status: Status
    by: str | None = None


class Act(NamedTuple):
    """What one later document does to an order, as its references say."""

    by: str
    relation: Relation
    date: dt.date | None = None


def note_changes(notes: Iterable[str]) -> list[NoteChange]:
    """The revocations, supersessions and amendments the notes record, in their order."""
    changes = []
    for note in notes:
        for line in re.split(r"\n|;;", note):
            match = _LABEL.match(line.strip(" ;"))
            if not match:
                continue
            label = " ".join(match["label"].lower().split())
            verb = next((v for v in _VERBS if label.startswith(v)), None)
            if verb is None:
                continue
            for item in match["items"].split(";"):
                partial = "in part" in label or "in part" in item
                for number in _ORDER.findall(item):
                    changes.append(NoteChange(_VERBS[verb], number, label.endswith(" by"), partial))
    return changes


def status_from_notes(notes: Iterable[str]) -> OrderStatus:
    """The status the notes give an order: revoked or superseded (in full), amended, in force."""
    acts = [Act(c.number, Relation.AMENDS if c.partial else c.relation)
            for c in note_changes(notes) if c.by]
    return status_from_acts(acts)


def status_from_acts(acts: Iterable[Act]) -> OrderStatus:
    """The status that later orders' changes give an order: the strongest change wins; among
    equals the first revocation or supersession, or the latest amendment."""
    best = OrderStatus(Status.IN_FORCE)
    for act in sorted(acts, key=lambda a: (a.date or dt.date.min)):
        status = _STATUS.get(act.relation)
        if status is None:
            continue
        stronger = _RANK[status] > _RANK[best.status]
        if stronger or (status is Status.AMENDED and best.status is Status.AMENDED):
            best = OrderStatus(status, act.by)
    return best


def resolve_status(notes: Iterable[str], acts: Iterable[Act]) -> OrderStatus:
    """The stronger of what the notes and the later orders in the index say."""
    from_notes, from_acts = status_from_notes(notes), status_from_acts(acts)
    return from_acts if _RANK[from_acts.status] > _RANK[from_notes.status] else from_notes
