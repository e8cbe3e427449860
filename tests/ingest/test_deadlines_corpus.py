"""Deadlines against a test set written by hand from reading 22 orders of the shared corpus.

tests/fixtures/keypoints/deadlines.tsv lists, for each order read, every deadline with a few
words of its sentence, its due date (empty when it runs from another event) and its actor.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from pathlib import Path

from eoreader import Library
from eoreader.ingest.deadlines import deadlines
from eoreader.ingest.formats import read
from eoreader.ingest.merge import merge
from eoreader.ingest.source import Source
from eoreader.model import Document, KeyPoint
from tests.conftest import FIXTURES, require_corpus

TEST_SET = FIXTURES / "keypoints" / "deadlines.tsv"


def expected() -> dict[str, list[dict[str, str]]]:
    lines = [line for line in TEST_SET.read_text().splitlines() if not line.startswith("#")]
    rows: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in csv.DictReader(lines, delimiter="\t"):
        rows[row["doc"]] += [] if row["snippet"] == "-" else [row]
    return rows


def load(corpus: Path, doc_id: str) -> Document:
    """The document as ingest makes it: an order's files merged, or one White House page."""
    if doc_id.startswith("eo-"):
        paths = sorted((corpus / "federal-register").glob(f"EO_{doc_id[3:]}.*"))
    else:
        paths = list((corpus / "whitehouse").glob(f"*/*/{doc_id}.md"))
    parts = []
    for path in paths:
        document, reader = read(Source(path, path.read_bytes()))
        parts.append((reader.rank, document))
    return merge(parts)


def _flat(text: str) -> str:
    return " ".join(text.split())


def match(rows: list[dict[str, str]], found: list[KeyPoint]) -> list[tuple[dict[str, str], KeyPoint]]:
    """Each hand-listed deadline paired with a found one in its sentence, the same due date first."""
    free = list(found)
    pairs = []
    for row in rows:
        due = dt.date.fromisoformat(row["due"]) if row["due"] else None
        candidates = [p for p in free if _flat(row["snippet"]) in _flat(p.text)]
        best = next((p for p in candidates if p.due == due), candidates[0] if candidates else None)
        if best is not None:
            free.remove(best)
            pairs.append((row, best))
    return pairs


def test_deadlines_match_the_hand_made_test_set() -> None:
    corpus = require_corpus()
    listed = expected()
    assert len(listed) >= 20
    pairs, found_total, expected_total = [], 0, 0
    for doc_id, rows in listed.items():
        found = deadlines(load(corpus, doc_id))
        doc_pairs = match(rows, found)
        pairs += doc_pairs
        found_total += len(found)
        expected_total += len(rows)
        paired = [id(p) for _, p in doc_pairs]
        for point in found:
            if id(point) not in paired:
                print(f"  extra: {doc_id}: {point.due} {point.text[:90]}")
        for row in rows:
            if not any(r is row for r, _ in doc_pairs):
                print(f"  missed: {doc_id}: {row['due']} {row['snippet']}")
    precision, recall = len(pairs) / found_total, len(pairs) / expected_total
    wrong_due = [(r, p.due) for r, p in pairs if (p.due.isoformat() if p.due else "") != r["due"]]
    actors = sum(p.actor == r["actor"] for r, p in pairs) / len(pairs)
    print(f"\ndeadlines: precision {precision:.3f} ({len(pairs)}/{found_total}), recall {recall:.3f} "
          f"({len(pairs)}/{expected_total}), {len(listed)} orders; due dates wrong: {len(wrong_due)}; "
          f"actor as listed: {actors:.3f}")
    for row, due in wrong_due:
        print(f"  due {due} for {row['doc']}: {row['due']} {row['snippet']}")
    for row, point in pairs:
        if point.actor != row["actor"]:
            print(f"  actor {point.actor!r} for {row['actor']!r}: {row['snippet'][:60]}")
    assert precision >= 0.9 and recall >= 0.9
    assert wrong_due == []


def test_library_lists_every_deadline_of_the_corpus_soonest_first(corpus_library: Library) -> None:
    items = corpus_library.deadlines()
    dated = [i for i in items if i.due]
    print(f"\nindex deadlines: {len(items)} ({len(dated)} dated) in {len({i.doc_id for i in items})} documents")
    assert len(items) > 500
    assert [i.due for i in dated] == sorted(i.due for i in dated)
    assert all(i.due is None for i in items[len(dated):])
    mineral = [i for i in items if i.doc_id == "2025-03-20-immediate-measures-to-increase-american-mineral-production"]
    assert (mineral[0].due, mineral[0].actor) == (dt.date(2025, 3, 30), "the heads of executive departments and agencies")
