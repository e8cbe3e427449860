"""What committing in batches costs against one commit per run, on the shared corpus.

    .venv/bin/python benchmarks/batching.py [corpus]

Prints, for each way of committing: ingest wall and CPU time (this process and its PDF
children: CPU time moves less than wall time on a shared machine), commits, segments left,
index size, and the p50/max search time over queries.tsv and queries-hard.tsv.
"""

from __future__ import annotations

import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from eoreader import Library
from eoreader.search import writer

CORPUS = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "corpus"
BATCHES = f"batches of {writer.BATCH_DOCS} / {writer.BATCH_SECONDS:g} s"
# label: (documents per batch, seconds per batch, merge this run's segments at the end)
WAYS = {
    "one commit": (10**9, float("inf"), True),
    BATCHES: (writer.BATCH_DOCS, writer.BATCH_SECONDS, True),
    BATCHES + ", no merge": (writer.BATCH_DOCS, writer.BATCH_SECONDS, False),
}


def queries() -> list[str]:
    lines = []
    for name in ("queries.tsv", "queries-hard.tsv"):
        lines += [row.split("\t")[1] for row in (CORPUS / name).read_text().splitlines()[1:] if row]
    return lines


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run(label: str, docs: int, seconds: float, merge: bool) -> None:
    writer.BATCH_DOCS, writer.BATCH_SECONDS = docs, seconds
    commits = 0
    original, merge_run = writer.BatchWriter.commit, writer.BatchWriter._merge_run
    if not merge:
        writer.BatchWriter._merge_run = lambda self, w, segments: segments  # type: ignore[method-assign]

    def counting(self: writer.BatchWriter, final: bool = False) -> None:
        nonlocal commits
        commits += self._writer is not None
        original(self, final)

    writer.BatchWriter.commit = counting  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "index"
        started, cpu = time.perf_counter(), _cpu()
        with Library(folder) as library:
            summary = library.ingest([CORPUS])
        elapsed, cpu = time.perf_counter() - started, _cpu() - cpu
        segments = len(list(folder.glob("*.seg")))
        size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        with Library(folder) as library:
            times = []
            for text in queries():
                t = time.perf_counter()
                library.search(text)
                times.append((time.perf_counter() - t) * 1000)
    writer.BatchWriter.commit, writer.BatchWriter._merge_run = original, merge_run  # type: ignore[method-assign]
    print(f"{label:38} {elapsed:6.1f} s wall {cpu:6.1f} s CPU  {commits:3} commits  {segments:2} segments  {size:5.1f} MB  "
          f"search p50 {statistics.median(times):5.1f} ms  max {max(times):6.1f} ms  "
          f"({summary.documents} documents)")


if __name__ == "__main__":
    for label, (docs, seconds, merge) in WAYS.items():
        run(label, docs, seconds, merge)
