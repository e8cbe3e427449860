"""The one table: each engine's figures (medians over runs), eoreader's ratios, the targets."""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from benchmarks.measure import MB, median, percentile
from benchmarks.queries import KINDS, QUERIES

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
NAMES = {"eoreader": "eoreader", "fts5": "FTS5", "tantivy": "tantivy"}


class Run(NamedTuple):
    """One run's raw figures: per engine (build + query child), and eoreader's file ingest."""

    engines: dict[str, dict[str, Any]]
    ingest: dict[str, Any] | None


class Row(NamedTuple):
    label: str
    key: str
    digits: int
    # What issue 10 asks at 100,000 documents, and whether eoreader's figure meets it.
    target: str = ""
    met: Callable[[float, dict[str, float]], bool] | None = None


def figures(raw: dict[str, Any]) -> dict[str, float]:
    """The table's figures for one engine in one run, from its children's JSON."""
    out = {
        "index_s": raw["index_s"], "docs_s": raw["docs"] / raw["index_s"], "size_mb": raw["size"] / MB,
        "peak_mb": raw["peak_rss"] / MB, "peak_delta_mb": (raw["peak_rss"] - raw["baseline_rss"]) / MB,
        "import_ms": raw["import_s"] * 1000, "open_ms": raw["open_s"] * 1000,
        "rss_open_mb": raw["rss_open"] / MB, "rss_served_mb": raw["rss_served"] / MB,
        "partial": sum(raw["partial"]),
        "cold_p50": percentile([t * 1000 for t in raw["first_s"]], 50),
        "cold_p99": percentile([t * 1000 for t in raw["first_s"]], 99),
    }
    for kind in [*KINDS, "all"]:
        samples = [t * 1000 for q, ts in zip(QUERIES, raw["times"]) if kind in (q.kind, "all") for t in ts]
        for p in (50, 95, 99):
            out[f"{kind}_p{p}"] = percentile(samples, p)
    return out


ROWS = [
    Row("index time (s)", "index_s", 2),
    Row("docs/s", "docs_s", 0, ">= 1/8 of FTS5's", lambda v, r: r.get("fts5", 1) >= 0.125),
    Row("index size (MB)", "size_mb", 1),
    Row("peak memory building (MB)", "peak_mb", 0, "< 500 MB", lambda v, r: v < 500),
    Row("  of which over the docs in memory (MB)", "peak_delta_mb", 0),
    Row("import (ms)", "import_ms", 0),
    Row("open searcher (ms)", "open_ms", 0, "<= 100 ms", lambda v, r: v <= 100),
    Row("RSS after open (MB)", "rss_open_mb", 0),
    Row("RSS after 1,000 queries (MB)", "rss_served_mb", 0, "< 150 MB", lambda v, r: v < 150),
    Row("query p50, all kinds (ms)", "all_p50", 1, "<= 15 ms", lambda v, r: v <= 15),
    Row("query p95, all kinds (ms)", "all_p95", 1),
    Row("query p99, all kinds (ms)", "all_p99", 1, "<= 50 ms", lambda v, r: v <= 50),
    *(Row(f"  {k} p50 / p95 / p99 (ms)", k, 1) for k in KINDS),
    # The timed queries repeat the mix, so caches are warm; the first pass after opening is not.
    Row("first pass over the mix, p50 (ms)", "cold_p50", 1),
    Row("first pass over the mix, p99 (ms)", "cold_p99", 1),
    Row("queries flagged partial", "partial", 0),
]


def _fmt(value: float, digits: int) -> str:
    return f"{value:,.{digits}f}"


def _cell(row: Row, fig: dict[str, float]) -> str:
    if row.key in KINDS:
        return " / ".join(_fmt(fig[f"{row.key}_p{p}"], row.digits) for p in (50, 95, 99))
    return _fmt(fig[row.key], row.digits)


def _median_figures(per_run: list[dict[str, float]]) -> dict[str, float]:
    return {k: median([f[k] for f in per_run]) for k in per_run[0]}


def _ratios(runs: list[Run], other: str) -> dict[str, float]:
    """eoreader's figure over `other`'s, taken within each run, then the median."""
    pairs = [(figures(r.engines["eoreader"]), figures(r.engines[other])) for r in runs]
    return {k: median([a[k] / b[k] if b[k] else float("nan") for a, b in pairs]) for k in pairs[0][0]}


def _ratio_cell(row: Row, ratio: dict[str, float]) -> str:
    if row.key in KINDS:
        return " / ".join(f"{ratio[f'{row.key}_p{p}']:.1f}x" for p in (50, 95, 99))
    return f"{ratio[row.key]:.2f}x" if row.key != "partial" else ""


