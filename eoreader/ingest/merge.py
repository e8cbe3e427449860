"""Files of one order -> one Document: metadata from every file, body from the best one."""

from __future__ import annotations

from dataclasses import fields

from eoreader.model import Document

# Fields that come from whichever file has them; the body comes from the best-ranked file.
_BODY_FIELDS = ("sections", "key_points", "references")


def merge(parts: list[tuple[int, Document]]) -> Document:
    """One document from `(rank, document)` parts sharing an id; lower rank = better body."""
    parts = sorted(parts, key=lambda p: p[0])
    best = parts[0][1]
    merged = Document(id=best.id)
    for f in fields(Document):
        if f.name in ("id", "sources"):
            continue
        if f.name in _BODY_FIELDS:
            value = next((getattr(d, f.name) for _, d in parts if getattr(d, f.name)), [])
        else:
            value = next((getattr(d, f.name) for _, d in parts if getattr(d, f.name)), getattr(best, f.name))
        setattr(merged, f.name, value)
    merged.key_points = _union_key_points(parts)
    merged.sources = sorted({s for _, d in parts for s in d.sources})
    return merged


def _union_key_points(parts: list[tuple[int, Document]]) -> list:
    """Key points from metadata (an abstract) and from the body, without repeats."""
    seen, points = set(), []
    for _, doc in parts:
        for point in doc.key_points:
            if point.text not in seen:
                seen.add(point.text)
                points.append(point)
    return points
