"""How results look: `--json` for programs, rich text for people. Document text is never markup."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.text import Text

from eoreader.sanitize import clean, clean_line

if TYPE_CHECKING:  # the bare command opens the reader without loading ingest or search for these
    from eoreader.indexing import Progress
    from eoreader.ingest import Summary
    from eoreader.model import Document
    from eoreader.search import Hit, Results

# Facet values printed per facet (the most frequent).
FACET_VALUES = 5



def console() -> Console:
    """Standard output; made per call so colour follows the environment of each command."""
    return Console(highlight=False)


def err_console() -> Console:
    return Console(stderr=True, highlight=False)


def print_json(data: Any) -> None:
    """Exact JSON: escaping keeps any text safe, so no sanitizing here. Lone surrogates (file
    names with undecodable bytes) are written as JSON escapes, so the output stays UTF-8."""
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    sys.stdout.write(text.encode("utf-8", "backslashreplace").decode("utf-8"))


def error(message: str) -> None:
    # soft_wrap: one line however long, even when stderr is not a terminal.
    err_console().print(Text(f"error: {clean_line(message)}", style="red"), soft_wrap=True)


def hit_texts(results: Results) -> list[Text]:
    """Each hit in three lines (title, where it matched, the passage), its coverage indented."""
    lines = []
    for rank, hit in enumerate(results.hits, 1):
        lines.extend(_hit_lines(hit, f"{rank}. ", "   "))
        for item in hit.coverage:
            lines.extend(_hit_lines(item, "   ↳ ", "     "))
    return lines


def _hit_lines(hit: Hit, lead: str, indent: str) -> list[Text]:
    head = Text(lead, style="bold")
    head.append(clean_line(hit.title), style="bold")
    meta = [hit.kind, f"EO {hit.number}" if hit.number else "", hit.date.isoformat() if hit.date else ""]
    if hit.status != "in force":
        meta.append(f"{hit.status} by {clean_line(hit.status_by)}" if hit.status_by else hit.status)
    head.append("  " + " · ".join(m for m in meta if m), style="dim")
    where = Text(indent)
    if hit.section_heading or hit.section_number:
        label = " ".join(p for p in (hit.section_number, hit.section_heading) if p)
        where.append(f"§ {clean_line(label)}  ", style="cyan")
    where.append(f"id {clean_line(hit.id)}", style="dim")
    return [head, where, snippet_text(hit.snippet.text, hit.snippet.marks, indent=indent)]


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
    """The count, any correction or suggestion, the facets, then the hits (never re-wrapped)."""
    out = console()
    noun = "document matches" if results.total == 1 else "documents match"
    out.print(Text(f"{results.total} {noun}" + (" (partial: time ran out)" if results.partial else ""), style="dim"))
    if results.corrected:
        out.print(Text(f"showing results for: {clean_line(results.corrected)}  (--exact for the words as typed)",
                       style="yellow"))
    if results.suggestion:
        out.print(Text(f"did you mean: {clean_line(results.suggestion)}", style="yellow"))
    for message in results.messages:
        out.print(Text(clean_line(message), style="yellow"))
    facets = "  ".join(
        f"{name}: " + ", ".join(f"{clean_line(v)} {n}" for v, n in counts[:FACET_VALUES])
        for name, counts in results.facets.items() if counts
    )
    if facets and results.total:
        out.print(Text(facets, style="dim"))
    for line in hit_texts(results):
        out.print(line, soft_wrap=True)


def print_document(doc: Document, status: str = "", status_by: str | None = None) -> None:
    """Metadata, key points, references, then every section, labelled as in the order."""
    out = console()
    out.print(Text(clean_line(doc.title), style="bold"))
    rows = [
        ("id", doc.id), ("kind", doc.kind.label), ("order", f"EO {doc.number}" if doc.number else ""),
        ("president", doc.president or ""), ("signed", str(doc.signed or "")),
        ("published", str(doc.published or "")), ("citation", doc.citation or ""),
        ("FR doc", doc.document_number or ""), ("agencies", "; ".join(doc.agencies)),
        ("status", f"{status} by {status_by}" if status_by else status), ("url", doc.url or ""),
    ]
    rows += [("note", note) for note in doc.disposition_notes]
    rows += [("source", source) for source in doc.sources]
    for name, value in rows:
        if value:
            out.print(Text(f"{name:>10}: ", style="dim") + Text(clean_line(value)))
    if doc.key_points:
        out.print(Text("\nKey points", style="bold underline"))
        for point in doc.key_points:
            out.print(Text(f" • [{point.type}] ", style="dim") + Text(clean(point.text)))
    if doc.references:
        out.print(Text("\nReferences", style="bold underline"))
        for ref in doc.references:
            out.print(Text(f" • {ref.relation.value} EO {clean_line(ref.number)}"))
    for depth, section in doc.walk():
        indent = "  " * depth
        if section.heading:
            out.print(Text("\n" + indent + clean_line(section.label), style="bold"))
            body = section.text
        else:
            body = section.text if section.text.lstrip().startswith(section.label) else \
                f"{section.label} {section.text}".strip()
        if body:
            out.print(Text(indent) + Text(clean(body)))


@contextmanager
def ingest_progress() -> Iterator[Progress | None]:
    """A bar on stderr while an ingest runs (files read, documents written, time left),
    erased when it ends; none when stderr is not a terminal (a pipe, a log)."""
    err = err_console()
    if not err.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, SpinnerColumn, TextColumn, TimeRemainingColumn
    from rich.progress import Progress as Bar

    with Bar(SpinnerColumn(), BarColumn(), TextColumn("{task.description}", markup=False), TimeRemainingColumn(),
             console=err, transient=True) as bar:
        task = bar.add_task("reading files", total=None)

        def told(read: int, files: int, documents: int) -> None:
            done = "; writing the index" if read == files else ""  # the last documents and the run's merge
            bar.update(task, completed=read, total=files,
                       description=f"{read:,} of {files:,} files read, {documents:,} documents written{done}")

        yield told


def print_summary(summary: Summary) -> None:
    err = err_console()
    for problem in summary.rejected:
        err.print(Text(f"rejected {clean_line(problem.path)}: {clean_line(problem.reason)}", style="red"), soft_wrap=True)
    for problem in summary.warnings:
        err.print(Text(f"warning {clean_line(problem.path)}: {clean_line(problem.reason)}", style="yellow"), soft_wrap=True)
    console().print(Text(summary.line()))