def table(runs: list[Run], docs: int, elapsed: float) -> str:
    """The markdown table of a benchmark, with its date, machine and what the targets say."""
    engines = list(runs[0].engines)
    med = {e: _median_figures([figures(r.engines[e]) for r in runs]) for e in engines}
    others = [e for e in engines if e != "eoreader"] if "eoreader" in engines else []
    ratios = {e: _ratios(runs, e) for e in others}
    head = ["figure", *(NAMES[e] for e in engines), *(f"eoreader/{NAMES[e]}" for e in others)]
    if others:
        head.append("target (100k)")
    lines = [header(docs, len(runs), elapsed), "", "| " + " | ".join(head) + " |",
             "|" + "---|" * len(head)]
    for row in ROWS:
        cells = [row.label, *(_cell(row, med[e]) for e in engines), *(_ratio_cell(row, ratios[e]) for e in others)]
        if others:
            met = row.met(med["eoreader"][row.key], {e: ratios[e][row.key] for e in others}) if row.met else None
            cells.append(f"{row.target}: {'met' if met else 'MISSED'}" if row.target else "")
        lines.append("| " + " | ".join(cells) + " |")
    for engine in engines:
        for i, error in sorted(runs[-1].engines[engine].get("errors", {}).items(), key=lambda e: int(e[0])):
            lines.append(f"\n{NAMES[engine]} raised on `{QUERIES[int(i)].eoreader or QUERIES[int(i)].kind}`"
                         f" ({QUERIES[int(i)].kind}): {error}")
    if runs[0].ingest:
        lines += ["", *_ingest_lines(runs, docs)]
    return "\n".join(lines)


def _ingest_lines(runs: list[Run], docs: int) -> list[str]:
    added = median([r.ingest["added"]["ingest_s"] for r in runs if r.ingest])
    last = runs[-1].ingest or {}
    head = ["| eoreader ingest from files | value | target (100k) |", "|---|---|---|"]
    add = [f"| adding 100 new files to the {docs:,}-document index (s) | {added:,.2f} "
           f"(now {last['added']['documents']:,} documents) | <= 10 s: {'met' if added <= 10 else 'MISSED'} |"]
    if "first" not in last:
        return head + add
    first = median([r.ingest["first"]["ingest_s"] for r in runs if r.ingest])
    rerun = median([r.ingest["rerun"]["ingest_s"] for r in runs if r.ingest])
    speedup = median([r.ingest["first"]["ingest_s"] / r.ingest["rerun"]["ingest_s"] for r in runs if r.ingest])
    peak = median([r.ingest["first"]["peak_rss"] / MB for r in runs if r.ingest])
    count = last["first"]["documents"]
    return head + [
        f"| first ingest of {docs:,} .txt files (s) | {first:,.1f} ({docs / first:,.0f} docs/s) | |",
        f"| peak memory, first ingest (MB) | {peak:,.0f} | < 500 MB: {'met' if peak < 500 else 'MISSED'} |",
        f"| documents in the index / files | {count:,} / {last['first']['files']:,} | |",
        f"| rerun over unchanged files (s) | {rerun:,.2f} | |",
        f"| first / rerun | {speedup:,.1f}x | >= 20x: {'met' if speedup >= 20 else 'MISSED'} |",
    ] + add


def per_query(runs: list[Run]) -> str:
    """p50 of each query on each engine (over the runs) and the matches each engine counted."""
    engines = list(runs[0].engines)
    head = ["kind", "query", *(f"{NAMES[e]} p50 ms" for e in engines), *(f"{NAMES[e]} matches" for e in engines)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for i, q in enumerate(QUERIES):
        text = q.eoreader or "(none)"
        if q.since:
            text += f" {q.since}..{q.until}"
        if q.doc_kind:
            text += f" kind={q.doc_kind}"
        p50 = [median([median(r.engines[e]["times"][i]) * 1000 for r in runs]) for e in engines]
        totals = [runs[-1].engines[e]["totals"][i] for e in engines]
        lines.append("| " + " | ".join([q.kind, text.replace("|", "\\|"), *(f"{v:.1f}" for v in p50),
                                         *(f"{t:,}" for t in totals)]) + " |")
    return "\n".join(lines)


def header(docs: int, runs: int, elapsed: float) -> str:
    rev = subprocess.run(["git", "describe", "--always", "--dirty"], capture_output=True, text=True,
                         cwd=RESULTS.parent).stdout.strip()
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    return (f"### {docs:,} documents, {dt.datetime.now():%Y-%m-%d %H:%M}, git {rev}\n\n"
            f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GB, Python {platform.python_version()}, "
            f"median of {runs} run(s), {elapsed / 60:.1f} min in all.")


def record(text: str) -> None:
    """Append a table to RESULTS.md."""
    with RESULTS.open("a", encoding="utf-8") as f:
        f.write("\n" + text + "\n")
