"""What each keystroke of the TUI benchmark asks of the index, on a cold searcher.

    python -m benchmarks.prefixes --index DIR [--limit 14] [--slowest 8]

Searches every prefix of the TUI benchmark's typed queries ("n", "na", "nat", ...) in
order, as the search screen does while keys come (words as typed, the facets it shows),
in a fresh process: the search part of a keystroke's latency, without the UI.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from eoreader import Library
from eoreader.tui.searching import FACETS

from benchmarks.measure import percentile
from benchmarks.tui_latency import TYPED


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=14, help="hits asked for (the TUI's page on 40 rows)")
    parser.add_argument("--slowest", type=int, default=8)
    args = parser.parse_args()
    with Library(args.index) as library:
        library.search("", limit=args.limit, facets=FACETS)  # the first screen's search
        timed = []
        for text in TYPED:
            for end in range(1, len(text) + 1):
                start = time.perf_counter()
                library.search(text[:end], limit=args.limit, correct=False, facets=FACETS)
                timed.append(((time.perf_counter() - start) * 1000, text[:end]))
    ms = [t for t, _ in timed]
    print(f"{len(ms)} prefixes: p50 {percentile(ms, 50):.1f} ms, p95 {percentile(ms, 95):.1f} ms, "
          f"max {max(ms):.1f} ms")
    for t, text in sorted(timed, reverse=True)[:args.slowest]:
        print(f"{t:7.1f} ms  {text!r}")


if __name__ == "__main__":
    main()
