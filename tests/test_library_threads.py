"""One Library shared by threads (the TUI's search workers): results as if run one by one."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from eoreader import Library

QUERIES = ["national emergency", "sanctions iran", "climate", "law enforcement", "cybersecurity",
           "title:energy", "date:[2021-01-20 TO 2022-12-31] health", "immig*", "14159", "federal"]


def test_concurrent_searches_match_sequential_ones(corpus_library: Library) -> None:
    def run(query: str) -> list[tuple[str, str]]:
        results = corpus_library.search(query, limit=10)
        return [(h.id, h.snippet.text) for h in results.hits]

    expected = {q: run(q) for q in QUERIES}
    with ThreadPoolExecutor(max_workers=4) as pool:
        rounds = list(pool.map(run, QUERIES * 4))
    assert rounds == [expected[q] for q in QUERIES * 4]
