"""An order's status from its disposition notes and from later orders' changes."""

from __future__ import annotations

import datetime as dt

from eoreader.ingest.status import Act, NoteChange, OrderStatus, note_changes, resolve_status, status_from_acts, status_from_notes
from eoreader.model import Relation, Status


def test_notes_read_as_changes_in_both_directions() -> None:
    notes = ["Amends: EO 12131, May 4, 1979", "Supersedes: EO 13062, September 29, 1997 (in part)",
             "Revokes: EO 12852, June 29, 1993; EO 13010, July 15, 1996, (in part)",
             "Revoked by: EO 13226, September 30, 2001 (in part)", "See: EO 13130, July 14, 1999"]
    assert note_changes(notes) == [
        NoteChange(Relation.AMENDS, "12131", False, False),
        NoteChange(Relation.SUPERSEDES, "13062", False, True),
        NoteChange(Relation.REVOKES, "12852", False, False),
        NoteChange(Relation.REVOKES, "13010", False, True),
        NoteChange(Relation.REVOKES, "13226", True, True),
    ]


def test_status_from_notes() -> None:
    amended = ["Amended by: EO 12987, January 31, 1996; EO 13032, December 26, 1996"]
    assert status_from_notes(amended) == OrderStatus(Status.AMENDED, "13032")
    assert status_from_notes([*amended, "Revoked by: EO 13062, September 29, 1997"]) == OrderStatus(
        Status.REVOKED, "13062")
    assert status_from_notes(["Superseded by: EO 13144, December 21, 1999"]) == OrderStatus(Status.SUPERSEDED, "13144")
    # Revoked in part: still in force, amended.
    assert status_from_notes(["Revoked (in part) by: EO 13316, September 17, 2003"]) == OrderStatus(
        Status.AMENDED, "13316")
    assert status_from_notes(["Amends: EO 12131, May 4, 1979", "See: EO 13130"]) == OrderStatus(Status.IN_FORCE)


def test_status_from_later_orders_and_both_together() -> None:
    acts = [Act("14148", Relation.REVOKES, dt.date(2025, 1, 20)), Act("14100", Relation.AMENDS, dt.date(2023, 6, 1)),
            Act("14200", Relation.MENTIONS, dt.date(2025, 2, 1))]
    assert status_from_acts(acts) == OrderStatus(Status.REVOKED, "14148")
    assert status_from_acts([]) == OrderStatus(Status.IN_FORCE)
    notes = ["Amended by: EO 14100, June 1, 2023"]
    assert resolve_status(notes, acts) == OrderStatus(Status.REVOKED, "14148")
    assert resolve_status(["Revoked by: EO 13062, September 29, 1997"], []) == OrderStatus(Status.REVOKED, "13062")
