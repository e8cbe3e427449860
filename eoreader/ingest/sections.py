"""Heading rules that every format shares, and the numbered-section tree of presidential documents."""

from __future__ import annotations

import re
from typing import NamedTuple

from eoreader.ingest.labels import LABEL, nest, unique
from eoreader.model import Section

_CLOSING = tuple(".!?:;,\"'”’)")
MAX_HEADING_CHARS = 90
MAX_HEADING_WORDS = 12


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs, each with its lines joined by spaces."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def is_heading(paragraph: str) -> bool:
    """A short line with no closing punctuation reads as a heading."""
    return (
        "\n" not in paragraph
        and len(paragraph) <= MAX_HEADING_CHARS
        and len(paragraph.split()) <= MAX_HEADING_WORDS
        and not paragraph.endswith(_CLOSING)
        and paragraph[:1].isupper()
    )


def sections_from_paragraphs(paras: list[str]) -> list[Section]:
    """Group paragraphs under the headings among them; text before the first is the lead."""
    sections: list[Section] = []
    current = Section(anchor="lead")
    body: list[str] = []
    for para in paras:
        if is_heading(para):
            if body or current.anchor != "lead":
                current.text = "\n\n".join(body)
                sections.append(current)
            current, body = Section(anchor=str(len(sections) + 1), heading=para), []
        else:
            body.append(para)
    current.text = "\n\n".join(body)
    if body or current.anchor != "lead":
        sections.append(current)
    return sections


def title_from(text: str, limit: int = 100) -> str:
    """A readable title from running text: its first sentence, cut at a word boundary."""
    sentence = re.split(r"(?<=[.!?])\s", " ".join(text.split()), maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence.rstrip(".")
    return sentence[:limit].rsplit(" ", 1)[0] + "…"


# The numbered-section tree that every presidential document format shares.

SECTION_START = re.compile(
    # "Sec. 2. Heading", "Section 1.(a)", "Sec. 3 Heading"; not "Section 9A(c) of the Act".
    r"^(?:Section|Sec|Sect|SECTION|SEC)\s*\.?\s*(\d+[A-Za-z]?(?:[.-]\d+[A-Za-z]?)*)"
    r"(?:\s*\.(?=\s|\(|$)|(?=\s+[A-Z(“\"`]|\s*$))\s*(.*)$",
    re.S,
)
_SPLIT_NUMBER = re.compile(r"^((?:Section|Sec)\.?\s*\d+)\.\s+(\d+)\.(?=\s)")
PART_START = re.compile(r"^PART\s+(\d+|[IVXL]+)\b\s*(?:—|--|-|:|\.)?\s*(.*)$", re.S)
_PART_MAX_CHARS = 120
# A heading is a short phrase ending in a period; these words may stay lower case in it.
_SMALL = frozenset(
    "a an and as at be but by for from in into nor of on or per than the their its to under upon via vs with".split()
)
# A first sentence holding one of these is the section's text, not its heading.
_VERBS = frozenset(
    "is are was were been being shall will may must should can could would has have had hereby do does not".split()
)
_MAX_HEADING_WORDS = 25
_MAX_SENTENCE_CASE_WORDS = 16
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z][a-z]?\.)+$|\b(?:Nos?|Secs?|Inc|Co|Corp|St|Mt|Dr|Jr|Sr|Ltd|Dept|Gen|Gov|Stat|Evid|Mil|Pub|"
    r"U\.S\.C|al|etc|vs?|Mr|Mrs|Ms|seq)\.$"
)
# A period that ends the heading: before a capital, a label, a quote, a digit or the end.
_HEADING_END = re.compile(r"\.(?=\s+[A-Z(“\"`'0-9]|\s*$|\()")


class Para(NamedTuple):
    """One paragraph of a body; `heading` is the section heading the markup gave, if any."""

    text: str
    heading: str | None = None


def is_title_case(text: str) -> bool:
    """Whether every word but the small ones starts with a capital or a digit ("Termination of ...")."""
    words = [w for w in re.findall(r"[\w’'-]+", text) if w.lower() not in _SMALL]
    return bool(words) and all(w[0].isupper() or w[0].isdigit() for w in words)


