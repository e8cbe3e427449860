"""How results look: `--json` for programs, rich text for people. Document text is never markup."""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console
from rich.text import Text

from eoreader.ingest import Summary
from eoreader.model import Document
from eoreader.sanitize import clean, clean_line
from eoreader.search import Results



def console() -> Console:
    """Standard output; made per call so colour follows the environment of each command."""
    return Console(highlight=False)


def err_console() -> Console:
    return Console(stderr=True, highlight=False)


def print_json(data: Any) -> None:
    """Exact JSON: escaping keeps any text safe, so no sanitizing here."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def error(message: str) -> None:
    err_console().print(Text(f"error: {clean_line(message)}", style="red"))


def hit_texts(results: Results) -> list[Text]:
    lines = []
    for rank, hit in enumerate(results.hits, 1):
        head = Text(f"{rank}. ", style="bold")
        head.append(clean_line(hit.title), style="bold")
        meta = [hit.kind, f"EO {hit.number}" if hit.number else "", hit.date.isoformat() if hit.date else ""]
        head.append("  " + " · ".join(m for m in meta if m), style="dim")
        lines.append(head)
        where = Text("   ")
        if hit.section_heading:
            where.append(f"§ {clean_line(hit.section_heading)}  ", style="cyan")
        where.append(f"id {hit.id}", style="dim")
        lines.append(where)
        lines.append(snippet_text(hit.snippet.text, hit.snippet.marks, indent="   "))
    return lines


def snippet_text(text: str, marks: list[tuple[int, int]], indent: str = "") -> Text:
    """`text` with each marked span highlighted; spans are cleaned one piece at a time."""
    out = Text(indent)
    pos = 0
    for start, end in marks:
        out.append(clean(text[pos:start]))
        out.append(clean(text[start:end]), style="bold black on yellow")
        pos = end
    out.append(clean(text[pos:]))
    return out


def print_results(results: Results) -> None:
    noun = "document matches" if results.total == 1 else "documents match"
    console().print(Text(f"{results.total} {noun}", style="dim"))
    for line in hit_texts(results):
        console().print(line)


def print_document(doc: Document) -> None:
    out = console()
    out.print(Text(clean_line(doc.title), style="bold"))
    rows = [
        ("id", doc.id), ("kind", doc.kind.label), ("order", f"EO {doc.number}" if doc.number else ""),
        ("president", doc.president or ""), ("signed", str(doc.signed or "")),
        ("published", str(doc.published or "")), ("citation", doc.citation or ""),
    ]
    for name, value in rows:
        if value:
            out.print(Text(f"{name:>10}: ", style="dim") + Text(clean_line(value)))
    for source in doc.sources:
        out.print(Text("    source: ", style="dim") + Text(clean_line(source)))
    if doc.key_points:
        out.print(Text("\nKey points", style="bold underline"))
        for point in doc.key_points:
            out.print(Text(" • ") + Text(clean(point.text)))
    if doc.references:
        out.print(Text("\nReferences", style="bold underline"))
        for ref in doc.references:
            out.print(Text(f" • {ref.relation.value} EO {clean_line(ref.number)}"))
    for depth, section in doc.walk():
        indent = "  " * depth
        if section.heading:
            out.print(Text("\n" + indent + clean_line(section.heading), style="bold"))
        if section.text:
            out.print(Text(indent) + Text(clean(section.text)))


def print_summary(summary: Summary) -> None:
    err = err_console()
    for problem in summary.rejected:
        err.print(Text(f"rejected {clean_line(problem.path)}: {clean_line(problem.reason)}", style="red"))
    for problem in summary.warnings:
        err.print(Text(f"warning {clean_line(problem.path)}: {clean_line(problem.reason)}", style="yellow"))
    console().print(Text(
        f"{summary.files} files: {len(summary.indexed)} indexed, {len(summary.merged)} merged, "
        f"{len(summary.unchanged)} unchanged, {len(summary.skipped)} skipped, "
        f"{len(summary.rejected)} rejected; {summary.documents} documents"
        + (f"; {len(summary.pruned)} pruned" if summary.pruned else "")
    ))
