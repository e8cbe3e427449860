"""PDF through pypdf in a child process: text, furniture dropped, and every way a PDF fails."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from eoreader.ingest import pdf
from eoreader.ingest.decode import Rejected
from eoreader.ingest.formats import read
from eoreader.ingest.source import Source
from eoreader.model import Document, Kind

# The printed page of a (shortened) order, as lines of text, with the furniture pypdf returns.
PAGE = [
    "Presidential Documents",
    "8713",
    "Federal Register",
    "Vol. 77, No. 30",
    "Tuesday, February 14, 2012",
    "Title 3—",
    "The President",
    "Executive Order 13600 of February 9, 2012",
    "Establishing the President’s Global Develop-",
    "ment Council",
    "By the authority vested in me as President by the Constitution and the",
    "laws of the United States of America, it is hereby ordered as follows:",
    "Section 1. Policy. To help protect national security and further American",
    "economic, humanitarian, and strategic interests in the world, it is the policy",
    "of the Federal Government to promote development.",
    "Sec. 2. Functions. The Council shall meet regularly and shall:",
    "(a) inform the policy and practice of U.S. global development policy;",
    "(b) support new and existing public-private partnerships.",
    "VerDate Mar<15>2010 21:07 Feb 13, 2012 Jkt 226001 PO 00000 Frm 00003 Fmt 4705 Sfmt 4790",
    "THE WHITE HOUSE,",
    "February 9, 2012.",
    "[FR Doc. 2012-3616",
    "Filed 2-13-12; 11:15 am]",
    "Billing code 3295-F2-P",
]


def make_pdf(lines: list[str]) -> bytes:
    """A one-page PDF showing `lines` in Helvetica, written by hand (PDF 1.4, no compression)."""
    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    shown = " ".join(f"({escape(line)}) '" for line in lines)
    content = f"BT /F1 9 Tf 40 760 Td 11 TL {shown} ET".encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def parse(data: bytes, name: str = "EO_13600.pdf") -> Document:
    doc, reader = read(Source(Path(name), data))
    assert reader.name == "pdf"
    return doc


def test_order_from_printed_pages() -> None:
    doc = parse(make_pdf(PAGE))
    assert (doc.id, doc.kind, doc.number) == ("eo-13600", Kind.ORDER, "13600")
    assert (doc.signed, doc.published) == (dt.date(2012, 2, 9), dt.date(2012, 2, 14))
    assert (doc.citation, doc.document_number) == ("77 FR 8713", "2012-3616")
    assert doc.title == "Establishing the President’s Global Development Council"
    assert [(s.anchor, s.heading) for _, s in doc.walk()] == [
        ("preamble", ""), ("1", "Policy"), ("2", "Functions"), ("2.a", ""), ("2.b", ""), ("signature", ""),
    ]
    assert doc.section("1").text.endswith("it is the policy of the Federal Government to promote development.")  # type: ignore[union-attr]
    assert "VerDate" not in doc.body()


def test_encrypted_pdf_is_rejected() -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(PAGE))))
    writer.encrypt("secret", algorithm="RC4-128")
    locked = io.BytesIO()
    writer.write(locked)
    with pytest.raises(Rejected, match="encrypted"):
        parse(locked.getvalue())


def test_image_only_pdf_is_rejected() -> None:
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    blank = io.BytesIO()
    writer.write(blank)
    with pytest.raises(Rejected, match="no text"):
        parse(blank.getvalue())


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"<html><body>not a pdf</body></html>", "not a PDF .*HTML"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "not a PDF"),
        (b"", "empty"),
        (b"%PDF-1.4\n" + bytes(range(256)) * 40, "unreadable PDF|no text"),
    ],
)
def test_what_is_not_a_readable_pdf_is_rejected(data: bytes, reason: str) -> None:
    with pytest.raises(Rejected, match=reason):
        parse(data)


def test_truncated_pdf_is_rejected_or_read_never_crashes() -> None:
    data = make_pdf(PAGE)
    for cut in (20, len(data) // 2, len(data) - 30):
        try:
            parse(data[:cut])
        except Rejected:
            pass


def test_a_child_that_hangs_is_stopped_at_the_wall_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sleeper = tmp_path / "sleeper.py"
    sleeper.write_text("import time\ntime.sleep(60)\n")
    monkeypatch.setattr(pdf, "_CHILD", sleeper)
    monkeypatch.setattr(pdf, "PDF_SECONDS", 1)
    started = time.perf_counter()
    with pytest.raises(Rejected, match="longer than 2 s"):
        parse(make_pdf(PAGE))
    assert time.perf_counter() - started < 10


def test_the_memory_limit_holds_in_the_child(monkeypatch: pytest.MonkeyPatch) -> None:
    # 20 MB is less than the interpreter already maps: pypdf cannot even be imported.
    monkeypatch.setattr(pdf, "PDF_MEGABYTES", 20)
    with pytest.raises(Rejected, match="limit"):
        parse(make_pdf(PAGE))


def test_the_child_runs_alone_outside_the_package(tmp_path: Path) -> None:
    # -I and a folder with no eoreader in it: the child must need nothing but pypdf.
    done = subprocess.run(
        [sys.executable, "-I", str(pdf._CHILD), "10", "512", str(os.getpid())],
        input=make_pdf(PAGE), capture_output=True, cwd=tmp_path, timeout=30, check=True,
    )
    pages = json.loads(done.stdout)["pages"]
    assert len(pages) == 1 and "Executive Order 13600 of February 9, 2012" in pages[0]


def test_the_child_dies_with_a_killed_parent() -> None:
    # A parent starts the child and is SIGKILLed, as a killed ingest would be. The child
    # waits on a pipe this test holds open, so only its death signal can end it.
    read_end, write_end = os.pipe()
    starter = ("import os, subprocess, sys\n"
               f"p = subprocess.Popen([sys.executable, '-I', {str(pdf._CHILD)!r}, '10', '512', str(os.getpid())],"
               f" stdin={read_end})\n"
               "print(p.pid, flush=True)\n"
               "p.wait()\n")
    parent = subprocess.Popen([sys.executable, "-c", starter], stdout=subprocess.PIPE, text=True, pass_fds=[read_end])
    try:
        child = int(parent.stdout.readline())  # type: ignore[union-attr]
        time.sleep(0.5)  # the child has set its death signal
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline and _alive(child):
            time.sleep(0.02)
        assert not _alive(child)
    finally:
        os.close(write_end)
        os.close(read_end)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"  # a zombie is dead, waiting for init to reap it
