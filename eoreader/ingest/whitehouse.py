"""White House pages saved as Markdown with YAML front matter: presidential actions and fact sheets.

Front matter gives the title, the date and the page's address; the Markdown body is read
into blocks (ingest/markdown.py), an order's blocks into numbered sections (the shared
rules of ingest/sections.py), a fact sheet's into its bold lead-ins and bullet lists.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import frontmatter
import yaml

from eoreader.ingest import factsheet
from eoreader.ingest.decode import Rejected
from eoreader.ingest.keypoints import key_points
from eoreader.ingest.kinds import detect_kind, kind_from_title, president_on, president_signing
from eoreader.ingest.markdown import Block, blocks
from eoreader.ingest.references import find_references
from eoreader.ingest.sections import Para, build_sections, title_from
from eoreader.ingest.source import Source
from eoreader.model import Document, Kind
from eoreader.sanitize import clean, clean_line

_SUFFIXES = {".md", ".markdown"}
# What marks a page of whitehouse.gov in the front matter's first kilobytes.
_WHITE_HOUSE = re.compile(rb"^(?:source_url:.*whitehouse\.gov|tags:\s*(?:presidential-actions|fact-sheets))",
                          re.M | re.I)
_MONTH_DAY_YEAR = re.compile(r"\b([A-Z][a-z]+\.?)\s+(\d{1,2}),\s*(\d{4})\b")
_DATELINE = re.compile(r"^THE WHITE HOUSE\s*,?", re.I)
_WITNESS = re.compile(r"^IN WITNESS WHEREOF\b", re.I)
_GLUED = re.compile(r"^((?:Section|Sec)\.?\s*\d{1,3}\.)(?=[A-Z])")
_BARE_DATE = re.compile(r"^[A-Z][a-z]+\.?\s+\d{1,2},\s*\d{4}\.?$")
_NAME = re.compile(r"^[A-Z][A-Z.,’' -]{3,60}$")
# Kinds signed by the President: their page date is the signing date when no dateline says.
_SIGNED_KINDS = {Kind.ORDER, Kind.PROCLAMATION, Kind.MEMORANDUM, Kind.NOTICE, Kind.MESSAGE}


def claims(source: Source) -> bool:
    """Markdown that opens with front matter naming a whitehouse.gov page."""
    head = source.data[:2048].lstrip(b"\xef\xbb\xbf")
    return source.path.suffix.lower() in _SUFFIXES and head.startswith(b"---") and bool(_WHITE_HOUSE.search(head))


def parse(source: Source) -> Document:
    """The Document of one White House page."""
    try:
        post = frontmatter.loads(source.text())
    except (yaml.YAMLError, ValueError) as exc:
        raise Rejected(f"unreadable front matter: {clean_line(str(exc))[:200]}") from exc
    meta = {k: v for k, v in post.metadata.items() if _scalar(v)}
    parts = _joined([b._replace(text=clean(b.text), lead=clean_line(b.lead)) for b in blocks(post.content)])
    if not parts:
        raise Rejected("no text")
    title = clean_line(str(meta.get("title", ""))) or title_from(parts[0].text)
    page_date = _date(meta.get("date")) or _date(meta.get("published_time"))
    kind = _kind(title, source, meta, parts)
    if kind is Kind.FACT_SHEET:
        sections, summary = factsheet.read(parts)
        signature: list[str] = []
    else:
        body, signature, annex = _split_signature(parts)
        sections = build_sections([Para(_flat(b)) for b in body], signature, [_flat(b) for b in annex])
        summary = []
    signed = _dateline(signature) or (page_date if kind in _SIGNED_KINDS else None)
    doc = Document(
        id=source.doc_id,
        kind=kind,
        title=title,
        president=president_signing(" ".join(signature)) or president_on(signed or page_date),
        signed=signed,
        published=page_date,
        url=clean_line(str(meta["source_url"])) if meta.get("source_url") else None,
        sources=[str(source.path)],
        sections=sections,
    )
    find_references(doc)
    doc.key_points = summary + key_points(doc)
    return doc


def _scalar(value: Any) -> bool:
    # YAML aliases can make a list that is enormous once printed: only plain values are read.
    return isinstance(value, (str, int, float, dt.date))


def _kind(title: str, source: Source, meta: dict[str, Any], parts: list[Block]) -> Kind:
    if str(meta.get("tags", "")).strip().lower() == "fact-sheets":
        return Kind.FACT_SHEET
    found = kind_from_title(title) or kind_from_title(source.path.stem)
    return found or detect_kind(title + "\n" + "\n".join(b.text for b in parts[:40]))


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def _joined(parts: list[Block]) -> list[Block]:
    """Paragraphs a page broke in mid-sentence ("... subsection" / "(b) of this section")
    joined back into one."""
    out: list[Block] = []
    for block in parts:
        if out and _continues(out[-1], block):
            out[-1] = out[-1]._replace(text=f"{out[-1].text} {block.text}")
        else:
            out.append(block)
    return out


def _continues(before: Block, block: Block) -> bool:
    if before.depth or block.depth or before.kind != "p" or block.kind != "p":
        return False
    if not before.text[-1:].isalnum():
        return False
    return block.text[:1].islower() or bool(re.match(r"\([a-z0-9]+\)\s+(?:of|and|or|to|through|in)\b", block.text))


def _flat(block: Block) -> str:
    """A block as one paragraph of an order, single-spaced; list items keep a bullet."""
    # "Sec. 2.General Provisions." lost the space its heading needs.
    text = _GLUED.sub(r"\1 ", " ".join(block.text.split()))
    if block.kind == "li" and not re.match(r"\d+\.\s", text):
        return f"• {text}"
    return text


def _split_signature(parts: list[Block]) -> tuple[list[Block], list[str], list[Block]]:
    """(body, signature lines, annex): the signer, "IN WITNESS WHEREOF" and the dateline."""
    marks = [i for i, b in enumerate(parts) if _signature_line(b.text)]
    if not marks:
        return parts, [], []
    end = marks[-1] + 1
    start = end - 1
    while start > 0 and _signature_line(parts[start - 1].text):
        start -= 1
    return parts[:start], [b.text for b in parts[start:end]], parts[end:]


def _signature_line(text: str) -> bool:
    if _DATELINE.match(text) and len(text) < 60:
        return True
    if _WITNESS.match(text) or _BARE_DATE.match(text):
        return True
    return bool(_NAME.match(text)) and president_signing(text) is not None and len(text.split()) <= 6


def _dateline(signature: list[str]) -> dt.date | None:
    text = " ".join(signature)
    place = _DATELINE_ANYWHERE.search(text)
    if place and (match := _MONTH_DAY_YEAR.search(text, place.end())):
        try:
            return dt.datetime.strptime(" ".join(match.groups()).replace(".", ""), "%B %d %Y").date()
        except ValueError:
            return None
    return None


_DATELINE_ANYWHERE = re.compile(r"\bTHE WHITE HOUSE\b", re.I)
