"""The installed `eoreader` command, driven in tmux as a person would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import SEEDS, require_corpus

TMUX = shutil.which("tmux")
EOREADER = Path(sys.executable).with_name("eoreader")

pytestmark = [
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed (CI installs it in .ci/run)"),
    pytest.mark.skipif(not EOREADER.exists(), reason=f"no installed eoreader command at {EOREADER}"),
]


class Terminal:
    """One tmux session running a command at 80x24."""

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.name = f"eoreader-{uuid.uuid4().hex[:8]}"
        env_args = [a for k, v in env.items() for a in ("-e", f"{k}={v}")]
        subprocess.run([TMUX, "new-session", "-d", "-s", self.name, "-x", "80", "-y", "24", *env_args,
                        *command], check=True)

    def keys(self, *keys: str) -> None:
        # Terminals send Escape as a lone ESC byte: a key close after it reads as Alt+key.
        if "Escape" in keys:
            time.sleep(0.3)
        subprocess.run([TMUX, "send-keys", "-t", self.name, *keys], check=True)

    def type(self, text: str) -> None:
        subprocess.run([TMUX, "send-keys", "-t", self.name, "-l", text], check=True)

    def screen(self) -> str:
        done = subprocess.run([TMUX, "capture-pane", "-p", "-t", self.name], capture_output=True, text=True)
        return done.stdout

    def title(self) -> str:
        """The pane title, which OSC 0 / OSC 2 sequences would change."""
        done = subprocess.run([TMUX, "display-message", "-p", "-t", self.name, "#{pane_title}"],
                              capture_output=True, text=True)
        return done.stdout.strip()

    def wait_for(self, test: Callable[[str], bool], timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if test(screen):
                return screen
            time.sleep(0.2)
        raise AssertionError(f"screen never matched; last screen:\n{self.screen()}")

    def alive(self) -> bool:
        return subprocess.run([TMUX, "has-session", "-t", self.name], capture_output=True).returncode == 0

    def wait_closed(self) -> None:
        deadline = time.monotonic() + 10
        while self.alive() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not self.alive(), self.screen()

    def close(self) -> None:
        subprocess.run([TMUX, "kill-session", "-t", self.name], capture_output=True)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Callable[..., Terminal]]:
    opened: list[Terminal] = []

    def open_(*args: str) -> Terminal:
        # The user's bookmarks go to XDG_DATA_HOME: the test's own folder, never the real one.
        env = {"EOREADER_INDEX": str(tmp_path / "index"), "TERM": "xterm-256color",
               "HOME": os.environ.get("HOME", str(tmp_path)), "XDG_DATA_HOME": str(tmp_path / "data")}
        term = Terminal([str(EOREADER), *args], env)
        opened.append(term)
        return term

    yield open_
    for term in opened:
        term.close()


def ingest(tmp_path: Path, *paths: Path) -> None:
    subprocess.run([str(EOREADER), "--index", str(tmp_path / "index"), "ingest", *map(str, paths)], check=True,
                   capture_output=True)


def results_focused(screen: str) -> bool:
    """The results have the focus once the footer offers q (the query box would take it as text)."""
    return "q Quit" in screen


def test_search_open_navigate_help_and_quit(terminal: Callable[..., Terminal], tmp_path: Path) -> None:
    ingest(tmp_path, SEEDS)
    term = terminal()
    term.wait_for(lambda s: "Search orders" in s or "document" in s)
    term.type("indemnification")
    term.wait_for(lambda s: "1 document" in s and "§ Legal defense support" in s)
    term.keys("Enter")
    term.wait_for(results_focused)
    term.keys("Enter")
    term.wait_for(lambda s: "Key points" in s and "Legal defense support" in s)  # the hit's section
    term.keys("1")
    term.keys("]")
    term.wait_for(lambda s: "Protection Against" in s)
    term.keys("?")
    term.wait_for(lambda s: "closes this help" in s and "Contents" in s)
    term.keys("Escape")
    term.wait_for(lambda s: "closes this help" not in s and "Key points" in s)
    term.keys("Escape")
    term.wait_for(lambda s: "1 document" in s and "Key points" not in s)
    term.keys("Escape")
    term.wait_for(lambda s: "Search orders" in s)
    time.sleep(0.3)
    term.keys("Tab")
    term.keys("q")
    term.wait_closed()


def test_search_open_an_order_follow_a_reference_go_back_and_quit(
        terminal: Callable[..., Terminal], tmp_path: Path) -> None:
    fr = require_corpus() / "federal-register"
    ingest(tmp_path, *(fr / f"EO_{n}.{ext}" for n in (13584, 13721) for ext in ("json", "xml")))
    term = terminal()
    term.type("global engagement center")
    term.wait_for(lambda s: "EO 13721" in s)
    term.keys("Enter")
    term.wait_for(results_focused)
    term.keys("Enter")
    term.wait_for(lambda s: "EO 13721 · signed 2016-03-14" in s)
    term.keys("l")  # the first reference: Executive Order 13584, in Sec. 2
    term.keys("Enter")
    screen = term.wait_for(lambda s: "EO 13584 · signed 2011-09-09" in s)
    assert "Revoked by EO 13721, 2016" in screen
    term.keys("Escape")
    term.wait_for(lambda s: "EO 13721 · signed 2016-03-14" in s)
    term.keys("f")
    term.wait_for(lambda s: "EO 13584 · signed 2011-09-09" in s)
    term.keys("q")
    term.wait_closed()


def test_bookmark_and_reading_position_survive_a_restart(terminal: Callable[..., Terminal], tmp_path: Path) -> None:
    ingest(tmp_path, SEEDS)
    term = terminal()
    term.type("indemnification")
    term.wait_for(lambda s: "1 document" in s and "§ Legal defense support" in s)
    term.keys("Enter")
    term.wait_for(results_focused)
    term.keys("Enter")
    term.wait_for(lambda s: "Key points" in s and "Legal defense support" in s)
    term.keys("5")
    term.wait_for(lambda s: "State and local officials' accountability" in s)
    term.keys("b")
    term.wait_for(lambda s: "★ bookmarked" in s)
    term.keys("q")
    term.wait_closed()
    again = terminal()
    again.wait_for(lambda s: "1 document" in s)
    again.keys("C-b")
    again.wait_for(lambda s: "Bookmarks" in s and "Trump wants law enforcement" in s)
    again.keys("Enter")
    # Section 5, where it was left.
    again.wait_for(lambda s: "★ bookmarked" in s and "State and local officials' accountability" in s)


def test_text_with_markup_and_escape_sequences_is_shown_literally(
        terminal: Callable[..., Terminal], tmp_path: Path) -> None:
    hostile = tmp_path / "docs" / "hostile.txt"
    hostile.parent.mkdir()
    hostile.write_text("Markup and escapes in an order\n\n"
                       "It says [bold]not bold[/bold] and [@click=app.quit]click[/] here.\n\n"
                       "Then \x1b]0;owned\x07 and \x1b[2J and \x1b[31mred\x1b[0m end.\n")
    ingest(tmp_path, hostile.parent)
    term = terminal()
    before = term.title()
    term.wait_for(lambda s: "1 document" in s)
    term.keys("Tab")
    term.wait_for(results_focused)
    term.keys("Enter")
    screen = term.wait_for(lambda s: "from hostile.txt" in s)
    assert "[bold]not bold[/bold]" in screen
    assert "[@click=app.quit]click[/]" in screen and "Then and and red end." in screen
    assert term.title() == before != "owned"
    assert term.alive()
