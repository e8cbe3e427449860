"""FastText indexes exactly what Whoosh's TEXT does with the same analyzer: the same terms,
frequencies, weights and encoded positions, on real documents and on hostile text."""

from __future__ import annotations

import pickle

import pytest
from whoosh.analysis import StandardAnalyzer, StemmingAnalyzer
from whoosh.fields import TEXT

from eoreader.ingest import Summary, discover, plan
from eoreader.ingest.manifest import Manifest
from eoreader.search.analysis import FastText, words_of
from eoreader.search.schema import ANALYZER, TEXT_FIELDS, build_schema, to_fields
from tests.conftest import require_corpus

HOSTILE = [
    "",
    "   \n\t ",
    "the of and a to in",  # nothing but stop words
    "The order. Of the President, by the authority vested in me",  # leading stop word: positions renumbered
    "a b c d e f g h",  # one-letter words fall to minsize
    "Sec. 2.1(a)(iii) U.S.C. 1701 et seq.; 50 U.S.C. 1601",
    "e-mail, e.g., i.e., 3.141, under_score, big-time, **bold**, wild*card, a..b, .5 5.",
    "Ünïcödé İstanbul ǅemal straße ﬁnance ΣΊΣΥΦΟΣ Ελληνικά 日本語の文章 한국어 עברית العربية",
    "emoji 🇺🇸 flag, zero\u200bwidth joiner\u200d, nbsp\u00a0here, soft\u00adhyphen, combining e\u0301",
    "ＦＵＬＬＷＩＤＴＨ ｄｉｇｉｔｓ １２３ and ²³ superscripts ½ fractions Ⅻ numerals",
    "repeated repeated repeated Repeated REPEATED repeating repeats the the repeated",
    "x" * 5000 + " " + "word " * 3000,
    "\x00\x01 control \x7f chars \ufeff bom \ufffd replacement",
]


def fields_pair(analyzer: object, **options: object) -> tuple[TEXT, FastText]:
    return TEXT(analyzer=analyzer, **options), FastText(analyzer=analyzer, **options)


def assert_same(whoosh: TEXT, fast: FastText, text: str) -> None:
    expected = list(whoosh.index(text))
    got = list(fast.index(text))
    assert got == expected
    # Types too: the writer sums frequencies and stores weights as floats.
    assert [tuple(map(type, p)) for p in got] == [tuple(map(type, p)) for p in expected]


@pytest.fixture(scope="module")
def corpus_texts() -> list[str]:
    """Every text field of one file in ten of the shared corpus, as the index receives them."""
    files = list(discover([require_corpus()]))[::10]
    texts = []
    for change in plan(files, Manifest(), Summary()):
        fields = to_fields(change.document)
        texts.extend(fields[name] for name in (*TEXT_FIELDS, "agency", "actor") if name in fields)
    assert len(texts) > 500
    return texts


@pytest.mark.parametrize("options", [{}, {"phrase": False}, {"field_boost": 2.5}, {"phrase": False, "field_boost": 0.5}])
def test_corpus_text_indexes_as_whoosh_does(corpus_texts: list[str], options: dict[str, object]) -> None:
    whoosh, fast = fields_pair(StemmingAnalyzer(cachesize=-1), **options)
    for text in corpus_texts:
        assert_same(whoosh, fast, text)
    # Posting blocks are pickled: equal values that are one object would pickle otherwise.
    values = [[value for *_, value in field.index(text)] for field in (whoosh, fast) for text in corpus_texts[:50]]
    assert pickle.dumps(values[50:], 2) == pickle.dumps(values[:50], 2)


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("options", [{}, {"phrase": False}])
def test_hostile_text_indexes_as_whoosh_does(text: str, options: dict[str, object]) -> None:
    assert_same(*fields_pair(StemmingAnalyzer(cachesize=-1), **options), text)


def test_other_analyzers_and_values_take_whoosh_path() -> None:
    """What Words cannot reproduce is left to Whoosh, with the same result."""
    assert words_of(StandardAnalyzer()) is None
    assert words_of(StemmingAnalyzer(gaps=True, expression=r"\s+")) is None
    assert words_of(StemmingAnalyzer(minsize=3, stoplist=["order"])) is not None
    for analyzer in (StandardAnalyzer(), StemmingAnalyzer(gaps=True, expression=r"\s+"),
                     StemmingAnalyzer(minsize=3, stoplist=["order"])):
        for options in ({}, {"chars": True}):
            for text in HOSTILE[3:8]:
                assert_same(*fields_pair(analyzer, **options), text)
    whoosh, fast = fields_pair(ANALYZER)
    assert list(fast.index(["Orders", "of", "the"])) == list(whoosh.index(["Orders", "of", "the"]))


def test_schema_text_fields_index_fast_and_query_with_the_analyzer() -> None:
    schema = build_schema()
    for name in (*TEXT_FIELDS, "agency", "actor"):
        assert type(schema[name]) is FastText
        assert schema[name].analyzer is ANALYZER
    # The schema is pickled into the index's TOC: it comes back with the fast fields.
    again = pickle.loads(pickle.dumps(schema))
    assert type(again["body"]) is FastText
    assert list(again["body"].index(HOSTILE[3])) == list(TEXT(analyzer=ANALYZER).index(HOSTILE[3]))
    assert [t.text for t in schema["body"].analyzer("Orders of the President", mode="query")] == ["order", "presid"]
