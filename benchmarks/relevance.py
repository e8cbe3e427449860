"""Relevance: eoreader vs plain SQLite FTS5 vs plain Whoosh BM25F on the corpus query sets.

    .venv/bin/python -m benchmarks.relevance [--index FOLDER] [--quiet] [--tune] [--latency-only]

Builds (or opens, with --index) an eoreader index of the whole shared corpus, then, on the
same parsed documents, an SQLite FTS5 index (porter, bm25, query words OR-ed, title 3x)
and a plain Whoosh index (stemmed title and body, BM25F, words OR-ed, title 3x, an order
number typed alone looked up first). Runs queries.tsv and queries-hard.tsv on all three
and prints the rank of the expected document per query and engine, then MRR@10 and
recall@1 / recall@10 per set, then eoreader's search latency (p50 / p99, passages and
facets included) over both sets and a mix of query forms. --tune searches eoreader's
ranking weights on both sets (coordinate ascent) and prints the best.
"""

from __future__ import annotations

import argparse
import csv
import re
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from whoosh import fields, qparser, scoring
from whoosh.analysis import StemmingAnalyzer
from whoosh.filedb.filestore import RamStorage
from whoosh.query import Term

from eoreader import Library
from eoreader.model import Document
from eoreader.search import Engine, from_stored
from eoreader.search.query import order_number
from eoreader.search.ranking import WEIGHTS, Weights

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SETS = ("queries.tsv", "queries-hard.tsv")
DEPTH = 10
# Query forms for latency beside the two sets (the performance issue's mix).
LATENCY_MIX = [
    '"by the authority vested in me"', '"national emergency"', "security", "federal government",
    "title:sanctions", "kind:proclamation monument", "date:[2017-01-20 TO 2021-01-20] climate",
    "date:2025-04", "year:1996", "eo:13010", "cyber* security", "-iran sanctions",
    "indemnfication of police officers", "president:obama health", "agency:defense",
]

Ranked = Callable[[str], list[str]]


class Case(NamedTuple):
    id: str
    query: str
    expected: str
    what: str


def read_cases(name: str) -> list[Case]:
    with (CORPUS / name).open(newline="") as f:
        return [Case(r["id"], r["query"], r["expected"], r.get("what it tests", "")) for r in csv.DictReader(f, delimiter="\t")]


def documents(library: Library) -> Iterator[Document]:
    for fields_ in library._searcher.all_stored_fields():
        yield from_stored(fields_["data"])


def keys_of(doc: Document) -> set[str]:
    """What a query set may name a document by: "EO 13010" or a source file's name."""
    keys = {Path(s).name for s in doc.sources}
    if doc.number:
        keys.add(f"EO {doc.number}")
    return keys


def eoreader_ranked(library: Library, engine: Engine | None = None) -> Ranked:
    """Hit ids in the order shown: each group's lead, then the coverage under it."""
    def run(text: str) -> list[str]:
        results = (engine or library._engine()).search(text, limit=DEPTH)
        return [h.id for hit in results.hits for h in (hit, *hit.coverage)][:DEPTH]
    return run


def fts5_ranked(docs: list[Document]) -> Ranked:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE fts USING fts5(id UNINDEXED, title, body, tokenize='porter unicode61')")
    db.executemany("INSERT INTO fts VALUES (?, ?, ?)", ((d.id, d.title, d.body()) for d in docs))
    db.commit()

    def run(text: str) -> list[str]:
        words = re.findall(r"\w+", text.lower())
        if not words:
            return []
        match = " OR ".join(f'"{w}"' for w in words)
        rows = db.execute(
            f"SELECT id FROM fts WHERE fts MATCH ? ORDER BY bm25(fts, 0.0, 3.0, 1.0) LIMIT {DEPTH}", (match,)
        )
        return [r[0] for r in rows]
    return run


def whoosh_ranked(docs: list[Document]) -> Ranked:
    analyzer = StemmingAnalyzer()
    schema = fields.Schema(id=fields.ID(stored=True), number=fields.ID,
                           title=fields.TEXT(analyzer=analyzer), body=fields.TEXT(analyzer=analyzer))
    ix = RamStorage().create_index(schema)
    with ix.writer() as writer:
        for d in docs:
            writer.add_document(id=d.id, number=d.number or "", title=d.title, body=d.body())
    searcher = ix.searcher(weighting=scoring.BM25F())
    parser = qparser.MultifieldParser(["title", "body"], schema, fieldboosts={"title": 3.0, "body": 1.0},
                                      group=qparser.OrGroup)

    def run(text: str) -> list[str]:
        ids = []
        if number := order_number(text):
            ids = [h["id"] for h in searcher.search(Term("number", number), limit=1)]
        words = " ".join(re.findall(r"\w+", text))
        for hit in searcher.search(parser.parse(words), limit=DEPTH) if words else []:
            if hit["id"] not in ids:
                ids.append(hit["id"])
        return ids[:DEPTH]
    return run


def rank_of(ranked: list[str], expected: str, keys: dict[str, set[str]]) -> int | None:
    for position, doc_id in enumerate(ranked, 1):
        if expected in keys.get(doc_id, ()):
            return position
    return None


class Score(NamedTuple):
    mrr: float
    r1: float
    r10: float


