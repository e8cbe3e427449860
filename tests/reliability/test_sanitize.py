"""The one sanitizer: every terminal sequence issue 9 lists is dropped whole, text around it kept."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eoreader.sanitize import clean, clean_line

ESC, BEL, ST = "\x1b", "\x07", "\x1b\\"
# What no cleaned text may contain: ESC and every other C0 control but tab and newline,
# DEL, the C1 range, bidi embeddings/overrides/isolates, lone surrogates.
FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

SEQUENCES = {
    "OSC 0 title, BEL": f"{ESC}]0;owned{BEL}",
    "OSC 2 title, ST": f"{ESC}]2;owned{ST}",
    "OSC 8 link open": f"{ESC}]8;;http://evil.example/{ST}",
    "OSC 8 link close": f"{ESC}]8;;{ST}",
    "OSC 52 clipboard": f"{ESC}]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA=={BEL}",
    "OSC 8-bit ST": f"{ESC}]0;owned\x9c",
    "CSI clear screen": f"{ESC}[2J",
    "CSI clear and home": f"{ESC}[H{ESC}[2J{ESC}[3J",
    "CSI cursor moves": f"{ESC}[10;20H{ESC}[5A{ESC}[3B{ESC}[7C{ESC}[2D{ESC}[s{ESC}[u",
    "CSI colour": f"{ESC}[31;1m",
    "CSI private mode": f"{ESC}[?1049h{ESC}[?25l",
    "DCS": f"{ESC}P+q544e{ST}",
    "DCS sixel": f"{ESC}Pq#0;2;0;0;0#0!10~-{ST}",
    "SOS": f"{ESC}Xhidden{ST}",
    "PM": f"{ESC}^hidden{ST}",
    "APC": f"{ESC}_Gf=100;payload{ST}",
    "C1 CSI 0x9b": "\x9b2J",
    "C1 OSC 0x9d": "\x9d0;owned\x07",
    "C1 DCS 0x90": "\x90+q\x9c",
    "C1 APC 0x9f": "\x9fhidden\x9c",
    "C1 bytes alone": "\x84\x85\x8d\x8e\x8f",
    "BEL": BEL,
    "ESC charset": f"{ESC}(0",
    "ESC keypad": f"{ESC}=",
    "backspace and DEL": "\x08\x08\x7f",
    "NUL": "\x00",
    "form feed and vertical tab": "\x0c\x0b",
}


@pytest.mark.parametrize("sequence", SEQUENCES.values(), ids=SEQUENCES.keys())
def test_sequence_is_dropped_whole_and_the_text_around_it_kept(sequence: str) -> None:
    assert clean(f"before {sequence}after") == "before after"


@pytest.mark.parametrize("intro", [f"{ESC}]0;", f"{ESC}]2;", f"{ESC}]8;;", f"{ESC}]52;c;", f"{ESC}P", "\x9d"])
def test_unterminated_string_sequence_ends_at_its_line(intro: str) -> None:
    text = f"title {intro}swallowed to the end of this line\nnext line survives"
    assert clean(text) == "title \nnext line survives"


def test_lone_esc_goes_with_the_byte_a_terminal_would_take_as_its_end() -> None:
    assert clean(f"end{ESC}") == "end"
    assert clean(f"a{ESC}bc") == "ac"


def test_osc8_link_keeps_its_text_and_loses_its_target() -> None:
    assert clean(f"see {ESC}]8;;http://evil.example/{ST}this{ESC}]8;;{ST}.") == "see this."


def test_bel_terminated_osc_does_not_swallow_what_follows() -> None:
    # Removing only BEL would leave an OSC with no end that eats the rest (untrusted-input.md).
    assert clean(f"a{ESC}]0;x{BEL}b{ESC}]0;y{BEL}c") == "abc"


def test_nested_sequences_inside_an_osc_go_with_it() -> None:
    assert clean(f"a{ESC}]0;{ESC}[31mred{BEL}b") == "ab"


@pytest.mark.parametrize("mark", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"])
def test_bidi_controls_become_visible_marks(mark: str) -> None:
    assert clean(f"abc{mark}def") == f"abc<U+{ord(mark):04X}>def"


def test_trojan_source_shows_its_override() -> None:
    assert clean("invoice\u202efdp.exe") == "invoice<U+202E>fdp.exe"


def test_lone_surrogates_replaced() -> None:
    assert clean("a\ud800b\udfffc") == "a\ufffdb\ufffdc"


def test_newlines_tabs_kept_crlf_normalised_and_nfc() -> None:
    assert clean("a\r\nb\rc\td") == "a\nb\nc\td"
    assert clean("cafe\u0301") == "caf\u00e9"


def test_clean_line_is_one_line() -> None:
    assert clean_line(f"two\nlines\twith {ESC}[2Jtabs ") == "two lines with tabs"


def test_rich_markup_is_plain_text_to_the_sanitizer() -> None:
    # Markup is defused by never parsing text as markup, not by the sanitizer: it stays literal.
    text = "[@click=app.quit]x[/] [link=http://e.example]y[/link] [[nested]]"
    assert clean(text) == text


TERMINAL_NOISE = st.sampled_from(list(SEQUENCES.values()) + [ESC, "\x9b", "\x9d", "[", "]", ";", BEL, "\\", "\n", "\r"])


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.one_of(st.text(st.characters(codec=None)), TERMINAL_NOISE, st.characters(min_codepoint=0xd800, max_codepoint=0xdfff))).map("".join))
def test_clean_leaves_nothing_a_terminal_interprets(text: str) -> None:
    out = clean(text)
    assert not FORBIDDEN.search(out)
    assert "\r" not in out
    assert clean(out) == out
    assert unicodedata.is_normalized("NFC", out)
    line = clean_line(text)
    assert "\n" not in line and "\t" not in line and not FORBIDDEN.search(line)


def test_long_unterminated_sequences_stay_linear() -> None:
    import time

    text = (f"{ESC}]0;" + "x" * 200_000 + "\n") * 25 + "\x9d" * 100_000
    started = time.perf_counter()
    assert clean(text) == "\n" * 25
    assert time.perf_counter() - started < 2.0
