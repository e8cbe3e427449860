"""One measurement in a fresh process, so each engine's memory and start-up are its own.

    python -m benchmarks.child build ENGINE --docs N --dir DIR
    python -m benchmarks.child query ENGINE --dir DIR --served 1000
    python -m benchmarks.child ingest --dir DIR PATH...

Prints one JSON object on its last line of output.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from eoreader.model import Document

from benchmarks.corpus import base_documents, replicate
from benchmarks.engines import load
from benchmarks.measure import PeakMemory, dir_size, rss
from benchmarks.queries import QUERIES, Query

STARTED = time.perf_counter()


class Timed:
    """An iterator that adds up the time spent producing its items (not indexing them)."""

    def __init__(self, items: Iterable[Document]) -> None:
        self.items, self.seconds, self.count = iter(items), 0.0, 0

    def __iter__(self) -> Iterator[Document]:
        while True:
            start = time.perf_counter()
            try:
                item = next(self.items)
            except StopIteration:
                self.seconds += time.perf_counter() - start
                return
            self.seconds += time.perf_counter() - start
            self.count += 1
            yield item


def build(engine_name: str, docs: int, folder: Path) -> dict[str, object]:
    engine = load(engine_name)
    base = base_documents()
    baseline = rss()
    timed = Timed(replicate(base, docs))
    with PeakMemory() as peak:
        start = time.perf_counter()
        engine.build(timed, folder)
        wall = time.perf_counter() - start
    return {"docs": timed.count, "index_s": wall - timed.seconds, "generate_s": timed.seconds,
            "size": dir_size(folder), "peak_rss": peak.peak, "baseline_rss": baseline}


def query(engine_name: str, folder: Path, served: int) -> dict[str, object]:
    start = time.perf_counter()
    engine = load(engine_name)
    imported = time.perf_counter()
    searcher = engine.searcher(folder)
    opened = time.perf_counter()
    rss_open = rss()
    errors: dict[int, str] = {}
    first = [_timed(searcher.run, q, i, errors) for i, q in enumerate(QUERIES)]
    times: list[list[float]] = [[] for _ in QUERIES]
    partial = [0] * len(QUERIES)
    count = len(QUERIES)
    while count < served:
        for i, q in enumerate(QUERIES):
            seconds, (_, _, cut) = _timed(searcher.run, q, i, errors)
            times[i].append(seconds)
            partial[i] += cut
            count += 1
    return {
        "errors": {str(i): e for i, e in errors.items()},
        "startup_s": start - STARTED, "import_s": imported - start, "open_s": opened - imported,
        "rss_open": rss_open, "rss_served": rss(), "served": count,
        "first_s": [s for s, _ in first], "hits": [r[0] for _, r in first],
        "totals": [r[1] for _, r in first], "times": times, "partial": partial,
    }


def _timed(run: Callable[[Query], tuple[int, int, bool]], query: Query, i: int,
           errors: dict[int, str]) -> tuple[float, tuple[int, int, bool]]:
    """Seconds `run(query)` took and its result; an error is recorded and counts as no hits."""
    start = time.perf_counter()
    try:
        result = run(query)
    except Exception as exc:  # noqa: BLE001  one failing query must not end the benchmark
        errors.setdefault(i, f"{type(exc).__name__}: {exc}"[:300])
        result = (0, 0, False)
    return time.perf_counter() - start, result


def ingest(folder: Path, paths: list[Path]) -> dict[str, object]:
    from eoreader import Library

    with PeakMemory() as peak:
        start = time.perf_counter()
        with Library(folder) as library:
            summary = library.ingest(paths)
            elapsed = time.perf_counter() - start
            documents = len(library)
    return {"ingest_s": elapsed, "peak_rss": peak.peak, "files": summary.files,
            "indexed": len(summary.indexed), "unchanged": len(summary.unchanged),
            "rejected": len(summary.rejected), "documents": documents, "size": dir_size(folder)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["build", "query", "ingest"])
    parser.add_argument("args", nargs="*")
    parser.add_argument("--docs", type=int)
    parser.add_argument("--dir", type=Path, required=True)
    parser.add_argument("--served", type=int, default=1000)
    ns = parser.parse_intermixed_args()
    if ns.what == "build":
        out = build(ns.args[0], ns.docs, ns.dir)
    elif ns.what == "query":
        out = query(ns.args[0], ns.dir, ns.served)
    else:
        out = ingest(ns.dir, [Path(p) for p in ns.args])
    print(json.dumps(out))


if __name__ == "__main__":
    main()