def score(ranks: list[int | None]) -> Score:
    n = len(ranks) or 1
    return Score(sum(1 / r for r in ranks if r) / n, sum(r == 1 for r in ranks) / n,
                 sum(r is not None for r in ranks) / n)


def evaluate(run: Ranked, cases: list[Case], keys: dict[str, set[str]]) -> list[int | None]:
    return [rank_of(run(c.query), c.expected, keys) for c in cases]


def report(sets: dict[str, list[Case]], engines: dict[str, Ranked], keys: dict[str, set[str]],
           quiet: bool) -> None:
    for name, cases in sets.items():
        ranks = {label: evaluate(run, cases, keys) for label, run in engines.items()}
        print(f"\n== {name} ({len(cases)} queries): rank of the expected document (- = not in top {DEPTH})")
        if not quiet:
            print(f"{'id':<5}" + "".join(f"{label:>10}" for label in engines) + "  query")
            for i, case in enumerate(cases):
                cells = "".join(f"{(ranks[label][i] or '-'):>10}" for label in engines)
                print(f"{case.id:<5}{cells}  {case.query[:80]}")
        print(f"{'':<5}" + "".join(f"{label:>10}" for label in engines))
        for metric, index in (("MRR@10", 0), ("R@1", 1), ("R@10", 2)):
            print(f"{metric:<7}" + "".join(f"{score(ranks[label])[index]:>10.3f}" for label in engines)[2:])


def latency(engine: Engine, queries: list[str], rounds: int = 3) -> None:
    """p50 / p99 of eoreader's search (top 10 with passages, facets and total): each query's
    first run (nothing of it cached), then the same queries again (as typing repeats them)."""
    engine.search("warm up the process")
    for label, times in (("first run", _timed(engine, queries, 1)), ("again", _timed(engine, queries, rounds))):
        times.sort()
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
        print(f"== latency, {label}: {len(times)} searches: p50 {statistics.median(times):.1f} ms, "
              f"p99 {p99:.1f} ms, max {times[-1]:.1f} ms")


def _timed(engine: Engine, queries: list[str], rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        for query in queries:
            started = time.perf_counter()
            engine.search(query)
            times.append((time.perf_counter() - started) * 1000)
    return times


def tune(library: Library, sets: dict[str, list[Case]], keys: dict[str, set[str]]) -> None:
    """Coordinate ascent over the ranking weights, on the mean MRR of both sets."""
    cases = [c for group in sets.values() for c in group]

    def objective(weights: Weights) -> float:
        engine = Engine(library._searcher, weights)
        per_set = [score(evaluate(eoreader_ranked(library, engine), group, keys)).mrr for group in sets.values()]
        return sum(per_set) / len(per_set)

    best = WEIGHTS
    best_score = objective(best)
    print(f"\n== tuning on {len(cases)} queries; start {best_score:.4f} with {best}")
    steps = {
        "coverage": [2.0, 4.0, 8.0, 16.0], "expansion": [0.0, 0.1, 0.2, 0.4], "proximity": [0.0, 0.25, 0.5],
        "title": [1.5, 2.0, 3.0], "headings": [0.0, 0.75, 1.5, 2.5], "keypoints": [0.0, 0.5, 1.0],
        "period": [1.0, 2.0, 4.0], "kind": [0.0, 0.15, 0.3, 0.6], "president": [0.0, 0.15, 0.3, 0.6],
    }
    for _ in range(2):
        for name, values in steps.items():
            for value in values:
                if name in best.boosts:
                    trial = replace(best, boosts={**best.boosts, name: value})
                else:
                    trial = replace(best, **{name: value})
                result = objective(trial)
                if result > best_score + 1e-4:
                    best, best_score = trial, result
                    print(f"  {name}={value}: {result:.4f}")
    print(f"best {best_score:.4f}: {best}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, help="an eoreader index of the corpus (built when absent)")
    parser.add_argument("--quiet", action="store_true", help="totals only, no line per query")
    parser.add_argument("--tune", action="store_true", help="search the ranking weights")
    parser.add_argument("--latency-only", action="store_true",
                        help="only the latency, on --index (a replicated corpus, say)")
    args = parser.parse_args()
    folder = args.index or Path(tempfile.mkdtemp(prefix="eoreader-relevance-")) / "index"
    library = Library(folder)
    sets = {name: read_cases(name) for name in SETS}
    if args.latency_only:
        print(f"{len(library)} documents in {folder}")
        latency(library._engine(), [c.query for cases in sets.values() for c in cases] + LATENCY_MIX)
        return
    if len(library) == 0:
        print(f"building the index of {CORPUS} in {folder} ...", flush=True)
        library.ingest([CORPUS, ROOT / "seeds"])
    docs = list(documents(library))
    keys = {d.id: keys_of(d) for d in docs}
    if args.tune:
        tune(library, sets, keys)
        return
    print(f"{len(docs)} documents; building FTS5 and plain Whoosh on the same documents ...", flush=True)
    engines = {"eoreader": eoreader_ranked(library), "fts5": fts5_ranked(docs), "whoosh": whoosh_ranked(docs)}
    report(sets, engines, keys, args.quiet)
    queries = [c.query for cases in sets.values() for c in cases] + LATENCY_MIX
    print()
    latency(library._engine(), queries)


if __name__ == "__main__":
    main()
