"""Where eoreader's time goes: cProfile over a build, or over the query mix on a built index.

    python -m benchmarks.hotspots build --docs 2847 [--top 25]
    python -m benchmarks.hotspots query --docs 2847 [--kind phrase] [--rounds 5]
    python -m benchmarks.hotspots open --docs 2847

`query` profiles the mix (or one kind of it) on the index benchmarks/run.py left;
`open` shows the largest allocations made while opening a searcher (tracemalloc).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import tempfile
import tracemalloc
from pathlib import Path

from benchmarks.corpus import base_documents, replicate
from benchmarks.engines import load
from benchmarks.queries import QUERIES

WORK = Path(__file__).resolve().parent / ".work"


def profile_build(docs: int, top: int) -> None:
    engine = load("eoreader")
    items = list(replicate(base_documents(), docs))
    folder = Path(tempfile.mkdtemp(prefix="eoreader-profile-"))
    try:
        with cProfile.Profile() as prof:
            engine.build(items, folder)
    finally:
        shutil.rmtree(folder)
    _print(prof, top)


def profile_query(index: Path, kind: str | None, rounds: int, top: int) -> None:
    searcher = load("eoreader").searcher(index)
    mix = []
    for q in QUERIES:  # warm, as the benchmark does before timing; leave out what raises
        if kind not in (None, q.kind):
            continue
        try:
            searcher.run(q)
            mix.append(q)
        except Exception as exc:  # noqa: BLE001  reported, and profiled without it
            print(f"left out {q.eoreader or q.kind!r} ({q.kind}): {type(exc).__name__}: {exc}")
    with cProfile.Profile() as prof:
        for _ in range(rounds):
            for q in mix:
                searcher.run(q)
    _print(prof, top)


def profile_open(index: Path, top: int) -> None:
    engine = load("eoreader")
    tracemalloc.start(25)
    searcher = engine.searcher(index)
    snapshot = tracemalloc.take_snapshot()
    searcher.run(QUERIES[0])
    for stat in snapshot.statistics("traceback")[:top]:
        print(f"{stat.size / 1024 / 1024:8.1f} MB  {stat.count:8,} blocks")
        for line in stat.traceback.format(limit=6, most_recent_first=True):
            print("    " + line)


def _print(prof: cProfile.Profile, top: int) -> None:
    stats = pstats.Stats(prof).strip_dirs()
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["build", "query", "open"])
    parser.add_argument("--docs", type=int, default=2847)
    parser.add_argument("--index", type=Path, help="default: the eoreader index run.py built for --docs")
    parser.add_argument("--kind", help="profile only queries of this kind")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    index = args.index or WORK / str(args.docs) / "eoreader"
    if args.what == "build":
        profile_build(args.docs, args.top)
    elif args.what == "query":
        profile_query(index, args.kind, args.rounds, args.top)
    else:
        profile_open(index, args.top)


if __name__ == "__main__":
    main()
