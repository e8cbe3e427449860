"""Shared fixtures: the real corpus beside the project, and indexes built once per run."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from eoreader import Library
from eoreader.ingest import Summary

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_b351558145707bca.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"


def require_corpus() -> Path:
    """The shared corpus; skipped with the reason when absent, but never in CI."""
    if not CORPUS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the corpus tests, but {CORPUS} is missing")
        pytest.skip(f"the shared corpus is not at {CORPUS} (it sits beside the project)")
    return CORPUS


@pytest.fixture(autouse=True, scope="session")
def private_data_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The user data folder (log file, bookmarks) of the tests: never the real user's."""
    os.environ["XDG_DATA_HOME"] = str(tmp_path_factory.mktemp("data"))


@pytest.fixture
def index_dir(tmp_path: Path) -> Path:
    return tmp_path / "index"


@pytest.fixture
def seed_library(index_dir: Path) -> Iterator[Library]:
    """A fresh index holding the seed article."""
    with Library(index_dir) as library:
        library.ingest([SEEDS])
        yield library


@pytest.fixture(scope="session")
def corpus_ingest(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Summary]:
    """An index of the whole shared corpus plus the seed, built once per test run (a full
    ingest takes about a minute), and the summary of ingesting the corpus into it."""
    corpus = require_corpus()
    folder = tmp_path_factory.mktemp("corpus") / "index"
    with Library(folder) as library:
        summary = library.ingest([corpus])
        library.ingest([SEEDS])
    return folder, summary


@pytest.fixture(scope="session")
def corpus_index(corpus_ingest: tuple[Path, Summary]) -> Path:
    return corpus_ingest[0]


@pytest.fixture
def corpus_library(corpus_index: Path) -> Iterator[Library]:
    with Library(corpus_index) as library:
        yield library
