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

from tests.conftest import SEEDS

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

    def close(self) -> None:
        subprocess.run([TMUX, "kill-session", "-t", self.name], capture_output=True)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Callable[..., Terminal]]:
    opened: list[Terminal] = []

    def open_(*args: str) -> Terminal:
        env = {"EOREADER_INDEX": str(tmp_path / "index"), "TERM": "xterm-256color",
               "HOME": os.environ.get("HOME", str(tmp_path))}
        term = Terminal([str(EOREADER), *args], env)
        opened.append(term)
        return term

    yield open_
    for term in opened:
        term.close()


def test_search_open_navigate_help_and_quit(terminal: Callable[..., Terminal], tmp_path: Path) -> None:
    subprocess.run([str(EOREADER), "--index", str(tmp_path / "index"), "ingest", str(SEEDS)], check=True,
                   capture_output=True)
    term = terminal()
    term.wait_for(lambda s: "Search orders" in s or "document" in s)
    term.type("indemnification")
    term.wait_for(lambda s: "1 document" in s and "Trump wants law enforcement" in s)
    term.keys("Enter")
    term.keys("Enter")
    screen = term.wait_for(lambda s: "Key points" in s)
    assert "Legal defense support" in screen
    term.keys("1")
    term.keys("]")
    term.wait_for(lambda s: "Protection Against" in s)
    term.keys("?")
    term.wait_for(lambda s: "Keys" in s and "Contents" in s)
    term.keys("Escape")
    term.wait_for(lambda s: "Keys" not in s and "Key points" in s)
    term.keys("Escape")
    term.wait_for(lambda s: "1 document" in s and "Key points" not in s)
    term.keys("Escape")
    term.wait_for(lambda s: "Search orders" in s)
    time.sleep(0.3)
    term.keys("Tab")
    term.keys("q")
    deadline = time.monotonic() + 10
    while term.alive() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not term.alive(), term.screen()


def test_first_launch_builds_the_index_from_seeds(terminal: Callable[..., Terminal]) -> None:
    term = terminal()
    term.wait_for(lambda s: "1 document" in s and "Trump wants law enforcement" in s)
