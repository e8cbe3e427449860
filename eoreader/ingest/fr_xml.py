"""Federal Register full-text XML (GPO bulk data): `<PRESDOCU><EXECORD>` and its siblings.

Parsed by lxml with entities left unexpanded, no network and no DTD loading; a file that
declares a DTD or entities is refused, so billion laughs and external entities cost nothing.
"""

from __future__ import annotations

import re

from lxml import etree

from eoreader.ingest.decode import Rejected, Unsupported
from eoreader.ingest.presidential import (
    Found, continues_title, doc_line_loose, parse_date, president_in, to_document,
)
from eoreader.ingest.sections import Para
from eoreader.ingest.source import Source
from eoreader.model import Document, Kind
from eoreader.sanitize import clean_line

# The presidential document elements of the FR schema (GPO's Federal Register XML user guide).
DOCUMENT_KINDS: dict[str, Kind | None] = {
    "EXECORD": Kind.ORDER,
    "PROCLA": Kind.PROCLAMATION,
    "PRMEMO": Kind.MEMORANDUM,
    "DETERM": Kind.MEMORANDUM,
    "PRNOTICE": Kind.NOTICE,
    "PRORDER": None,
}
CONTAINERS = {"PRESDOCU", "PRESDOCS", "PRESDOC", "FEDREG", "NEWPART"}
# The line that names the document: "Executive Order 13145 of February 8, 2000".
_HEADER_TAGS = {"EXECORDR", "PROC", "PNOTICE", "MEMO", "DETERMR", "PRORDERR"}
_SKIP = {"TITLE3", "PRES", "PRTPAGE", "GPH", "FILED", "BILCOD", "FTREF"}
_SIGNATURE = {"PLACE", "DATE"}
# PSIG holds the signer's code, not a name: "wj" (William J. Clinton, 1999-2000) and "B"
# (George W. Bush, 2001-2006) are the ones the corpus has; others are blank.
_PSIG = {"wj": "Clinton", "b": "Bush"}
_MAX_ERROR_CHARS = 120
_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)\b", re.I)


def parse(source: Source) -> Document:
    """A Document from a Federal Register XML file; bad XML is Rejected with its position."""
    root = parse_xml(source.data)
    element = root if root.tag in DOCUMENT_KINDS else next(
        (e for e in root.iter(*DOCUMENT_KINDS) if isinstance(e.tag, str)), None
    )
    if element is None:
        root_tag = clean_line(str(root.tag))[:40]
        raise Unsupported(f"XML, but no Federal Register presidential document in it (root <{root_tag}>)")
    found = Found(kind=DOCUMENT_KINDS[element.tag])
    for child in element:
        if isinstance(child.tag, str):
            _read(child, found)
    return to_document(found, source.path, source.doc_id)


def parse_xml(data: bytes) -> etree._Element:
    """The root element of `data`; Rejected if malformed or if it declares a DTD or entities."""
    if not data.strip():
        raise Rejected("empty file")
    # Refused before parsing: a DTD is where entity bombs and external entities live, and the
    # FR's own XML has none (none of the corpus's 619 files declares one).
    if _DTD.search(data):
        raise Rejected("XML with a DTD (DOCTYPE or entity declarations) is refused")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
        remove_comments=True, remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position
        message = re.sub(r",?\s*line \d+, column \d+$", "", clean_line(exc.msg or "syntax error"))[:_MAX_ERROR_CHARS]
        raise Rejected(f"malformed XML at line {line}, column {column}: {message}") from None
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or docinfo.externalDTD is not None or docinfo.doctype:
        raise Rejected("XML with a DTD (DOCTYPE or entity declarations) is refused")
    return root


def _read(child: etree._Element, found: Found) -> None:
    """File one child of the document element into `found`."""
    tag = child.tag
    if tag in _SKIP:
        return
    if tag in _HEADER_TAGS:
        if line := doc_line_loose(text_of(child)):
            kind, number, date = line
            found.kind, found.number, found.signed = found.kind or kind, number, date
    elif tag == "HD" and not found.title:
        found.title = text_of(child)
    elif tag == "LI" and found.title and not found.body and continues_title(text_of(child)):
        found.title += " " + text_of(child)
    elif tag == "PSIG":
        code = text_of(child)
        found.president = _PSIG.get(code.lower()) or president_in(code)
    elif tag in _SIGNATURE:
        found.signature.append(text_of(child))
        if tag == "DATE" and not found.signed:
            found.signed = parse_date(text_of(child).rstrip("."))
    elif tag == "FRDOC":
        found.document_number = re.sub(r"^\[?FR Doc\.?\s*(No:?)?\s*", "", text_of(child)).strip(" ]") or None
    elif tag == "ANNEX":
        found.annex.extend(p.text for p in _paragraphs(child))
    elif found.signature:
        # Anything after the signature (a list the order refers to) is annex, not body.
        found.annex.extend(p.text for p in _paragraphs(child))
    else:
        found.body.extend(_paragraphs(child))


def _paragraphs(element: etree._Element) -> list[Para]:
    """The paragraphs of one body element: itself, or each row or child of a container."""
    if element.tag == "GPOTABLE":
        return [Para(" | ".join(text_of(c) for c in row)) for row in element.iter("ROW")]
    if element.tag in ("ANNEX", "EXTRACT", "GPOTABLE", "BOXHD"):
        return [p for c in element if isinstance(c.tag, str) and c.tag not in _SKIP for p in _paragraphs(c)]
    return [Para(text_of(element), _marked_heading(element))]



def _marked_heading(element: etree._Element) -> str | None:
    """The heading the markup sets after a section number: `<E T="04">Sec. 2.</E><E T="03">Policy.</E>`."""
    kids = [k for k in element if isinstance(k.tag, str) and k.tag != "PRTPAGE"]
    if len(kids) < 2 or (element.text or "").strip():
        return None
    number, heading = kids[0], kids[1]
    if (number.tag, number.get("T"), heading.tag, heading.get("T")) != ("E", "04", "E", "03"):
        return None
    if (number.tail or "").strip():
        return None
    return " ".join(text_of(heading).split())


def text_of(element: etree._Element) -> str:
    """All the text inside `element`, whitespace runs made single spaces."""
    return " ".join("".join(element.itertext()).split())
