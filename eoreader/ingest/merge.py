"""Files of one order -> one Document: metadata from every file, body from the best one.

Each part comes with its reader's rank: the lowest rank gives the body (sections and
references). Metadata (number, title, dates, citation, notes ...) comes first from parts of
rank METADATA_ONLY (Federal Register API JSON, the authority on them), then from the
others in rank order, so a title guessed from a text never beats the JSON's.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from eoreader.ingest.keypoints import key_points
from eoreader.ingest.kinds import president_on
from eoreader.ingest.references import find_references
from eoreader.model import Document, KeyPoint, Kind

# The rank of a part that carries metadata and no body; it never gives the body.
METADATA_ONLY = 100
_BODY_FIELDS = ("sections", "references")
_OWN_FIELDS = ("id", "sources", "key_points")


def merge(parts: list[tuple[int, Document]]) -> Document:
    """One document from `(rank, document)` parts sharing an id; lower rank = better body."""
    ordered = sorted(parts, key=lambda p: p[0])
    ranked = [d for _, d in ordered]
    bodies = [d for r, d in ordered if r < METADATA_ONLY] or ranked
    metadata = [d for r, d in ordered if r >= METADATA_ONLY] + [d for r, d in ordered if r < METADATA_ONLY]
    merged = Document(id=ranked[0].id)
    for f in fields(Document):
        if f.name in _OWN_FIELDS:
            continue
        source = bodies if f.name in _BODY_FIELDS else metadata
        value = next((getattr(d, f.name) for d in source if _known(getattr(d, f.name))), None)
        if value is not None:
            setattr(merged, f.name, value)
    if merged.president is None:
        merged.president = president_on(merged.date)
    # References and key points come from the merged text: a deadline's due date needs the
    # signing date, which only the JSON may carry. Readers that found them already keep theirs.
    if not merged.references:
        find_references(merged)
    merged.key_points = _union_key_points(metadata, bodies[0]) or []
    if not any(p.type != "summary" for p in merged.key_points):
        merged.key_points += key_points(merged)
    merged.sources = sorted({s for d in ranked for s in d.sources})
    return merged


def _known(value: Any) -> bool:
    """Whether a field says something: not empty, and not the `Kind.OTHER` of "could not tell"."""
    return value is not None and value != "" and value != [] and value is not Kind.OTHER


def _union_key_points(parts: list[Document], body: Document) -> list[KeyPoint]:
    """The summaries of every part (an abstract), without repeats, then the key points found in
    the text of the part that gives the body (a directive and a deadline may share a sentence)."""
    seen: set[str] = set()
    points = []
    for doc in parts:
        for point in doc.key_points:
            if point.type == "summary" and point.text not in seen:
                seen.add(point.text)
                points.append(point)
    return points + [p for p in body.key_points if p.type != "summary"]
