"""The printed Federal Register as PDF: text from pypdf, run in a child process under limits.

The text comes a line at a time with no blank lines: page furniture ("VerDate ...", running
heads) is dropped, words hyphenated at a line end are joined, and a paragraph starts at a
section number, a label, or after a short line that ends a sentence.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from eoreader.ingest.decode import Rejected
from eoreader.ingest.presidential import (
    Found, doc_line_loose, ends_document, find_doc_line, is_trailer, parse_date, signature_date,
    split_signature, to_document,
)
from eoreader.ingest.sections import Para, is_title_case, opens_block
from eoreader.ingest.source import Source
from eoreader.model import Document

# The corpus's PDFs take 0.1 to 0.5 s and 40 MB each; these limits leave room for any real
# order and stop crafted files that loop or swell (see shared/reference/untrusted-input.md).
PDF_SECONDS = 20
PDF_MEGABYTES = 768
_CHILD = Path(__file__).with_name("pdf_child.py")
_FURNITURE = re.compile(
    r"^(?:VerDate\b.*|\d+\s+Federal Register\s*/.*|Federal Register\s*/.*\d+\s*|Presidential Documents\s*\d*"
    r"|Federal Register|Vol\. \d+, No\. \d+|\w+day, \w+ \d{1,2}, \d{4}|\d{1,6}|Title 3—|The President)\s*$"
)
_ISSUE = re.compile(r"^Vol\. (\d+), No\. \d+\s*$")
_ISSUE_DATE = re.compile(r"^\w+day, (\w+ \d{1,2}, \d{4})\s*$")
_FR_DOC = re.compile(r"^\[FR Doc\.?\s*([^\s\]]+)")
# A line this much shorter than the longest ends its paragraph when it ends a sentence.
_SHORT = 0.8
_BREAK_AFTER = (".", ":", ";")
_TITLE_LINES = 5


def extract_pages(data: bytes) -> list[str]:
    """The text of each page, extracted in a child process with a wall-time and memory limit."""
    if not data.strip():
        raise Rejected("empty file")
    if b"%PDF-" not in data[:1024]:
        raise Rejected(f"not a PDF (no %PDF header; it starts with {_looks_like(data)})")
    try:
        done = subprocess.run(
            [sys.executable, "-I", str(_CHILD), str(PDF_SECONDS), str(PDF_MEGABYTES), str(os.getpid())],
            # CPU time is capped in the child; the wall clock here also stops one that sleeps or waits.
            input=data, capture_output=True, timeout=2 * PDF_SECONDS, check=False,
        )
    except subprocess.TimeoutExpired:
        raise Rejected(f"PDF text extraction took longer than {2 * PDF_SECONDS} s") from None
    if done.returncode != 0:
        raise Rejected(f"PDF text extraction stopped (exit {done.returncode}: over the {PDF_SECONDS} s "
                       f"or {PDF_MEGABYTES} MB limit, or a crash)")
    result = json.loads(done.stdout)
    if "error" in result:
        raise Rejected(str(result["error"]))
    pages = [str(p) for p in result["pages"]]
    if not any(p.strip() for p in pages):
        raise Rejected("a PDF with no text (scanned images only?)")
    return pages


def parse(source: Source) -> Document:
    """A Document from a Federal Register PDF."""
    lines = [" ".join(line.split()) for page in extract_pages(source.data) for line in page.split("\n")]
    found = Found()
    volume = next((m.group(1) for line in lines if (m := _ISSUE.match(line))), None)
    found.published = next((parse_date(m.group(1)) for line in lines if (m := _ISSUE_DATE.match(line))), None)
    start = find_doc_line(lines)
    if start is not None:
        found.kind, found.number, found.signed = doc_line_loose(lines[start]) or (None, None, None)
        page = next((line for line in reversed(lines[:start]) if line.isdigit()), None)
        found.citation = f"{volume} FR {page}" if volume and page else None
        # The title runs over a few title-case lines; the body's first sentence is not title case.
        title_end = start + 1
        while title_end < min(len(lines), start + 1 + _TITLE_LINES) and _continues_title(lines, start, title_end):
            title_end += 1
        found.title = _unbreak(" ".join(lines[start + 1:title_end]))
        start = title_end
    body = []
    for line in lines[start or 0:]:
        if ends_document(line):
            if fr_doc := _FR_DOC.match(line):
                found.document_number = fr_doc.group(1)
            break
        if line and not _FURNITURE.match(line) and not is_trailer(line):
            body.append(line)
    texts, found.signature, found.annex = split_signature(paragraphs(body))
    found.body = [Para(t) for t in texts]
    found.signed = found.signed or signature_date(found.signature)
    return to_document(found, source.path, source.doc_id)


def paragraphs(lines: list[str]) -> list[str]:
    """Lines joined into paragraphs; a word broken with a hyphen at a line end is rejoined."""
    width = max((len(line) for line in lines), default=0)
    out: list[list[str]] = []
    previous = ""
    for line in lines:
        starts = opens_block(line) or line.startswith("THE WHITE HOUSE")
        ended = previous.endswith(_BREAK_AFTER) and len(previous) < _SHORT * width
        if not out or starts or ended or previous.startswith("THE WHITE HOUSE"):
            out.append([])
        out[-1].append(line)
        previous = line
    return [_unbreak(" ".join(p)) for p in out]


def _unbreak(text: str) -> str:
    """Words the typesetter hyphenated at a line end made whole again ("Investiga- tions")."""
    return re.sub(r"(?<=[a-z])- (?=[a-z])", "", text)


def _continues_title(lines: list[str], start: int, index: int) -> bool:
    line = lines[index]
    # A title line broken at a hyphen ("Develop-") goes on in lower case ("ment Council").
    broken = lines[index - 1].endswith("-") and index - 1 > start
    return bool(line) and not opens_block(line) and (broken or is_title_case(line))


def _looks_like(data: bytes) -> str:
    head = data.lstrip()[:64].lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return "HTML"
    if head.startswith(b"<"):
        return "markup"
    return "something else" if head else "nothing"
