"""What a file is, from its first bytes: content decides, the file name only breaks ties."""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

from eoreader.ingest.source import Source

_HEAD_BYTES = 8192
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_FR_XML = re.compile(r"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:PRESDOCU|PRESDOCS|FEDREG|EXECORD|PROCLA|PRMEMO|"
                     r"PRNOTICE|DETERM|PRORDER)\b", re.S)
_XML = re.compile(r"^<\?xml\b|^<!DOCTYPE\s+(?!html)", re.I)
_GPO = re.compile(r"\[Federal Register Volume \d+|\[\[Page \d+\]\]|From the Federal Register Online")
_FR_HTML = re.compile(r'<a class="eo"|<h1 id="h-\d|<p id="p-\d|class="printed-page')
_HTML = re.compile(r"^(?:<!doctype html|<html|<head|<body|<p[\s>]|<div[\s>]|<h1[\s>])", re.I)


def head_text(data: bytes) -> str:
    """The first few kilobytes as text, for sniffing (BOM-aware, never failing)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[:_HEAD_BYTES].decode(encoding, errors="replace")
    return data[:_HEAD_BYTES].decode("utf-8", errors="replace")


def content_type(data: bytes) -> str | None:
    """"pdf", "json", "fr-xml", "xml", "gpo", "fr-html", "html", or None for anything else."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    head = head_text(data).lstrip("\ufeff \t\r\n")
    if head.startswith("{"):
        return "json"
    if _FR_XML.match(head):
        return "fr-xml"
    if _GPO.search(head):
        return "gpo"
    if _XML.match(head):
        return "xml"
    if _FR_HTML.search(head):
        return "fr-html"
    if _HTML.match(head):
        return "html"
    return None


_UNKNOWN: frozenset[str | None] = frozenset({None})


def claims(
    types: set[str], suffixes: set[str], weak: frozenset[str | None] | None = _UNKNOWN
) -> Callable[[Source], bool]:
    """A reader's `claims`: the content is one of `types`, or the suffix is one of `suffixes`
    and the content is one of `weak` (by default: unknown; `None`: whatever it is)."""

    def claim(source: Source) -> bool:
        found = content_type(source.data)
        if found in types:
            return True
        return source.path.suffix.lower() in suffixes and (weak is None or found in weak)

    return claim
