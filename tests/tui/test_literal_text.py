"""Document text is shown literally: markup stays text, escape sequences never reach the screen."""

from __future__ import annotations

from pathlib import Path

from eoreader import Library
from eoreader.tui.app import EOReaderApp
from eoreader.tui.screens.reader import ReaderScreen
from eoreader.tui.widgets.document_view import DocumentView

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
        app = EOReaderApp(library)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause(0.3)
            await app.workers.wait_for_complete()
            await pilot.press("down", "enter")
            await pilot.pause()
            assert isinstance(app.screen, ReaderScreen)
            body = app.screen.query_one(DocumentView)
            lines = [strip.text for strip in body.render_lines(body.region.reset_offset)]
            shown = "\n".join(str(b.render()) for b in body.children)
            assert "[bold]not bold[/bold]" in shown
            assert "[@click=app.quit]click me[/]" in shown
            assert "[link=https://x.test]x[/link]" in shown
            assert "\x1b" not in shown and "\x9b" not in shown and "\x07" not in shown
            assert all("\x1b" not in line for line in lines)
            assert app.is_running  # the [@click=app.quit] text did not become an action
