"""What every Federal Register reader shares: the document line, dates, ids, the signature.

A reader fills a `Found` with what its format says and `to_document` makes the Document,
so an order read from XML, HTML, GPO text or PDF gets the same id and the same shape.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from eoreader.ingest.kinds import detect_kind
from eoreader.ingest.sections import Para, build_sections
from eoreader.model import Document, KeyPoint, Kind, Section
from eoreader.sanitize import clean, clean_line

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATE = rf"{_MONTH}\s+\d{{1,2}},\s*\d{{4}}"
_DATE = re.compile(DATE)
_MAX_DATE_LINE = 60
# "Executive Order 13145 of February 8, 2000"; GPO text sometimes drops the "of".
DOC_LINE = re.compile(
    rf"^\s*(?P<type>Executive Order|Proclamation|Memorandum|Notice|Presidential Determination|Order)"
    rf"(?:\s+(?:No\.\s*)?(?P<number>\d+(?:-\d+)?))?\s*(?:of\s+)?(?P<date>{DATE})\s*$",
    re.M,
)
# A header whose date is missing ("Executive Order 13494 of Economy in Government"), not a
# contents line ("Executive Order 13494--Economy in ...") nor a citation in running text.
_LOOSE_DOC_LINE = re.compile(r"^\s*(?P<type>Executive Order|Proclamation)\s+(?P<number>\d+)\s+of\s+(?!.*\d{4})")
# A file named for an order ("EO_13145.xml", "eo-13145.htm", "executive-order-13145.pdf").
_NUMBER_IN_NAME = re.compile(r"^(?:eo|executive[_ -]?order)[_ -]?(\d{3,6})$", re.I)
# Typesetting breaks a long title, and the break sometimes lands in its own element or paragraph.
_TITLE_TAIL_WORDS = 10
_TYPES = {
    "executive order": Kind.ORDER,
    "proclamation": Kind.PROCLAMATION,
    "memorandum": Kind.MEMORANDUM,
    "presidential determination": Kind.MEMORANDUM,
    "notice": Kind.NOTICE,
}
# Id prefixes for numbered documents: every file of one order must get the same id.
_ID_PREFIX = {Kind.ORDER: "eo", Kind.PROCLAMATION: "proclamation"}
_PLACE = re.compile(r"^\s*THE WHITE HOUSE\s*,?\s*$")
# A signer line: "(Presidential Sig.)", "WILLIAM J. CLINTON", a blank-ish remnant.
_SIGNER = re.compile(r"^\s*(?:\(Presidential Sig\.\)\S*|[A-Z][A-Z. ]{2,40}|[^A-Za-z0-9]*)\s*$")
_SIG_IMAGE = re.compile(r"^\s*\(Presidential Sig\.\)")
_TRAILER = re.compile(r"^\s*(?:\[?FR Doc\b|Filed \d|Billing code\b)", re.I)
_FR_DOC_LINE = re.compile(r"^\s*\[FR Doc\b", re.I)
_NUMBER = re.compile(r"\d{1,6}(?:-[A-Za-z0-9]{1,4})?")
_SURNAMES = {"clinton": "Clinton", "bush": "Bush", "obama": "Obama", "trump": "Trump", "biden": "Biden"}
# "I, BARACK OBAMA, President of the United States of America, find that ..."
_SPEAKER = re.compile(r"\bI, ([A-Z][A-Z. ]{3,40}), President of the United States")
_SURNAME = re.compile(r"\b(clinton|bush|obama|trump|biden)\b", re.I)


@dataclass
class Found:
    """What one file says about a presidential document, before it becomes a Document."""

    kind: Kind | None = None
    number: str | None = None
    title: str = ""
    signed: dt.date | None = None
    published: dt.date | None = None
    citation: str | None = None
    document_number: str | None = None
    president: str | None = None
    url: str | None = None
    agencies: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    summary: str = ""
    body: list[Para] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)
    annex: list[str] = field(default_factory=list)


def doc_line(text: str) -> tuple[Kind | None, str | None, dt.date | None] | None:
    """(kind, number, date) from a line such as "Executive Order 13145 of February 8, 2000"."""
    match = DOC_LINE.search(text)
    if not match:
        return None
    return _TYPES.get(match.group("type").lower()), match.group("number"), parse_date(match.group("date"))


def find_doc_line(lines: list[str]) -> int | None:
    """Which line names the document; an indented one beats a cover's table of contents."""
    strict = [i for i, line in enumerate(lines) if DOC_LINE.match(line)]
    indented = [i for i in strict if lines[i][:1].isspace()]
    if indented or strict:
        return (indented or strict)[0]
    return next((i for i, line in enumerate(lines) if _LOOSE_DOC_LINE.match(line)), None)


def doc_line_loose(text: str) -> tuple[Kind | None, str | None, dt.date | None] | None:
    """`doc_line`, or (kind, number, None) from a header missing its date."""
    if found := doc_line(text):
        return found
    if match := _LOOSE_DOC_LINE.match(text):
        return _TYPES.get(match.group("type").lower()), match.group("number"), None
    return None


