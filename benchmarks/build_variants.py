"""What eoreader's build would gain from other ways of driving Whoosh's writer.

    python -m benchmarks.build_variants --docs 2847

Each variant indexes the same replicated documents with eoreader's schema and fields
(eoreader.search.schema) in a child process of its own, and prints wall time, docs/s,
peak memory and segments left:
  eoreader   eoreader's BatchWriter as it is (batches, then the run's segments merged)
  batches    batches of 300 committed without merging, Whoosh's MERGE_SMALL at the end
  one        one writer, one commit
  procs2     one writer with procs=2, multisegment=True (two processes analyse)
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import base_documents, replicate
from benchmarks.measure import MB, PeakMemory

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = ("eoreader", "batches", "one", "procs2")
BATCH = 300


def run(variant: str, docs: int) -> dict[str, float]:
    from whoosh.writing import NO_MERGE

    from eoreader.search.schema import to_fields
    from eoreader.search.store import create

    from benchmarks.engines import load

    items = list(replicate(base_documents(), docs))
    folder = Path(tempfile.mkdtemp(prefix=f"eoreader-{variant}-"))
    try:
        with PeakMemory() as peak:
            start = time.perf_counter()
            if variant == "eoreader":
                shutil.rmtree(folder)
                load("eoreader").build(items, folder)
                ix = None
            else:
                ix = create(folder)
                if variant == "batches":
                    for i in range(0, len(items), BATCH):
                        writer = ix.writer(limitmb=256)
                        for doc in items[i:i + BATCH]:
                            writer.add_document(**to_fields(doc))
                        last = i + BATCH >= len(items)
                        writer.commit(**({} if last else {"mergetype": NO_MERGE}))
                else:
                    options = {"procs": 2, "multisegment": True, "limitmb": 128} if variant == "procs2" else {}
                    writer = ix.writer(**options)
                    for doc in items:
                        writer.add_document(**to_fields(doc))
                    writer.commit()
            elapsed = time.perf_counter() - start
        from eoreader.search.store import open_index

        segments = len((ix or open_index(folder)[0])._segments())
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {"seconds": elapsed, "docs_s": docs / elapsed, "peak_mb": peak.peak / MB, "segments": segments}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2847)
    parser.add_argument("--variant", choices=VARIANTS, help="run one variant here (the parent's child)")
    args = parser.parse_args()
    if args.variant:
        print(json.dumps(run(args.variant, args.docs)))
        return
    base_documents()
    print(f"| variant ({args.docs:,} docs) | seconds | docs/s | peak MB | segments |\n|---|---|---|---|---|")
    for variant in VARIANTS:
        out = subprocess.run([sys.executable, "-m", "benchmarks.build_variants", "--variant", variant,
                              "--docs", str(args.docs)], cwd=ROOT, stdout=subprocess.PIPE, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"| {variant} | {r['seconds']:.1f} | {r['docs_s']:.0f} | {r['peak_mb']:.0f} | {r['segments']} |",
              flush=True)


if __name__ == "__main__":
    main()
