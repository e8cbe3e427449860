"""Markdown with HTML remnants -> blocks of plain text: paragraphs, list items, headings.

The White House pages were converted to Markdown by pandoc: hard-wrapped lines, escaped
punctuation (`\\(a\\)`), bold lead-ins, `-   ` bullet lists, and HTML left inline (`<span
style="text-decoration: underline">Sec</span>`, `<u>`, tables). markdown-it renders it
to HTML and lxml reads the text back, so no tag is ever stripped by a regex.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import lxml.html
from lxml.etree import ParserError
from markdown_it import MarkdownIt

# Indented code blocks are off: a hard-wrapped order indents its paragraphs
# ("     (b)  This order shall be implemented ..."), and they are text, not code.
_MD = MarkdownIt("commonmark", {"html": True}).disable("code")

_LISTS = {"ul", "ol"}
_SKIP = {"script", "style", "head", "title", "img", "hr"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BOLD = {"strong", "b"}
# Two or more blank characters (a double space after a sentence, often as "\xa0 ") mark
# the end of a heading or a sentence: they are kept as two spaces, other runs as one.
_WIDE = re.compile(r"\s{2,}")
_BLANK = re.compile(r"\s")
# Stands for an escaped asterisk while the Markdown renders (a private-use character).
_STAR = "\ue000"
# Marks a hard line break in a paragraph's text while it is split.
_BREAK = "\ue001"
# What opens a paragraph of an order even without indentation.
_OPENING = re.compile(r"\s*(?:Sec(?:tion)?\b|\([a-zA-Z0-9]{1,4}\)\s)")


class Block(NamedTuple):
    """One paragraph, list item or heading; `depth` is 0 outside lists, else the list level."""

    text: str
    depth: int = 0
    kind: str = "p"
    # The bold text a paragraph opens with ("**TAKING BACK CONTROL:**"), if any.
    lead: str = ""


def squeeze(text: str) -> str:
    """Whitespace runs as one space, or two where the text had two or more; stray emphasis gone."""
    text = text.replace("*", "").replace(_STAR, "*")
    return _BLANK.sub(" ", _WIDE.sub("  ", text)).strip()


def blocks(markdown: str) -> list[Block]:
    """The blocks of `markdown`, in reading order, with empty ones left out."""
    # pandoc escapes every literal asterisk, so one left after rendering is emphasis that
    # CommonMark would not pair ("Sec*.* 12."): it goes, and the escaped ones come back.
    html = _MD.render(markdown.replace("\\*", _STAR))
    if not html.strip():
        return []
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except ParserError:
        return []
    out: list[Block] = []
    _walk(root, out, depth=0)
    return [b for b in out if b.text]


def _walk(element: lxml.html.HtmlElement, out: list[Block], depth: int) -> None:
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if not tag or tag in _SKIP:
            continue
        if tag in _LISTS:
            _list(child, out, depth + 1)
        elif tag in _HEADINGS:
            out.append(Block(squeeze(child.text_content()), depth, "h"))
        elif tag == "tr":
            cells = [squeeze(c.text_content()) for c in child if c.tag in ("td", "th")]
            out.append(Block(" | ".join(c for c in cells if c), depth))
        elif tag in ("p", "pre") or not any(isinstance(c.tag, str) and c.tag in _BLOCKY for c in child):
            lead = _lead(child)
            for text in _lines(child):
                out.append(Block(squeeze(text), depth, "p", lead))
                lead = ""
        else:
            _walk(child, out, depth)


_BLOCKY = _LISTS | _HEADINGS | {"p", "pre", "div", "table", "tbody", "thead", "tr", "blockquote", "figure"}


def _lines(element: lxml.html.HtmlElement) -> list[str]:
    """The paragraphs of one Markdown paragraph: some pages set a whole order as one, its
    paragraphs split by hard line breaks before an indented line ("  \\n\xa0 \xa0 Sec. 2.")."""
    for br in element.iter("br"):
        br.tail = _BREAK + (br.tail or "")
    parts: list[str] = []
    for piece in element.text_content().split(_BREAK):
        line = piece.lstrip("\n")
        if parts and not (line[:1].isspace() or _OPENING.match(line)):
            parts[-1] += " " + line
        else:
            parts.append(line)
    return parts


def _list(element: lxml.html.HtmlElement, out: list[Block], depth: int) -> None:
    """Each item of a list as a block; an ordered list keeps its numbers."""
    number = int(element.get("start", "1")) if element.tag == "ol" else None
    for item in element:
        if item.tag != "li":
            continue
        parts = [item.text or ""]
        nested = []
        for child in item:
            if child.tag in _LISTS:
                nested.append(child)
                continue
            if isinstance(child.tag, str) and child.tag not in _SKIP:
                parts.append(child.text_content())
            parts.append(child.tail or "")
        text = squeeze(" ".join(parts))
        if number is not None:
            text, number = f"{number}. {text}", number + 1
        out.append(Block(text, depth, "li", _lead(item)))
        for sub in nested:
            _list(sub, out, depth + 1)


def _lead(element: lxml.html.HtmlElement) -> str:
    """The bold text an element opens with, when nothing but blanks comes before it."""
    if (element.text or "").strip():
        return ""
    first = next((c for c in element if isinstance(c.tag, str)), None)
    if first is None or first.tag not in _BOLD:
        return ""
    return squeeze(first.text_content())
