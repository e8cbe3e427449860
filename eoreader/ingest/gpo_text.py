"""GPO "basic text format" pages: the printed Federal Register as hard-wrapped text in `<pre>`.

The page carries the issue's header, a cover block, `[[Page N]]` markers, GPO's own
escapes (``quotes'', "--" for a dash, "[eacute]" for an accent) and pseudo-tags such as
"<Clinton1>" for a signature image. The text between is the document, wrapped at 70
columns, paragraphs marked by blank lines or by a deeper indent.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from html.entities import name2codepoint

from eoreader.ingest.presidential import (
    Found, continues_title, doc_line_loose, ends_document, find_doc_line, is_trailer, parse_date,
    president_in, signature_date, split_signature, to_document,
)
from eoreader.ingest.sections import Para, opens_block
from eoreader.ingest.source import Source
from eoreader.model import Document

_PRE = re.compile(r"<pre\b[^>]*>(.*?)(?:</pre\s*>|\Z)", re.S | re.I)
_ISSUE = re.compile(r"\[Federal Register Volume (\d+), Number \d+ \(\w+, (.+?)\)\]")
_FR_DOC = re.compile(r"\[FR Doc No: ([^\]\s]+)\]")
_PAGE = re.compile(r"\[\[Page (\d+)\]\]")
# GPO marks a signature image with its signer ("<Clinton1>", "(Presidential Sig.)B").
_SIGNER_TAG = re.compile(r"<(Clinton|Bush|Obama|Trump|Biden)\d*>|\(Presidential Sig\.\)(B)\b")
_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,80}>")
_BRACKET_ENTITY = re.compile(r"\[([a-zA-Z]{2,8})\]")
_RULE = re.compile(r"^[\s_=-]{10,}$")
_GRAPHIC = re.compile(r"^\s*\[GRAPHIC\]")  # "[GRAPHIC] [TIFF OMITTED] TD23JA01.028": an image not in the text
_RUNNING_HEAD = re.compile(r"^\s*Federal Register / Vol\.")
_ENDS_SENTENCE = (".", ":", ";", "?", "!", "”", ")")
_DEEPER = 2


def parse(source: Source) -> Document:
    """A Document from a GPO basic-text page (`.htm`, or its plain text)."""
    raw = source.text()
    pre = _PRE.search(raw)
    text = pre.group(1) if pre else raw
    found = Found()
    if issue := _ISSUE.search(text):
        found.published = parse_date(issue.group(2))
    if fr_doc := _FR_DOC.search(text):
        found.document_number = fr_doc.group(1)
    if signer := _SIGNER_TAG.search(text):
        found.president = president_in(signer.group(1) or "") or ("Bush" if signer.group(2) else None)
    lines = unescape(text).split("\n")
    start = find_doc_line(lines)
    if start is not None:
        found.kind, found.number, found.signed = doc_line_loose(lines[start]) or (None, None, None)
        page = next((m.group(1) for line in reversed(lines[:start]) if (m := _PAGE.search(line))), None)
        if issue and page:
            found.citation = f"{issue.group(1)} FR {page}"
        found.title, start = _title(lines, start + 1)
    else:
        start = next((i + 1 for i, line in enumerate(lines) if _FR_DOC.search(line)), 0)
    paras = paragraphs(body_lines(lines[start:]))
    if found.title and paras and continues_title(paras[0]):
        found.title += " " + paras.pop(0)
    body, found.signature, found.annex = split_signature(paras)
    found.body = [Para(p) for p in body]
    found.signed = found.signed or signature_date(found.signature)
    return to_document(found, source.path, source.doc_id)


def unescape(text: str) -> str:
    """GPO text as plain Unicode: tags dropped, entities, quotes and dashes made characters."""
    text = html.unescape(_TAG.sub("", text))
    text = _BRACKET_ENTITY.sub(_entity, text)
    text = text.replace("``", "“").replace("''", "”")
    return re.sub(r"(?<=[^\s-])--(?=[^\s-])|(?<=\s)--(?=\s)", "—", text)


def _entity(match: re.Match[str]) -> str:
    """"[eacute]" -> "é"; a bracketed word that is no entity name stays as it is."""
    name = match.group(1)
    return chr(name2codepoint[name]) if name in name2codepoint else match.group()


def body_lines(lines: list[str]) -> list[str]:
    """The document's lines: page markers, rules, running heads and the filing trailer gone.

    A page break inside a paragraph leaves blank lines around its marker; they are closed
    up when the text before it does not end a sentence or the text after starts in lower case.
    """
    out: list[str] = []
    before = ""
    for line in lines:
        if ends_document(line):
            break
        if is_trailer(line):
            continue
        if _PAGE.search(line):
            rest = _PAGE.sub("", line)
            if rest.strip():
                out.append(rest)
            before = next((x for x in reversed(out) if x.strip()), "")
            while out and not out[-1].strip():
                out.pop()
            out.append("\f")  # a page break: resolved below, once the next line is known
            continue
        if _RULE.match(line) or _RUNNING_HEAD.match(line) or _GRAPHIC.match(line):
            continue
        if out and out[-1] == "\f" and not line.strip():
            continue
        if out and out[-1] == "\f":
            out.pop()
            ends = before.rstrip().endswith(_ENDS_SENTENCE) and not line.lstrip()[:1].islower()
            if ends or opens_block(line):
                out.append("")
        out.append(line)
    return [line for line in out if line != "\f"]


def paragraphs(lines: list[str]) -> list[str]:
    """Paragraphs: a blank line, a deeper first line, or a label after a full stop starts one."""
    out: list[str] = []
    current: list[str] = []
    previous = first = 0
    # Wrapped lines sit at the body's usual indent; a line set deeper starts something.
    depths = Counter(len(line) - len(line.lstrip()) for line in lines if line.strip())
    usual = depths.most_common(1)[0][0] if depths else 0
    for line in lines:
        if not line.strip():
            if current:
                out.append(_join(current))
            current = []
            continue
        depth = len(line) - len(line.lstrip())
        # A label opens a paragraph when set like one (deeper than wrapped lines, or after a
        # full stop), not inside a run-on list ("...; (2) availability of ...").
        stop = bool(current) and current[-1].endswith(_ENDS_SENTENCE)
        set_apart = opens_block(line) and (depth > usual or stop and depth >= first)
        if current and (depth >= previous + _DEEPER or set_apart):
            out.append(_join(current))
            current = []
        if not current:
            first = depth
        current.append(line.strip())
        previous = depth
    if current:
        out.append(_join(current))
    return out


def _title(lines: list[str], start: int) -> tuple[str, int]:
    """The title after the document line, up to the next blank line; and where the body starts."""
    while start < len(lines) and not lines[start].strip():
        start += 1
    end = start
    while end < len(lines) and lines[end].strip() and not _PAGE.search(lines[end]):
        end += 1
    return _join([line.strip() for line in lines[start:end]]) if end > start else "", end


def _join(lines: list[str]) -> str:
    """Wrapped lines as one paragraph; a line ending in a hyphen ("non-") runs on ("voting")."""
    text = lines[0]
    for line in lines[1:]:
        text += line if re.search(r"\w-$", text) else " " + line
    return text
