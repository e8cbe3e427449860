"""Ingest speed: a full ingest of the shared corpus into a temporary index, then the re-run.

    .venv/bin/python benchmarks/ingest.py [CORPUS] [--keep INDEX_FOLDER]

Prints files, documents, seconds, documents/s, MB/s (of input read) and the index's size for
each run, and how many times faster the incremental re-run is (the issue asks for 10x).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from eoreader import Library

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
MB = 1024 * 1024


def folder_bytes(folder: Path) -> int:
    """The size of every file under `folder`."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def run(label: str, corpus: Path, index: Path, input_bytes: int) -> float:
    """Ingest `corpus` into `index` once; print one line of figures; return the seconds taken."""
    started = time.perf_counter()
    with Library(index) as library:
        summary = library.ingest([corpus])
        documents = len(library)
    seconds = time.perf_counter() - started
    read = len(summary.indexed) + len(summary.merged)
    print(
        f"{label:<12} {summary.files:>6} files  {read:>5} read  {len(summary.unchanged):>5} unchanged  "
        f"{len(summary.rejected):>3} rejected  {documents:>5} documents  {seconds:7.2f} s  "
        f"{documents / seconds:8.1f} documents/s  {input_bytes / MB / seconds:7.2f} MB/s  "
        f"index {folder_bytes(index) / MB:6.1f} MB"
    )
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--keep", type=Path, help="build the index here and keep it")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}")
    input_bytes = folder_bytes(args.corpus)
    print(f"corpus {args.corpus.resolve()}: {input_bytes / MB:.1f} MB")
    scratch = Path(tempfile.mkdtemp(prefix="eoreader-bench-"))
    index = args.keep or scratch / "index"
    try:
        full = run("full", args.corpus, index, input_bytes)
        again = run("incremental", args.corpus, index, input_bytes)
        print(f"incremental re-run: {full / again:.1f}x faster than the full ingest")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
