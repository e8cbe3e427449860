"""Index-time analysis without Token objects: the terms, positions and weights Whoosh's
StemmingAnalyzer gives, computed on plain strings (its generator chain of filters was half
of the indexing time)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from itertools import repeat
from operator import sub
from pickle import dumps
from typing import Any

from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.analysis.tokenizers import default_pattern
from whoosh.fields import TEXT
from whoosh.formats import Frequency, Positions
from whoosh.system import pack_uint

# Whoosh's default token pattern with its group made non-capturing, so `findall` returns
# whole matches; a group changes what is captured, never what matches.
_DEFAULT_WORDS = re.compile(default_pattern.pattern.replace("(", "(?:"), default_pattern.flags)
# Words seen are remembered up to this many (a corpus of 100,000 documents has ~10^5).
MAX_WORDS = 1_000_000
_UNSEEN = object()

Posting = tuple[bytes, int, float, bytes]


class Words:
    """A tokenizer | lowercase | stop | stem chain as one function of each word, remembered."""

    def __init__(self, expression: re.Pattern[str], stop: StopFilter, stem: StemFilter) -> None:
        self.findall = expression.findall
        self.stops, self.min, self.max = stop.stops, stop.min, stop.max
        self.stem: Callable[[str], str] = stem._stem
        self.ignore = stem.ignore
        # Each word as it appears in the text -> its term as bytes, None for a stop word.
        self.terms: dict[str, bytes | None] = {}

    def term(self, word: str) -> bytes | None:
        """The indexed term of one word of text, or None when the stop filter drops it."""
        low = word.lower()
        if len(low) < self.min or (self.max is not None and len(low) > self.max) or low in self.stops:
            return None
        return (low if low in self.ignore else self.stem(low)).encode("utf-8")

    def positions(self, text: str) -> tuple[list[bytes], int]:
        """The terms of `text` in order, and the position of the first (stop words dropped)."""
        words = self.findall(text)
        terms: dict[str, bytes | None] = self.terms
        found = list(map(terms.get, words, repeat(_UNSEEN, len(words))))
        if _UNSEEN in found:
            if len(terms) > MAX_WORDS:
                terms.clear()
            for i, term in enumerate(found):
                if term is _UNSEEN:
                    word = words[i]
                    term = terms[word] = self.term(word)
                    found[i] = term
        start = next((i for i, term in enumerate(found) if term is not None), 0)
        return [term for term in found if term is not None], start


def words_of(analyzer: Any) -> Words | None:
    """`analyzer` as a `Words`, or None when it is not the chain `Words` reproduces."""
    items = getattr(analyzer, "items", None)
    if not items or [type(i) for i in items] != [RegexTokenizer, LowercaseFilter, StopFilter, StemFilter]:
        return None
    tokenizer, _, stop, stem = items
    expression = tokenizer.expression
    if (expression.pattern, expression.flags) == (default_pattern.pattern, default_pattern.flags):
        expression = _DEFAULT_WORDS
    if tokenizer.gaps or expression.groups or not stop.renumber or stem.lang:
        return None
    return Words(expression, stop, stem)


# One Words per analyzer object (kept alive here, so its id is not reused).
_WORDS: dict[int, tuple[Any, Words | None]] = {}


def _words(analyzer: Any) -> Words | None:
    entry = _WORDS.get(id(analyzer))
    if entry is None:
        entry = _WORDS[id(analyzer)] = (analyzer, words_of(analyzer))
    return entry[1]


class FastText(TEXT):
    """A TEXT field that indexes what its analyzer would, without Token objects.

    Queries, highlighting and anything else that calls `field.analyzer` are unchanged;
    only `index()` (what the writer calls per document) takes the short way, and only for
    plain text, a stemming analyzer and a positions or frequency format.
    """

    def index(self, value: Any, **kwargs: Any) -> Iterable[Posting]:
        """(term bytes, frequency, weight, encoded value) for each distinct term of `value`."""
        words = _words(self.analyzer)
        fmt = self.format
        if words is None or kwargs or not isinstance(value, str) or type(fmt) not in (Positions, Frequency):
            return super().index(value, **kwargs)
        terms, start = words.positions(value)
        boost = fmt.field_boost
        if type(fmt) is Frequency:
            return [(t, n, float(n) * boost, pack_uint(n)) for t, n in Counter(terms).items()]
        poses: defaultdict[bytes, list[int]] = defaultdict(list)
        for pos, term in enumerate(terms, start):
            poses[term].append(pos)
        return [(t, len(p), float(len(p)) * boost, _encode(p)) for t, p in poses.items()]


def _encode(poslist: list[int]) -> bytes:
    """whoosh.formats.Positions.encode: the count, then the pickled deltas.

    Each value is a new bytes object, as Whoosh's are: a posting block is pickled, and
    pickle would write a value it had seen before as a reference, changing the file.
    """
    return pack_uint(len(poslist)) + dumps(list(map(sub, poslist, [0, *poslist])), 2)
