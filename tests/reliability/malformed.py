"""Bad inputs too large or too strange to keep in git, made at test time.

tests/corpus/malformed/ holds the small ones; these are written into a temporary folder:
files past the size cap (sparse, so they cost no disk), nesting 100,000 deep, a 10 MB line,
a huge JSON array, a FIFO, symbolic link loops and a link to a folder, file names with a
newline, escape sequences, a bidi override or bytes that are no UTF-8; and mutations of
real corpus files (truncated, bit-flipped, spliced).
"""

from __future__ import annotations

import os
import random
from pathlib import Path

from eoreader.ingest.decode import MAX_FILE_BYTES

GOOD_TEXT = (b"Executive Order on Odd File Names\n\nBy the authority vested in me as President, it is "
             b"hereby ordered:\n\nSection 1. Policy. A file of this name must land in the index.\n")
ODD_NAMES = [b"new\nline.txt", b"esc\x1b]0;pwned\x07\x1b[2Jape.txt", b"undecodable\xff\xfe.txt",
             b"bidi\xe2\x80\xaetxt.exe.txt"]


def write_generated(folder: Path) -> dict[str, str]:
    """Write the generated cases into `folder`; returns file name -> expected outcome."""
    folder.mkdir(parents=True, exist_ok=True)
    expected = {}
    for name in ("oversize.txt", "oversize.pdf", "oversize.xml"):
        with (folder / name).open("wb") as f:
            f.truncate(MAX_FILE_BYTES + 1)
        expected[name] = "rejected"
    depth = 100_000
    (folder / "deep.xml").write_text("<?xml version='1.0'?><PRESDOCU>" + "<E>" * depth + "x" + "</E>" * depth
                                     + "</PRESDOCU>")
    (folder / "deep.html").write_text("<!doctype html><html><body>" + "<div>" * depth + "x" + "</div>" * depth)
    (folder / "long_line.html").write_text("<!doctype html><html><body><p>" + "word " * 2_000_000 + "</p>")
    (folder / "huge_array.json").write_text('{"executive_order_number": 13988, "agencies": ['
                                            + ", ".join(['{"name": "Agency"}'] * 400_000) + "]}")
    expected |= {"deep.xml": "rejected", "deep.html": "any", "long_line.html": "any", "huge_array.json": "rejected"}
    os.mkfifo(folder / "fifo.txt")
    os.symlink("loop_b.txt", folder / "loop_a.txt")
    os.symlink("loop_a.txt", folder / "loop_b.txt")
    os.symlink("..", folder / "parent_link")
    expected |= {"fifo.txt": "rejected", "loop_a.txt": "rejected", "loop_b.txt": "rejected",
                 "parent_link": "skipped"}
    for raw in ODD_NAMES:
        with open(os.path.join(os.fsencode(folder), raw), "wb") as f:
            f.write(GOOD_TEXT.replace(b"Odd", raw[:3].replace(b"\n", b" ")))
        expected[os.fsdecode(raw)] = "indexed"
    return expected


def mutations(sources: list[Path], folder: Path, seed: int) -> list[Path]:
    """Truncated, bit-flipped and spliced copies of `sources` (same suffixes) in `folder`."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for i, path in enumerate(sources):
        data = path.read_bytes()
        other = sources[(i + 1) % len(sources)].read_bytes()
        cut = rng.randrange(max(len(data), 1))
        flipped = bytearray(data)
        for _ in range(max(1, len(data) // 1000)):
            flipped[rng.randrange(len(flipped))] ^= 1 << rng.randrange(8)
        variants = {"truncated": data[:cut], "flipped": bytes(flipped),
                    "spliced": data[:cut] + other[rng.randrange(max(len(other), 1)):]}
        for how, mutated in variants.items():
            target = folder / f"{path.stem}.{how}{path.suffix}"
            target.write_bytes(mutated)
            made.append(target)
    return made
