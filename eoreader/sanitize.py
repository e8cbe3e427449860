"""The one sanitizer for text from outside: files, the network, file names, error messages.

Rich and Textual strip only a few control characters, so escape sequences inside a document
reach the terminal byte for byte (see shared/reference/untrusted-input.md). Everything that
came from outside passes `clean()` at ingest and again before display.
"""

from __future__ import annotations

import re
import unicodedata

# A string terminator: ESC \, 8-bit ST, or BEL (xterm accepts BEL for OSC).
_ST = r"(?:\x1b\\|\x9c|\x07)"
# OSC, DCS, SOS, PM, APC in 7-bit (ESC ] P X ^ _) and 8-bit (0x9D 0x90 0x98 0x9E 0x9F) forms;
# one that never ends is dropped up to the end of its line, so it cannot swallow the rest.
_STRING_SEQ = rf"(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\n]*?(?:{_ST}|(?=\n)|$)"
_CSI = r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
_OTHER_ESC = r"\x1b[ -/]*[0-~]?"
_ESCAPES = re.compile(f"{_STRING_SEQ}|{_CSI}|{_OTHER_ESC}", re.DOTALL)
# C0 controls but tab and newline, DEL, and the C1 range.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
# Bidi embeddings, overrides and isolates reorder what the reader sees (CVE-2021-42574).
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """`text` safe to show and store: no escape sequences or controls, bidi visible, NFC."""
    text = _SURROGATES.sub("\ufffd", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPES.sub("", text)
    text = _CONTROLS.sub("", text)
    text = _BIDI.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)
    return unicodedata.normalize("NFC", text)


def clean_line(text: str) -> str:
    """`clean()` for one-line fields (titles, file names): newlines and tabs become spaces."""
    return " ".join(clean(text).split())
