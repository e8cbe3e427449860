"""The engines the benchmark compares, each behind the same two calls: build and Searcher.

`build(docs, folder)` indexes parsed Documents into `folder`; `searcher(folder)` opens it
and `.run(query)` returns the top 10 hits with a passage each, as (hits, total, partial).
Each engine module is imported only in the child process that measures it.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from eoreader.model import Document

from benchmarks.queries import Query

ENGINES = ("eoreader", "fts5", "tantivy")
LIMIT = 10
SNIPPET_CHARS = 240


class Searcher(Protocol):
    def run(self, query: Query) -> tuple[int, int, bool]: ...
    def close(self) -> None: ...


class Engine(Protocol):
    def build(self, docs: Iterable[Document], folder: Path) -> None: ...
    def searcher(self, folder: Path) -> Searcher: ...


class Missing(Exception):
    """The engine's library is not installed (tantivy comes with the `bench` extra)."""


def load(name: str) -> Engine:
    """The module of engine `name`; raises Missing when its library is absent."""
    try:
        return importlib.import_module(f"benchmarks.engines.{name}_engine")  # type: ignore[return-value]
    except ModuleNotFoundError as exc:
        if exc.name and not exc.name.startswith("benchmarks"):
            raise Missing(f"{name}: {exc.name} is not installed (pip install -e '.[bench]')") from exc
        raise
