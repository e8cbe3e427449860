"""An index of the search fixtures: an order and its fact sheet, a proclamation, a
memorandum, a 2021 order, the law-enforcement order of 2025-04-28 with the seed article
about it, and Federal Register order 13600 (JSON and XML)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eoreader import Library
from tests.conftest import FIXTURES, SEEDS

SEARCH_FIXTURES = FIXTURES / "search"
FR_ORDER = [FIXTURES / "fr_json" / "EO_13600.json", FIXTURES / "fr_xml" / "EO_13600.xml"]
LAW_ENFORCEMENT = "2025-04-28-strengthening-and-unleashing-americas-law-enforcement"
SEED_ARTICLE = "000_b351558145707bca"
STRAWS_ORDER = "2025-02-10-ending-procurement-and-forced-use-of-paper-straws"
STRAWS_FACT_SHEET = "2025-02-10-fact-sheet-president-donald-j-trump-ends-the-procurement-and-forced-use-of-paper-straws"


@pytest.fixture(scope="session")
def small_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("search") / "index"
    with Library(folder) as library:
        library.ingest([SEARCH_FIXTURES, SEEDS, *FR_ORDER])
    return folder


@pytest.fixture
def small(small_index: Path) -> Iterator[Library]:
    with Library(small_index) as library:
        yield library
