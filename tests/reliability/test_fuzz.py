"""Hypothesis over the query box and every reader: nothing raises, nothing outlasts its budget."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from eoreader import Library
from eoreader.ingest.decode import Rejected, Unsupported
from eoreader.ingest.formats import READERS
from eoreader.ingest.source import Source
from eoreader.search import searcher as searcher_module
from tests.conftest import FIXTURES
from tests.reliability.helpers import small_corpus
from tests.reliability.make_pdfs import text_pdf

BUDGET = getattr(searcher_module, "TIME_BUDGET_SECONDS", 1.0)
# A query may take its budget to collect hits, and a little more to parse and cut snippets.
ALLOWED = BUDGET + 1.5

SYNTAX = st.sampled_from(["(", ")", "*", "?", "~", "~9", ":", '"', "AND", "OR", "NOT", "-", "+", "[", "]", "{", "}",
                          "^", "\\", " TO ", "title:", "body:", "nosuchfield:", "kind:", "year:", "date:", "*r*",
                          "\x00", "\ud800", "\udfff", "\x1b[2J", " ", "order", "tax", "13600", "EO"])
QUERIES = st.lists(st.one_of(SYNTAX, st.text(st.characters(codec=None), max_size=12)), max_size=40).map("".join)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    base = tmp_path_factory.mktemp("fuzz")
    with Library(base / "index") as library:
        library.ingest([small_corpus(base / "sources")])
        yield library


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=QUERIES)
def test_the_query_box_never_raises_or_hangs(library: Library, text: str) -> None:
    started = time.perf_counter()
    library.search(text)
    library.marks("Executive order on tax and trade policy", library.terms(text))
    assert time.perf_counter() - started < ALLOWED


HOSTILE = {
    "5,000 nested parentheses": "(" * 5000 + "order" + ")" * 5000,
    "5,000 open parentheses": "(" * 5000,
    "leading wildcard *r*": "*r*",
    "bare star": "*",
    "leading ? wildcard": "?",
    "suffix wildcard": "*tion",
    "fuzzy ~9": "national~9",
    "bare ~9": "~9",
    "unknown field": "nosuchfield:order",
    "NUL": "tax\x00policy",
    "lone surrogates": "order\ud800\udfff",
    "10,000 characters": ("emergency (powers) OR *a* AND NOT " * 300)[:10_000],
    "many NOTs": "NOT " * 2000,
    "quote storm": '"' * 999,
    "range on text": "title:[a TO z]",
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_queries_on_the_whole_corpus(corpus_library: Library, text: str) -> None:
    started = time.perf_counter()
    results = corpus_library.search(text)
    elapsed = time.perf_counter() - started
    assert elapsed < ALLOWED, f"{elapsed:.2f} s (partial={getattr(results, 'partial', None)})"


# Each reader's own good file, mutated, in the file type it reads.
SAMPLES = {
    "fr-json": FIXTURES / "fr_json" / "EO_13600.json",
    "fr-xml": FIXTURES / "fr_xml" / "EO_13600.xml",
    "fr-html": FIXTURES / "fr_html" / "EO_13600.html",
    "gpo-text": FIXTURES / "gpo_text" / "EO_13600.htm",
    "whitehouse": FIXTURES / "whitehouse" / "order-2021-style.md",
    "text": FIXTURES / "article" / "budget_article.txt",
    "pdf": Path("EO_13600.pdf"),
}
MARKUP = st.text(st.sampled_from("<>&;[]{}\"'/=!-#:\x00\x1b\n\u202e\ud800"), max_size=50)


def _sample(reader: str) -> bytes:
    return text_pdf() if reader == "pdf" else SAMPLES[reader].read_bytes()


@st.composite
def mutated(draw: st.DrawFn, base: bytes) -> bytes:
    """`base` truncated, bit-flipped, spliced with itself, or with markup and controls inserted."""
    cut = draw(st.integers(0, len(base)))
    kind = draw(st.sampled_from(["truncate", "flip", "splice", "insert"]))
    if kind == "truncate":
        return base[:cut]
    if kind == "flip":
        data = bytearray(base)
        for at in draw(st.lists(st.integers(0, len(data) - 1), min_size=1, max_size=8)):
            data[at] ^= 1 << draw(st.integers(0, 7))
        return bytes(data)
    if kind == "splice":
        return base[:cut] + base[draw(st.integers(0, len(base))):]
    return base[:cut] + draw(MARKUP).encode("utf-8", "surrogatepass") + base[cut:]


def _parse(reader_name: str, data: bytes, tmp: Path) -> None:
    """Parse `data` with the reader; it may refuse, with a reason, but nothing else may escape."""
    reader = next(r for r in READERS if r.name == reader_name)
    source = Source(tmp / SAMPLES[reader_name].name, data)
    assume(reader.claims(source))
    try:
        doc = reader.parse(source)
    except (Rejected, Unsupported) as exc:
        assert str(exc).strip()
        return
    assert doc.id


@pytest.mark.parametrize("reader", [name for name in SAMPLES if name != "pdf"])
def test_readers_fail_only_with_a_reason(reader: str, tmp_path: Path) -> None:
    @settings(max_examples=300, deadline=None)
    @given(data=mutated(_sample(reader)))
    def run(data: bytes) -> None:
        _parse(reader, data, tmp_path)

    run()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=mutated(text_pdf()))
def test_pdf_reader_fails_only_with_a_reason(data: bytes, tmp_path: Path) -> None:
    _parse("pdf", data, tmp_path)


def test_every_reader_is_fuzzed() -> None:
    assert {r.name for r in READERS} == set(SAMPLES)
