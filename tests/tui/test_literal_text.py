"""Document text is shown literally: markup stays text, escape sequences never reach the screen.

The second test hands the reader documents that never went through ingest (and its
sanitizer), so that what is tested is the display's own defence.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from textual.pilot import Pilot

from eoreader import Library
from eoreader.model import Document, KeyPoint, Kind, Section
from eoreader.tui.app import EOReaderApp
from eoreader.tui.messages import OpenDocument
from eoreader.tui.screens.reader import ReaderScreen
from eoreader.tui.widgets.document_view import DocumentView
from eoreader.userdata import Bookmark, UserData
from tests.hostile import FORBIDDEN, PAYLOADS, all_marked, marked
from tests.tui.conftest import screen_text, search, settle

HOSTILE = (
    "Markup that must stay text\n\n"
    "The order says [bold]not bold[/bold] and [@click=app.quit]click me[/] and [link=https://x.test]x[/link].\n\n"
    "Terminal tricks \x1b]0;owned\x07 title, \x1b[2J clear, \x1b[31m red \x1b[0m and \x9b1m C1.\n"
)


async def test_markup_and_escapes_in_a_document_are_not_interpreted(tmp_path: Path) -> None:
    source = tmp_path / "hostile.txt"
    source.write_text(HOSTILE)
    with Library(tmp_path / "index") as library:
        library.ingest([source])
        app = EOReaderApp(library, UserData.load(tmp_path / "userdata.json"))
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press("down", "enter")
            await settle(pilot)
            assert isinstance(app.screen, ReaderScreen)
            body = app.screen.query_one(DocumentView)
            # The drawn lines, rejoined where they wrapped.
            shown = " ".join(line.plain for view in body.children for line in view.lines(view.size.width)[0])  # type: ignore[attr-defined]
            assert "[bold]not bold[/bold]" in shown
            assert "[@click=app.quit]click me[/]" in shown
            assert "[link=https://x.test]x[/link]" in shown
            assert "\x1b" not in shown and "\x9b" not in shown and "\x07" not in shown
            assert "\x1b" not in screen_text(pilot)
            row, line = next((y, line) for y, line in enumerate(screen_text(pilot).split("\n")) if "click me" in line)
            await pilot.click(offset=(line.index("click me") + 2, row))
            await settle(pilot)
            assert app.is_running  # the [@click=app.quit] text did not become an action


def raw_document(doc_id: str) -> Document:
    """A document as an attacker would write it: every field hostile, nothing sanitized."""
    bad = all_marked()
    return Document(
        id=doc_id, kind=Kind.ORDER, number="99999", title=f"Raw {marked('osc0')} {marked('markup')} {marked('bidi')}",
        president="Nobody", signed=dt.date(2025, 1, 1), citation=f"90 FR {marked('c1osc')}",
        sources=[f"/tmp/evil{PAYLOADS['osc2']}{PAYLOADS['bidi']}.txt"],
        key_points=[KeyPoint(f"Point {marked('osc52')} {marked('markup')}", f"type{PAYLOADS['clear']}", "1", 0, 5)],
        sections=[
            Section("1", f"Heading {marked('dcs')} {marked('markup')}", "1", f"Body {bad}", [
                Section("1.a", "", "a", f"(a) Sub {marked('c1csi')} and Executive Order 13721."),
            ]),
            Section("2", f"Second {marked('move')}", "2", f"End {marked('unterminated')}\nlast line"),
        ],
    )


@pytest.mark.parametrize("size", [(80, 24), (140, 40)], ids=["narrow", "wide"])
async def test_unsanitized_documents_reach_the_screen_as_plain_text(
        sample_app: EOReaderApp, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]) -> None:
    library = sample_app.library
    real_get = library.get
    raw = raw_document("eo-13721")
    monkeypatch.setattr(library, "get", lambda key: raw if key in ("eo-13721", "13721") else real_get(key))
    sample_app.userdata.add_bookmark(Bookmark("eo-13721", raw.title, "order", "99999", "1"))
    async with sample_app.run_test(size=size) as pilot:
        await search(pilot, "engagement")
        seen = [screen_text(pilot)]
        sample_app.post_message(OpenDocument("eo-13721"))
        await settle(pilot)
        reader = sample_app.screen
        assert isinstance(reader, ReaderScreen) and reader.document is raw
        await pilot.press("t", "right_curly_bracket", "l")
        await settle(pilot)
        seen.append(screen_text(pilot))
        await pilot.press("question_mark")
        seen.append(screen_text(pilot))
        await pilot.press("escape", "B")
        await settle(pilot)
        seen.append(screen_text(pilot))
        await pilot.press("escape", "ctrl+p", *"heading")
        await settle(pilot)
        seen.append(screen_text(pilot))
        await pilot.press("escape")
        await pilot.press("y")
        copied = sample_app.clipboard
        assert sample_app.is_running  # no markup in any field became an action
    text = "\n".join(seen)
    assert "%%markup[bold]B[/bold][@click=app.quit]Q[/]" in text.replace("\n", "")
    for forbidden in FORBIDDEN + ["\x1b", "\x07"]:
        assert forbidden not in text and forbidden not in copied, repr(forbidden)
    assert not any("\x80" <= ch <= "\x9f" for ch in text + copied)
    assert dataclasses.asdict(raw) == dataclasses.asdict(raw_document("eo-13721"))  # shown, never altered
