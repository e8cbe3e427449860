"""An index of the search fixtures: from the shared corpus an order and its fact sheet, a
proclamation, a memorandum and a 2021 order; our own fixture of the law-enforcement order of
2025-04-28 (later than the corpus) with the seed article about it; and Federal Register
order 13600 (JSON and XML, cut down)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eoreader import Library
from tests.conftest import FIXTURES, SEEDS, require_corpus

SEARCH_FIXTURES = FIXTURES / "search"
# White House pages read where they are in the shared corpus: never copied into the project.
# Sorted by file name, and ingested before the fixtures folder: the documents keep the order
# they had as one folder of copies, so results tied on score keep their order too.
CORPUS_PAGES = [
    "presidential-actions/2021-09/2021-09-07-memorandum-on-the-continuation-of-the-exercise-of-certain-authorities-under-the-trading-with-the-enemy-act.md",
    "presidential-actions/2021-09/2021-09-09-executive-order-on-requiring-coronavirus-disease-2019-vaccination-for-federal-employees.md",
    "presidential-actions/2023-03/2023-03-21-a-proclamation-on-the-establishment-of-the-castner-range-national-monument-2023.md",
    "presidential-actions/2025-02/2025-02-10-ending-procurement-and-forced-use-of-paper-straws.md",
    "fact-sheets/2025-02/2025-02-10-fact-sheet-president-donald-j-trump-ends-the-procurement-and-forced-use-of-paper-straws.md",
]
FR_ORDER = [FIXTURES / "fr_json" / "EO_13600.json", FIXTURES / "fr_xml" / "EO_13600.xml"]
LAW_ENFORCEMENT = "2025-04-28-strengthening-and-unleashing-americas-law-enforcement"
SEED_ARTICLE = "000_b351558145707bca"
STRAWS_ORDER = "2025-02-10-ending-procurement-and-forced-use-of-paper-straws"
STRAWS_FACT_SHEET = "2025-02-10-fact-sheet-president-donald-j-trump-ends-the-procurement-and-forced-use-of-paper-straws"


@pytest.fixture(scope="session")
def small_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pages = [require_corpus() / "whitehouse" / page for page in CORPUS_PAGES]
    folder = tmp_path_factory.mktemp("search") / "index"
    with Library(folder) as library:
        summary = library.ingest([*pages, SEARCH_FIXTURES, SEEDS, *FR_ORDER])
    # A page missing from the corpus would only show as wrong search results: say so here.
    assert not summary.rejected, summary.rejected
    return folder


@pytest.fixture
def small(small_index: Path) -> Iterator[Library]:
    with Library(small_index) as library:
        yield library
