"""federalregister.gov full-text HTML: the fragment behind `body_html_url`, or any HTML page.

`<h1>` is the title, `<p id="p-N">` the paragraphs, `<strong>Sec. 2.</strong><em>Heading.</em>`
a section, and labelled sub-paragraphs come as bare text lines between the `<p>`s. Printed-
page markers and graphics are dropped; the end matter gives the FR document number.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from eoreader.ingest.decode import Rejected
from eoreader.ingest.presidential import (
    Found, continues_title, doc_line_loose, is_trailer, split_signature, to_document,
)
from eoreader.ingest.sections import Para, opens_block
from eoreader.ingest.source import Source
from eoreader.model import Document

_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "br", "dt", "dd"}
_CONTAINERS = {"div", "table", "thead", "tbody", "tfoot", "ul", "ol", "dl", "blockquote", "section", "article",
               "main", "header"}
_DROP = {"script", "style", "head", "title", "img", "noscript", "template", "nav", "aside", "footer", "form"}
# Printed-page markers, tooltips and graphics are the site's furniture, not the document's text.
_FURNITURE = re.compile(r"\b(?:printed-page|unprinted-element|document-graphic|end-matter)\b")


def parse(source: Source) -> Document:
    """A Document from a federalregister.gov HTML fragment (or another HTML page)."""
    try:
        root = lxml.html.document_fromstring(source.text())
    except (etree.ParserError, ValueError) as exc:
        raise Rejected(f"unreadable HTML: {exc}") from None
    found = Found()
    if frdoc := root.find_class("frdoc"):
        found.document_number = re.sub(r"^\[?FR Doc\.?\s*", "", frdoc[0].text_content()).strip(" ]") or None
    h1 = root.find(".//h1")
    found.title = " ".join(h1.text_content().split()) if h1 is not None else ""
    _strip(root)
    blocks = list(_blocks(root.find("body") if root.find("body") is not None else root))
    title_at = next((i for i, (text, _) in enumerate(blocks) if h1 is not None and text == found.title), None)
    # The document line ("Executive Order 13145 of February 8, 2000") comes before the title.
    start = 0
    for i, (text, _) in enumerate(blocks[:title_at]):
        if line := doc_line_loose(text):
            found.kind, found.number, found.signed = line
            start = i + 1
            break
    if title_at is not None:
        start = title_at + 1
    else:
        found.title = blocks[start][0] if start < len(blocks) else ""
        start += 1
    body = [(text, heading) for text, heading in blocks[start:] if not is_trailer(text)]
    if title_at is not None and body and continues_title(body[0][0]):
        found.title += " " + body.pop(0)[0]
    texts, found.signature, found.annex = split_signature([t for t, _ in body])
    found.body = [Para(text, heading) for text, heading in body[: len(texts)]]
    return to_document(found, source.path, source.doc_id)


def _strip(root: lxml.html.HtmlElement) -> None:
    """Drop scripts, page markers, graphics and end matter, keeping the text that follows each."""
    for element in list(root.iter()):
        furniture = not isinstance(element.tag, str) or element.tag in _DROP or bool(
            _FURNITURE.search(element.get("class", ""))
        )
        if furniture and element.getparent() is not None:
            element.drop_tree()


def _blocks(container: lxml.html.HtmlElement) -> list[tuple[str, str | None]]:
    """(text, marked heading) for each block, and for each line of bare text between blocks."""
    out: list[tuple[str, str | None]] = []
    inline: list[str] = [container.text or ""]

    def flush() -> None:
        for line in "".join(inline).split("\n"):
            if line.strip():
                out.append((" ".join(line.split()), None))
        inline.clear()

    for child in container:
        if child.tag == "tr":
            flush()
            if row := " | ".join(c for c in (" ".join(cell.text_content().split()) for cell in child) if c):
                out.append((row, None))
        elif child.tag in _BLOCKS:
            flush()
            for i, text in enumerate(_lines_of(child.text_content())):
                out.append((text, _marked_heading(child) if i == 0 else None))
        elif child.tag in _CONTAINERS:
            flush()
            out.extend(_blocks(child))
        else:
            inline.append(child.text_content())
        inline.append(child.tail or "")
    flush()
    return out


def _lines_of(text: str) -> list[str]:
    """A block's text as paragraphs: its lines run together, but a line opening a label or
    section starts a new one (sub-paragraphs sometimes sit inside the `<p>` before them)."""
    out: list[str] = []
    for line in text.split("\n"):
        line = " ".join(line.split())
        if not line:
            continue
        if out and not opens_block(line):
            out[-1] += " " + line
        else:
            out.append(line)
    return out


def _marked_heading(p: lxml.html.HtmlElement) -> str | None:
    """The `<em>` heading right after a `<strong>` section number opening a paragraph."""
    kids = list(p)
    if len(kids) < 2 or (p.text or "").strip() or (kids[0].tail or "").strip():
        return None
    if (kids[0].tag, kids[1].tag) != ("strong", "em"):
        return None
    return " ".join(kids[1].text_content().split())