def split_heading(rest: str) -> tuple[str, str]:
    """("Policy", "To help ...") from "Policy. To help ..."; ("", rest) when no heading leads."""
    rest = rest.strip()
    if rest.startswith("("):
        return "", rest
    for match in _HEADING_END.finditer(rest):
        candidate = rest[: match.start()]
        if match.group() == "." and _ABBREVIATION.search(candidate + "."):
            continue
        words = candidate.split()
        if not words or len(words) > _MAX_HEADING_WORDS or not words[0][0].isupper() and not words[0][0].isdigit():
            return "", rest
        lower = [w for w in words if w[0].islower() and w.lower() not in _SMALL]
        sentence_case = len(words) <= _MAX_SENTENCE_CASE_WORDS and not any(
            w.strip(",;").lower() in _VERBS for w in lower
        )
        if not lower or sentence_case:
            return candidate.strip(), rest[match.end():].strip()
        return "", rest
    return "", rest


def section_start(para: Para) -> tuple[str, str, str] | None:
    """(number, heading, text) when `para` opens a numbered section ("Sec. 2. Heading. Text")."""
    # Markup sometimes sets "Sec. 2.1." as two runs, "Sec. 2." and "1.": one number as printed.
    match = SECTION_START.match(_SPLIT_NUMBER.sub(r"\1.\2.", para.text, count=1))
    if not match:
        return None
    rest = match.group(2)
    if para.heading is not None and rest.startswith(para.heading.strip()):
        heading, text = para.heading.strip(), rest[len(para.heading.strip()):].strip()
    else:
        heading, text = split_heading(rest)
    return match.group(1).rstrip("."), heading.rstrip(".").strip(), text


def opens_block(text: str) -> bool:
    """Whether `text` starts with a section number, a part heading or a paragraph label."""
    text = text.lstrip()
    return bool(SECTION_START.match(text) or PART_START.match(text) or LABEL.match(text))


def part_start(text: str) -> tuple[str, str] | None:
    """(number, heading) when `text` is a part heading such as "PART 2—GOALS"."""
    match = PART_START.match(text)
    if not match or len(text) > _PART_MAX_CHARS or match.group(2).upper() != match.group(2):
        return None
    return match.group(1), match.group(2).strip()


def build_sections(
    body: list[Para], signature: list[str] | None = None, annex: list[str] | None = None
) -> list[Section]:
    """The section tree of a body: preamble, numbered sections (in parts, if any), signature, annex.

    Text before the first numbered section is the preamble; a body with no numbered section
    is one section, "body". Labelled paragraphs nest under the section they follow.
    """
    taken: set[str] = set()
    top: list[Section] = []
    groups: list[tuple[Section, list[str]]] = []
    part: Section | None = None
    lead: list[str] = []
    for para in _join_bare_numbers(body):
        if found_part := part_start(para.text):
            part = Section(anchor=unique(f"part-{found_part[0]}", taken), number=f"Part {found_part[0]}",
                           heading=found_part[1])
            top.append(part)
            groups.append((part, []))
        elif found := section_start(para):
            number, heading, text = found
            section = Section(anchor=unique(number, taken), number=number, heading=heading)
            (part.subsections if part else top).append(section)
            groups.append((section, [text] if text else []))
        else:
            (groups[-1][1] if groups else lead).append(para.text)
    if lead or not top:
        first = Section(anchor=unique("preamble" if top else "body", taken))
        top.insert(0, first)
        groups.insert(0, (first, lead))
    for section, texts in groups:
        # A part's own paragraphs come before the sections already filed under it.
        holder = Section(anchor=section.anchor)
        nest(holder, merge_labels(texts), taken)
        section.text = holder.text
        section.subsections[:0] = holder.subsections
    if signature:
        top.append(Section(anchor=unique("signature", taken), text="\n".join(signature)))
    if annex:
        heading = annex[0] if len(annex) > 1 and is_heading(annex[0]) else ""
        rest = annex[1:] if heading else annex
        top.append(Section(anchor=unique("annex", taken), heading=heading, text="\n\n".join(rest)))
    return top


def _join_bare_numbers(body: list[Para]) -> list[Para]:
    """A paragraph holding only "Sec. 2." joined to the one after it, where its heading is."""
    out: list[Para] = []
    for para in body:
        if out and (bare := SECTION_START.match(out[-1].text)) and not bare.group(2):
            out[-1] = Para(f"{out[-1].text} {para.text}", para.heading)
        else:
            out.append(para)
    return out


def merge_labels(paragraphs: list[str]) -> list[str]:
    """Paragraphs with a bare label ("(a)" alone, as GPO text sets it) joined to the next."""
    out: list[str] = []
    for para in paragraphs:
        if out and LABEL.fullmatch(out[-1].strip()):
            out[-1] = f"{out[-1].strip()} {para}"
        else:
            out.append(para)
    return out
