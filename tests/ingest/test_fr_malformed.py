"""Damaged Federal Register files: a reader either reads them or rejects them, never crashes."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eoreader.ingest.decode import Rejected, Unsupported
from eoreader.ingest.formats import read
from eoreader.ingest.source import Source
from tests.conftest import FIXTURES

FILES = sorted(p for d in ("fr_json", "fr_xml", "fr_html", "gpo_text") for p in (FIXTURES / d).iterdir())
# Pieces that steer the parsers into their rarer paths.
PIECES = [b"<", b">", b"&", b"(a) ", b"Sec. 1. ", b"\n\n", b"[[Page 9]]", b"THE WHITE HOUSE,", b"\x00", b"\x1b[2J",
          b"<p>", b"</E>", b"<E T=\"04\">", b"{", b'"', b"\xff\xfe", b"PART 2--GOALS", "\u202e".encode()]
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@st.composite
def damaged(draw: st.DrawFn) -> tuple[str, bytes]:
    path = draw(st.sampled_from(FILES))
    data = bytearray(path.read_bytes())
    for _ in range(draw(st.integers(1, 12))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["cut", "insert", "flip", "drop"]))
        if action == "cut":
            del data[at:]
        elif action == "insert":
            data[at:at] = draw(st.sampled_from(PIECES))
        elif action == "flip" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        else:
            del data[at:at + draw(st.integers(1, 300))]
    return path.name, bytes(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_damaged_files_are_read_or_rejected(case: tuple[str, bytes]) -> None:
    name, data = case
    try:
        doc, _ = read(Source(FIXTURES / name, data))
    except (Rejected, Unsupported):
        return
    strings = [doc.title, *(s.heading for _, s in doc.walk()), *(s.text for _, s in doc.walk())]
    assert not any(_CONTROL.search(s) for s in strings)
    assert len({s.anchor for _, s in doc.walk()}) == len(list(doc.walk()))
