"""An app over a fresh index holding the seed article."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eoreader import Library
from eoreader.tui.app import EOReaderApp
from tests.conftest import SEEDS


@pytest.fixture
def app(index_dir: Path) -> Iterator[EOReaderApp]:
    with Library(index_dir) as library:
        library.ingest([SEEDS])
        yield EOReaderApp(library)
