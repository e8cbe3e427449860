"""A full disk or an I/O error at any point of an ingest: one clear message, nothing lost.

Each case fails write, fsync or rename number N (ENOSPC for odd N, EIO for even) while an
ingest adds documents to an index that already holds some. Afterwards the index must open
without a rebuild, match its manifest (eoreader check finds nothing but leftovers), and a
rerun must end equal to an ingest that never failed.
"""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest

from eoreader import Library
from eoreader.indexing import WriteFailed
from eoreader.integrity import check
from eoreader.search import writer
from tests.reliability.faults import Faults
from tests.reliability.helpers import signature, small_corpus

# Small batches, so the run commits several times and every step of a commit is hit.
BATCH = 3
WRITE_SAMPLES = 16
MESSAGES = {errno.ENOSPC: "No space left on device", errno.EIO: "Input/output error"}


class Setup:
    """Sources, an index holding part of them (the previous generation), the clean result."""

    def __init__(self, base: Path) -> None:
        self.sources = small_corpus(base / "sources")
        for pdf in self.sources.rglob("*.pdf"):
            pdf.unlink()  # each PDF costs a child process; the disk does not care
        self.before = base / "before"
        with Library(self.before) as library:
            library.ingest([self.sources / "whitehouse", self.sources / "seeds"])
        clean = base / "clean"
        shutil.copytree(self.before, clean)
        self.counts = Faults()
        with self.counts.active(), Library(clean) as library:
            library.ingest([self.sources])
        self.expected = signature(clean)


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Setup:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(writer, "BATCH_DOCS", BATCH)
        yield Setup(tmp_path_factory.mktemp("faults"))


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writer, "BATCH_DOCS", BATCH)


def _cases(counts: dict[str, int]) -> list[tuple[str, int]]:
    writes = counts["write"]
    sampled = sorted({*range(1, 6), *(1 + i * (writes - 1) // (WRITE_SAMPLES - 6) for i in range(WRITE_SAMPLES - 5))})
    return ([("write", n) for n in sampled] + [("fsync", n) for n in range(1, counts["fsync"] + 1)]
            + [("rename", n) for n in range(1, counts["rename"] + 1)])


def test_every_write_fsync_and_rename_may_fail(setup: Setup, tmp_path: Path) -> None:
    cases = _cases(setup.counts.counts)
    assert setup.counts.counts["fsync"] >= 10 and setup.counts.counts["rename"] >= 4, setup.counts.counts
    survived = []
    for op, n in cases:
        code = errno.ENOSPC if n % 2 else errno.EIO
        folder = tmp_path / f"{op}-{n}"
        shutil.copytree(setup.before, folder)
        faults = Faults(op, n, code)
        with pytest.raises(WriteFailed) as failed, faults.active(), Library(folder) as library:
            library.ingest([setup.sources])
        assert faults.fired, (op, n)
        message = str(failed.value)
        assert message.startswith(f"could not write the index: {MESSAGES[code]}"), (op, n, message)
        assert "\n" not in message
        # The index as the fault left it opens as it is, and holds what its manifest says.
        Library(folder, rebuild=False).close()
        report = check(folder)
        assert {f.kind for f in report.findings} <= {"stray"}, (op, n, report.findings)
        with Library(folder) as library:
            library.ingest([setup.sources])
        assert signature(folder) == setup.expected, (op, n)
        survived.append((op, n))
    print(f"\nI/O faults: {len(survived)}/{len(cases)} survived "
          f"(write at {[n for o, n in cases if o == 'write']}, every fsync 1-{setup.counts.counts['fsync']}, "
          f"every rename 1-{setup.counts.counts['rename']})")
