"""Clocks and memory: peak resident memory of a process tree, percentiles, sizes on disk."""

from __future__ import annotations

import math
import os
import resource
import threading
from pathlib import Path
from types import TracebackType

import psutil

MB = 1024 * 1024
SAMPLE_SECONDS = 0.02


def rss() -> int:
    """Resident memory of this process, in bytes."""
    return psutil.Process().memory_info().rss


def tree_rss(proc: psutil.Process) -> int:
    """Resident memory of `proc` and all its descendants (a multi-process writer's workers)."""
    total = proc.memory_info().rss
    for child in proc.children(recursive=True):
        try:
            total += child.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


class PeakMemory:
    """Samples this process tree's resident memory every 20 ms while the block runs."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._proc = psutil.Process()

    def __enter__(self) -> PeakMemory:
        self.peak = tree_rss(self._proc)
        self._thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._stop.set()
        self._thread.join()
        # ru_maxrss (KiB on Linux) catches a spike shorter than the sampling period.
        self.peak = max(self.peak, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)

    def _sample(self) -> None:
        while not self._stop.wait(SAMPLE_SECONDS):
            try:
                self.peak = max(self.peak, tree_rss(self._proc))
            except psutil.NoSuchProcess:
                pass


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (0-100) by linear interpolation between closest ranks."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    if k == low or ordered[high] == ordered[low]:
        return ordered[low]
    if math.isinf(ordered[high]):  # a missed keystroke counts as infinitely late
        return ordered[high]
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def median(values: list[float]) -> float:
    return percentile(values, 50)


def dir_size(path: Path) -> int:
    """Bytes of every file under `path` (or of `path` itself)."""
    if path.is_file():
        return path.stat().st_size
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(path) for f in files)
