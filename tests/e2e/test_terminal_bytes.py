"""What the terminal receives: documents full of escape sequences, read in the installed
`eoreader` in a pseudo-terminal, send it none of them (issue 9)."""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hostile import FORBIDDEN, PAYLOADS, write_documents

EOREADER = Path(sys.executable).with_name("eoreader")
pytestmark = pytest.mark.skipif(not EOREADER.exists(), reason=f"no installed eoreader command at {EOREADER}")


class Pty:
    """`eoreader` in a 120x40 pseudo-terminal; every byte it writes is kept."""

    def __init__(self, index: Path, data: Path) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor", "XDG_DATA_HOME": str(data)}
        self.process = subprocess.Popen([str(EOREADER), "--index", str(index)], stdin=slave, stdout=slave,
                                        stderr=slave, env=env, start_new_session=True)
        os.close(slave)
        self.fd = master
        self.output = bytearray()

    def read(self, seconds: float) -> None:
        """Keep what the app writes for `seconds` (it blocks if nobody reads)."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    self.output += os.read(self.fd, 65536)
                except OSError:
                    return

    def wait_for(self, text: str, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while text.encode() not in self.output and time.monotonic() < deadline:
            self.read(0.2)
        assert text.encode() in self.output, f"{text!r} never shown"

    def keys(self, data: str, settle: float = 0.8) -> None:
        os.write(self.fd, data.encode())
        self.read(settle)

    def close(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(10)
        os.close(self.fd)


@pytest.fixture
def hostile_index(tmp_path: Path) -> Path:
    docs = write_documents(tmp_path / "docs")
    index = tmp_path / "index"
    subprocess.run([str(EOREADER), "--index", str(index), "ingest", *map(str, docs)], check=True,
                   capture_output=True)
    return index


@pytest.fixture
def terminal(hostile_index: Path, tmp_path: Path) -> Iterator[Pty]:
    term = Pty(hostile_index, tmp_path / "data")
    yield term
    term.close()


def test_no_escape_sequence_from_a_document_reaches_the_terminal(terminal: Pty) -> None:
    terminal.wait_for("Hostile")
    terminal.read(1.0)
    terminal.keys("\t")                    # to the filters, then the results
    terminal.keys("\t")
    terminal.keys("\r", settle=1.5)        # the first document: title, file name, headings, body
    terminal.keys("t")                     # the contents, on whichever width
    terminal.keys("\x1b", settle=1.0)      # back to the results
    terminal.keys("j")
    terminal.keys("\r", settle=1.5)        # the second document
    terminal.keys("?")                     # the help over it
    terminal.keys("\x1b")
    terminal.keys("q", settle=1.0)
    terminal.process.wait(10)  # q quits
    sent = bytes(terminal.output)
    text = sent.decode("utf-8", "replace")
    assert "%%markup[bold]B[/bold][@click=app.quit]Q[/]" in text  # the markup shown as text
    for forbidden in FORBIDDEN:
        assert forbidden not in text, f"{forbidden!r} reached the terminal"
    assert not any("\x80" <= ch <= "\x9f" for ch in text), "a C1 control reached the terminal"
    for name, payload in PAYLOADS.items():
        if name not in ("markup", "unterminated"):
            assert f"%%{name}{payload}" not in text, f"the {name} sequence reached the terminal"
    for name in ("clear", "move", "dcs", "osc52", "c1csi"):
        assert f"%%{name}{name}%%" in text, f"the text around {name} was not shown"
