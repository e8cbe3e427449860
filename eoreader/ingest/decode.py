"""Bytes from a file to clean text: encoding detection, size caps, the sanitizer."""

from __future__ import annotations

import codecs

from eoreader.sanitize import clean

# The corpus's largest file is 1.6 MB and its p99 80 KB; 20 MB leaves room for any real
# order while refusing files that would only exhaust memory.
MAX_FILE_BYTES = 20 * 1024 * 1024
# Past this share of undecodable bytes a file is read with a warning naming it.
REPLACEMENT_WARNING = 0.01


class Rejected(Exception):
    """A file that cannot become a document; the message is the reason shown to the user."""


class Unsupported(Exception):
    """A file in no format eoreader reads: skipped, not rejected."""


class Decoded(str):
    """Decoded text, with the warning (if any) about how it was decoded."""

    warning: str | None = None


def decode(data: bytes) -> Decoded:
    """Decode `data` by BOM, then UTF-8, then cp1252; sanitize; reject empty text."""
    if not data.strip():
        raise Rejected("empty file")
    warning = None
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            break
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_legacy(data)
    bad = text.count("\ufffd")
    if bad and bad / max(len(text), 1) > REPLACEMENT_WARNING:
        warning = f"{bad} undecodable characters replaced"
    result = Decoded(clean(text))
    if not result.strip():
        raise Rejected("no text")
    result.warning = warning
    return result


def _decode_legacy(data: bytes) -> str:
    """cp1252 for text saved on Windows; mostly-valid UTF-8 keeps its good characters."""
    utf8 = data.decode("utf-8", errors="replace")
    if utf8.count("\ufffd") / max(len(utf8), 1) <= REPLACEMENT_WARNING:
        return utf8
    return data.decode("cp1252", errors="replace")
