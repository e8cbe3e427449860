"""Documents carrying terminal escape sequences, control bytes and Rich markup in every field.

Each payload sits between two markers (`%%name` and `name%%`), so a test can check both that
the payload never reached the terminal and that the text around it did, joined.
"""

from __future__ import annotations

from pathlib import Path

PAYLOADS = {
    "osc0": "\x1b]0;PWNED-TITLE\x07",                       # window title, BEL-terminated
    "osc2": "\x1b]2;PWNED-TITLE2\x1b\\",                    # window title, ST-terminated
    "osc8": "\x1b]8;;https://evil.example/\x07CLICK\x1b]8;;\x07",  # a hyperlink
    "osc52": "\x1b]52;c;cm0gLXJmIH4K\x07",                  # write the clipboard
    "clear": "\x1b[2J",                                      # clear the screen
    "move": "\x1b[5;5H",                                     # move the cursor
    "dcs": "\x1bP1$r0m\x1b\\",                               # device control string
    "c1csi": "\x9b31m",                                      # 8-bit CSI
    "c1osc": "\x9d0;PWNED-C1\x9c",                           # 8-bit OSC and ST
    "bidi": "\u202egnp.exe",                                 # right-to-left override
    "markup": "[bold]B[/bold][@click=app.quit]Q[/][link='https://evil.example']L[/link]",
    "unterminated": "\x1b]0;PWNED-OPEN",                     # an OSC that never ends (last: it eats the line)
}
# What must never reach the terminal, whatever the document: bytes only an attack would send.
FORBIDDEN = ["PWNED", "\x1b]52", "\x1b]8;;https://evil", "\x1bP1$r", "\u202e", "evil.example/\x07"]


def marked(name: str) -> str:
    return f"%%{name}{PAYLOADS[name]}{name}%%"


def all_marked(names: list[str] | None = None) -> str:
    return " ".join(marked(n) for n in names or PAYLOADS)


def _yaml(text: str) -> str:
    """`text` as a YAML double-quoted scalar (escape sequences spelled as YAML escapes)."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F or ch == "\u202e":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def write_documents(folder: Path) -> list[Path]:
    """A White House page with a hostile title, headings and body, and a text article whose
    file name, first line and body are hostile; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / "2025-01-15-hostile-order.md"
    page.write_text(
        "---\n"
        f"title: {_yaml('Hostile Order ' + marked('osc0') + ' ' + marked('markup') + ' ' + marked('bidi'))}\n"
        "date: '2025-01-15'\n"
        "source_url: https://www.whitehouse.gov/presidential-actions/2025/01/hostile-order/\n"
        "---\n\n"
        "By the authority vested in me as President by the Constitution and the laws of the United States "
        "of America, it is hereby ordered:\n\n"
        f"Section 1.  Policy {marked('clear')}{marked('dcs')}.  The policy names "
        f"Executive Order 13721 and {marked('osc52')} and {marked('osc8')}.\n\n"
        f"Sec. 2.  Controls {marked('osc2')}.  Eight-bit {marked('c1csi')} and {marked('c1osc')} "
        f"and {marked('move')} and {marked('markup')}.\n\n"
        f"Sec. 3.  Unterminated.  {marked('unterminated')}\n"
        "The line after the unterminated sequence is still here.\n",
        encoding="utf-8",
    )
    name = folder / f"evil{PAYLOADS['osc0']}{PAYLOADS['bidi']}.txt"
    name.write_text(f"Hostile article {marked('osc2')} {marked('markup')}\n\n"
                    f"{all_marked()}\n\nThe end of the hostile article.\n", encoding="utf-8")
    return [page, name]
