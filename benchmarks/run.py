"""eoreader against SQLite FTS5 and tantivy on the same parsed documents, in the same run.

    python -m benchmarks.run --docs 2847 [--runs 3] [--record]

Each engine builds its index from the replicated corpus (benchmarks/corpus.py) in a child
process of its own, then a fresh child opens it and serves 1,000 queries of the mix
(benchmarks/queries.py); then eoreader ingests the same documents as files, again over
the unchanged files, and 100 new files. Figures are medians over the runs, and ratios are
taken within each run (the machine is shared and noisy) before their median. `--record`
appends the table to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.corpus import base_documents, replicate, write_files
from benchmarks.engines import ENGINES, Missing, load
from benchmarks.report import Run, per_query, record, table

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(__file__).resolve().parent / ".work"
NEW_FILES = 100


def child(*args: str) -> dict[str, Any]:
    """Run `benchmarks.child` with `args`; its last line of output is the JSON result."""
    proc = subprocess.run([sys.executable, "-m", "benchmarks.child", *args], cwd=ROOT,
                          stdout=subprocess.PIPE, text=True, check=True)
    line = proc.stdout.strip().splitlines()[-1]
    # Kept as it comes, so a long run stopped half way still leaves its figures.
    with (WORK / "progress.jsonl").open("a", encoding="utf-8") as log:
        log.write(json.dumps({"args": args, "result": json.loads(line)}) + "\n")
    return json.loads(line)


def measure_engine(engine: str, docs: int, folder: Path, served: int,
                   built: dict[str, Any] | None = None) -> dict[str, Any]:
    """Build (unless `built` gives the figures of a build already in `folder`), then query."""
    if built is None:
        shutil.rmtree(folder, ignore_errors=True)
        built = child("build", engine, "--docs", str(docs), "--dir", str(folder))
        print(f"  {engine}: built in {built['index_s']:.1f} s", file=sys.stderr, flush=True)
    queried = child("query", engine, "--dir", str(folder), "--served", str(served))
    return {**built, **queried}


def new_files(docs: int, work: Path, run: int) -> Path:
    """100 files of documents past the first N: ids and numbers no run has used yet."""
    new = work / "files" / f"new-{run}"
    shutil.rmtree(new, ignore_errors=True)
    start = docs + NEW_FILES * run
    write_files(replicate(base_documents(), start + NEW_FILES, start=start), new)
    return new


def measure_added(docs: int, work: Path, run: int) -> dict[str, Any]:
    """100 new files ingested into the N-document index the eoreader engine built."""
    return {"added": child("ingest", "--dir", str(work / "eoreader"), str(new_files(docs, work, run)))}


def measure_ingest(docs: int, work: Path, run: int) -> dict[str, Any]:
    """First ingest of the replica as files, a rerun over them unchanged, then 100 new files."""
    files = work / "files"
    marker = files / f".complete-{docs}"
    if not marker.exists():
        shutil.rmtree(files, ignore_errors=True)
        write_files(replicate(base_documents(), docs), files / "main")
        marker.touch()
    index = work / "ingest-index"
    shutil.rmtree(index, ignore_errors=True)
    first = child("ingest", "--dir", str(index), str(files / "main"))
    print(f"  ingest from files: {first['ingest_s']:.1f} s", file=sys.stderr, flush=True)
    rerun = child("ingest", "--dir", str(index), str(files / "main"))
    added = child("ingest", "--dir", str(index), str(new_files(docs, work, run)))
    return {"first": first, "rerun": rerun, "added": added}


BUILD_FIGURES = ("docs", "index_s", "generate_s", "size", "peak_rss", "baseline_rss")


def _earlier_builds(work: Path, run: int) -> dict[str, dict[str, Any]]:
    """The build figures run `run` recorded for each engine whose index is still there."""
    recorded = work / f"run-{run}.json"
    if not recorded.exists():
        sys.exit(f"--reuse-builds: no earlier run recorded in {recorded}")
    engines = json.loads(recorded.read_text())["engines"]
    return {e: {k: f[k] for k in BUILD_FIGURES} for e, f in engines.items() if (work / e).is_dir()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2847)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--served", type=int, default=1000, help="queries each searcher serves")
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--ingest", choices=["full", "add", "none"], default="full",
                        help="full: ingest N files, rerun, add 100; add: only add 100 files to the built "
                             "index (at 100,000 documents a full ingest from files takes an hour here)")
    parser.add_argument("--eoreader-writer", choices=["batch", "one"], default="batch",
                        help="one: build eoreader's index with one Whoosh writer, not BatchWriter "
                             "(same index for searching; for 100,000 documents on a busy machine)")
    parser.add_argument("--reuse-builds", action="store_true",
                        help="query the indexes an earlier run left in benchmarks/.work/N, reporting its build "
                             "figures again (to measure searches after a change to search alone)")
    parser.add_argument("--record", action="store_true", help="append the table to RESULTS.md")
    args = parser.parse_args()
    if args.eoreader_writer == "one":
        os.environ["BENCH_EOREADER_WRITER"] = "one"  # the build child reads it
    engines = []
    for name in args.engines.split(","):
        try:
            load(name)
            engines.append(name)
        except Missing as exc:
            print(f"skipping {exc}", file=sys.stderr)
    base_documents()  # parse the corpus once, before any clock starts
    work = WORK / str(args.docs)
    runs: list[Run] = []
    started = time.time()
    for r in range(args.runs):
        print(f"run {r + 1}/{args.runs} at {args.docs:,} documents", file=sys.stderr, flush=True)
        # Each run starts with another engine, so none always runs on a cold or hot machine.
        order = engines[r % len(engines):] + engines[:r % len(engines)]
        earlier = _earlier_builds(work, r) if args.reuse_builds else {}
        figures = {e: measure_engine(e, args.docs, work / e, args.served, earlier.get(e)) for e in order}
        ingest = None
        if "eoreader" in engines and args.ingest != "none":
            measure = measure_ingest if args.ingest == "full" else measure_added
            ingest = measure(args.docs, work, r)
        runs.append(Run(figures, ingest))
        (work / f"run-{r}.json").write_text(json.dumps({"engines": figures, "ingest": ingest}))
    text = table(runs, args.docs, time.time() - started)
    if args.reuse_builds:
        text += ("\n\nThe indexes are those of an earlier run (--reuse-builds): its build rows are repeated, "
                 "and eoreader's index holds the 100 files that run added.")
    if args.eoreader_writer == "one":
        text += ("\n\neoreader's index was built with one Whoosh writer and one commit "
                 "(--eoreader-writer one), not BatchWriter: its build rows are not eoreader's ingest.")
    text += "\n\nPer query:\n\n" + per_query(runs)
    print(text)
    if args.record:
        record(text)


if __name__ == "__main__":
    main()