def continues_title(text: str) -> bool:
    """Whether a short line after a title is the rest of it ("Governments" after "... Tribal")."""
    words = text.split()
    return 0 < len(words) <= _TITLE_TAIL_WORDS and text[:1].isupper() and not text.rstrip().endswith((".", ":", ";"))


def number_in_name(path: Path) -> str | None:
    """The order number a file's name gives ("EO_13145.json" -> "13145"), else None."""
    match = _NUMBER_IN_NAME.match(path.stem)
    return match.group(1) if match else None


def parse_date(text: str | None) -> dt.date | None:
    """A date written "February 8, 2000" or "2000-02-08", else None."""
    if not text:
        return None
    text = " ".join(text.replace(".", " ").replace(",", ", ").split()).rstrip(", ")
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text.replace("Sept ", "Sep "), fmt).date()
        except ValueError:
            continue
    return None


def president_in(signature: str) -> str | None:
    """The president a signature block names ("WILLIAM J. CLINTON", "<Clinton1>"), else None."""
    match = _SURNAME.search(signature)
    return _SURNAMES[match.group(1).lower()] if match else None


def split_signature(paras: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(body, signature, annex): the signature block is the signer, "THE WHITE HOUSE," and the date."""
    place = next((i for i in range(len(paras) - 1, -1, -1) if _PLACE.match(paras[i])), None)
    if place is None:
        return paras, [], []
    start, end = place, place + 1
    while start > 0 and _SIGNER.match(paras[start - 1]):
        start -= 1
    # The date line: "February 9, 2012." or "Washington, June 4, 2002."
    if end < len(paras) and len(paras[end]) <= _MAX_DATE_LINE and _DATE.search(paras[end]):
        end += 1
    # A signature image leaves "(Presidential Sig.)" in GPO text and a stray glyph in PDF text.
    signature = [p for p in paras[start:end] if re.search(r"[A-Za-z0-9]", p) and not _SIG_IMAGE.match(p)]
    return paras[:start], signature, paras[end:]


def signature_date(signature: list[str]) -> dt.date | None:
    """The date a signature block ends with, if any."""
    match = _DATE.search(signature[-1]) if signature else None
    return parse_date(match.group()) if match else None


def is_trailer(line: str) -> bool:
    """The FR filing lines after a document: "[FR Doc. 00-3331", "Filed 2-9-00; 8:45 am]", "Billing code"."""
    return bool(_TRAILER.match(line))


def ends_document(line: str) -> bool:
    """The "[FR Doc." line that closes a document (a billing code may come before an annex)."""
    return bool(_FR_DOC_LINE.match(line))


def document_id(kind: Kind | None, number: str | None, document_number: str | None, fallback: str) -> str:
    """"eo-13145" for an order, "fr-00-3331" for other FR documents, else `fallback`."""
    if number and kind in _ID_PREFIX:
        return f"{_ID_PREFIX[kind]}-{number}"
    if document_number:
        return "fr-" + re.sub(r"[^A-Za-z0-9-]+", "-", document_number).strip("-").lower()[:40]
    return fallback


def to_document(found: Found, path: Path, fallback_id: str) -> Document:
    """The Document for `found`; kind from the format, else from the text; every string cleaned."""
    body = [Para(clean(p.text), clean(p.heading) if p.heading is not None else None) for p in found.body]
    sections = build_sections(
        [p for p in body if p.text.strip()],
        [clean_line(s) for s in found.signature if s.strip()],
        [clean(s) for s in found.annex if s.strip()],
    )
    kind = found.kind or detect_kind(clean_line(found.title) + "\n" + "\n".join(p.text for p in body[:5]))
    number = found.number if found.number and _NUMBER.fullmatch(found.number) else None
    # The file's name breaks a tie: the printed text has typos ("Executive Order 15323" for
    # 13523) and headers without a number, and all of an order's files must share one id.
    named = number_in_name(path) if kind is Kind.ORDER else None
    speaker = next((m.group(1) for p in body if (m := _SPEAKER.search(p.text))), "")
    president = found.president or president_in(speaker)
    return Document(
        id=document_id(kind, named or number, found.document_number, fallback_id),
        kind=kind,
        title=clean_line(found.title),
        number=number or named,
        president=president,
        signed=found.signed,
        published=found.published,
        citation=clean_line(found.citation) if found.citation else None,
        document_number=clean_line(found.document_number) if found.document_number else None,
        url=clean_line(found.url) if found.url else None,
        agencies=[clean_line(a) for a in found.agencies],
        disposition_notes=[clean_line(n) for n in found.notes],
        sources=[str(path)],
        sections=[s for s in sections if _has_text(s)],
        key_points=[KeyPoint(text=clean(found.summary), type="summary")] if found.summary.strip() else [],
    )


def _has_text(section: Section) -> bool:
    return any(s.text or s.heading for _, s in section.walk())
