"""Shared by the reliability tests: running the CLI apart, small real corpora, index signatures."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from eoreader.search import open_index
from eoreader.search.verify import stored_documents, text_hash
from tests.conftest import ROOT, SEEDS, require_corpus

FR = "federal-register"
# A few orders in every format they come in (PDF included), and White House pages: real
# files, small enough to ingest in well under a second.
SMALL = [
    *(f"{FR}/EO_13600.{ext}" for ext in ("htm", "html", "json", "pdf", "xml")),
    *(f"{FR}/EO_13000.{ext}" for ext in ("htm", "json", "pdf")),
    *(f"{FR}/EO_13131.{ext}" for ext in ("htm", "json")),
    *(f"{FR}/EO_{n}.{ext}" for n in (13001, 13002, 13003, 13004, 13005) for ext in ("htm", "json")),
    "whitehouse/fact-sheets/2025-01/2025-01-22-fact-sheet-president-donald-j-trump-declares-a-national-"
    "emergency-at-the-southern-border.md",
    "whitehouse/presidential-actions/2025-01/2025-01-01-president-joseph-r-biden-jr-approves-missouri-major-"
    "disaster-declaration.md",
]


def small_corpus(dest: Path) -> Path:
    """A copy of SMALL and the seed under `dest` (copies, so tests may touch them)."""
    corpus = require_corpus()
    for name in SMALL:
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(corpus / name, target)
    shutil.copytree(SEEDS, dest / "seeds")
    return dest


def cli_env(tmp: Path) -> dict[str, str]:
    """The environment for eoreader run as its own process: this checkout, a private data folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("EOREADER_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["XDG_DATA_HOME"] = str(tmp / "data")
    # Rich wraps at 80 columns off a terminal; test_errors_are_one_line covers that apart.
    env["COLUMNS"] = "10000"
    return env


def cli_args(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "eoreader", *map(str, args)]


def run_cli(tmp: Path, *args: str | Path, timeout: float = 300,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`eoreader ARGS` in a child process; output as text."""
    return subprocess.run(cli_args(*args), env=env or cli_env(tmp), capture_output=True, text=True,
                          timeout=timeout, check=False)


def signature(folder: Path) -> dict[str, str]:
    """Document id -> hash of its stored text: what two indexes must share to be equal."""
    _, searcher = open_index(folder)
    try:
        return {doc.id: text_hash(doc) for doc in stored_documents(searcher)}
    finally:
        searcher.close()


def tree_hashes(folder: Path) -> dict[str, str]:
    """sha256 of every file under `folder`, to prove sources untouched."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}
