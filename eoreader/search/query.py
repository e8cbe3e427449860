"""User text -> a Whoosh query: free words over every text field, fields narrow, nothing raises.

Bare words are optional and ranked (more of them matched ranks higher); `+word`, `AND`,
"quoted phrases" and `field:value` are required; `-word` and `NOT` exclude. Wildcard,
prefix and fuzzy words expand to at most MAX_EXPANSION index words, the most frequent.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice

from whoosh.query import (
    And, AndMaybe, AndNot, DateRange, Every, NullQuery, NumericRange, Or, Phrase, Query, Term,
)
from whoosh.reading import IndexReader

from eoreader.model import Kind
from eoreader.search import syntax
from eoreader.search.passages import stem_of
from eoreader.search.schema import ANALYZER, TEXT_FIELDS, president_key
from eoreader.search.spelling import edits
from eoreader.search.syntax import MUST, NOT, Group, Node, Range, Word
from eoreader.search.timehints import Period, period_of

# BM25F field weights: title, key points and headings say what a document is about more
# than any body line. Tuned with benchmarks/relevance.py --tune on both query sets.
FIELD_BOOSTS = {"title": 2.0, "keypoints": 0.0, "headings": 1.5, "body": 1.0}
# A number written as an order number ("EO 13166") matches that order's number field.
NUMBER_BOOST = 8.0
MAX_QUERY_CHARS = 1000
# Words in more than this share of documents only rank documents that hold a rarer word.
COMMON_SHARE = 0.2
# The rarest words, up to this many postings in all, make the candidates; the others only
# rank them (MRR unchanged on both query sets from 8,000 down to 1,000; 500 loses one).
GATE_POSTINGS = 2000
# Below this many documents every word is cheap: no split.
SPLIT_FROM_DOCS = 1000
MAX_EXPANSION = 64
# Candidate words scanned for one wildcard before keeping the most frequent.
MAX_SCAN = 2000
# Longer fuzzy words are matched by their stem's neighbours only.
MAX_FUZZY_LETTERS = 24
_ORDER_NUMBER = re.compile(
    r"^\s*(?:(?:executive\s+order|e\.?\s*o\.?)\s*(?:no\.?\s*)?#?)?(\d{4,5})\s*$", re.I
)
_NUMBER_WORD = re.compile(r"^\d{5}$")
_EO_BEFORE = re.compile(r"(?:executive\s+order|e\.?\s*o\.?)\s*(?:no\.?\s*)?$", re.I)
TEXT_TARGETS = set(TEXT_FIELDS) | {"agency", "actor"}

# What users type after `kind:`; every Kind value works as itself too.
KIND_ALIASES = {
    "eo": Kind.ORDER, "executive-order": Kind.ORDER, "orders": Kind.ORDER,
    "memo": Kind.MEMORANDUM, "memoranda": Kind.MEMORANDUM, "factsheet": Kind.FACT_SHEET,
    "fact_sheet": Kind.FACT_SHEET, "news": Kind.ARTICLE, "letter": Kind.MESSAGE,
    "proclamations": Kind.PROCLAMATION, "memorandums": Kind.MEMORANDUM,
}


def order_number(text: str) -> str | None:
    """The order number when the query is one alone ("14288", "EO 14288", "E.O. 14288")."""
    match = _ORDER_NUMBER.match(text)
    return match.group(1) if match else None


def kind_of(value: str) -> Kind | None:
    """The Kind a user means by `value` ("order", "memo", "fact sheet"), or None."""
    key = "-".join(value.lower().replace("_", " ").split())
    try:
        return Kind(key)
    except ValueError:
        return KIND_ALIASES.get(key)


def analyse(text: str) -> list[str]:
    """The index words of `text`, as the text fields analyse it."""
    return [t.text for t in ANALYZER(text, mode="query")]


@dataclass
class Compiled:
    """A query and what search needs to know about it."""

    query: Query | None
    # Index words of the text fields, for marking passages.
    terms: set[str] = field(default_factory=set)
    messages: list[str] = field(default_factory=list)


class WordQuery(Or):
    """One index word in every text field, each field weighted; knows how common it is."""

    # A lazy union: Whoosh's default for small indexes reads and scores every posting up
    # front, which for a common word is most of the query's time.
    matcher_type = Or.DEFAULT_MATCHER

    def __init__(self, stem: str, boosts: dict[str, float], docs: int = 0) -> None:
        super().__init__([Term(f, stem, boost=b) for f, b in boosts.items() if b > 0])
        self.frequency = docs


def text_query(stem: str, boosts: dict[str, float] | None = None, reader: IndexReader | None = None) -> WordQuery:
    """One index word in every text field, each field weighted."""
    docs = max(reader.doc_frequency(f, stem) for f in ("title", "body")) if reader is not None else 0
    return WordQuery(stem, boosts or FIELD_BOOSTS, docs)


class Compiler:
    """Turns a syntax tree into a Whoosh query against one reader."""

    def __init__(self, reader: IndexReader, text: str, skip: Callable[[Word], bool] = lambda w: False,
                 rewrite: dict[int, str] | None = None, boosts: dict[str, float] | None = None) -> None:
        self.reader, self.text = reader, text
        self.skip, self.rewrite = skip, rewrite or {}
        self.boosts = boosts or FIELD_BOOSTS
        self.out = Compiled(None)
        self.size = reader.doc_count()

    def compile(self, tree: Group) -> Compiled:
        query = self._group(tree, top=True)
        self.out.query = query
        return self.out

    def _group(self, group: Group, top: bool = False) -> Query | None:
        if group.any_of:
            parts = [q for _, node in group.clauses if (q := self._node(node)) is not None]
            return Or(parts) if parts else None
        must, should, nots = [], [], []
        for occur, node in group.clauses:
            query = self._node(node)
            if query is None:
                continue
            if occur == NOT:
                nots.append(query)
            elif occur == MUST or _required(node):
                must.append(query)
            else:
                should.append(query)
        positive: Query | None
        # Words most documents hold only add to the score of documents that hold a rarer
        # one: matching every document that says "order" costs much and finds nothing.
        common = [q for q in should if isinstance(q, WordQuery) and q.frequency > COMMON_SHARE * self.size]
        rare = [q for q in should if q not in common and not (isinstance(q, WordQuery) and not q.frequency)]
        # The rarest words decide which documents are candidates, up to GATE_POSTINGS
        # postings in all: the cost of a query stays bounded as the index grows.
        gate, postings = [], 0
        for q in sorted(rare, key=lambda q: q.frequency if isinstance(q, WordQuery) else 0):
            postings += q.frequency if isinstance(q, WordQuery) else 0
            if gate and postings > GATE_POSTINGS:
                common.append(q)
            else:
                gate.append(q)
        rare = gate
        if common and rare and not must and self.size >= SPLIT_FROM_DOCS:
            must, should = [_any(rare)], common
        if must and should:
            positive = AndMaybe(_all(must), _any(should))
        elif must:
            positive = _all(must)
        elif should:
            positive = _any(should)
        else:
            positive = Every() if nots else None
        if positive is not None and nots:
            return AndNot(positive, Or(nots))
        return positive

    def _node(self, node: Node) -> Query | None:
        if isinstance(node, Group):
            return self._group(node)
        if isinstance(node, Range):
            return self._range(node)
        if isinstance(node, Word) and node.field is None and self.skip(node):
            return None
        target = node.field or "*"
        text = self.rewrite.get(node.start, node.text)
        if target in ("*",) or target in TEXT_TARGETS:
            if isinstance(node, syntax.Phrase):
                return self._phrase(text, target)
            return self._word(node, text, target)
        value = " ".join(text.split())
        return self._value(target, value)

    def _word(self, node: Word, text: str, target: str) -> Query | None:
        fields = list(self.boosts) if target == "*" else [target]
        if any(c in text for c in "*?"):
            return self._pattern(text.lower(), fields)
        stems = analyse(text)
        if not stems:
            return None
        if node.fuzzy:
            return self._fuzzy(text, node.fuzzy, fields) or NullQuery
        if target in TEXT_FIELDS or target == "*":
            self.out.terms.update(stems)
        if target == "*":
            parts: list[Query] = [text_query(s, self.boosts, self.reader) for s in stems]
            if _NUMBER_WORD.match(text) or (text.isdigit() and _EO_BEFORE.search(self.text[:node.start])):
                parts.append(Term("number", text, boost=NUMBER_BOOST))
            return parts[0] if len(parts) == 1 else Or(parts)
        return _all([Term(target, s) for s in stems])

    def _phrase(self, text: str, target: str) -> Query | None:
        stems = analyse(text)
        if not stems:
            return None
        fields = list(self.boosts) if target == "*" else [target]
        if target in TEXT_FIELDS or target == "*":
            self.out.terms.update(stems)
        if len(stems) == 1:
            return Or([Term(f, stems[0], boost=self.boosts.get(f, 1.0)) for f in fields])
        return Or([Phrase(f, stems, boost=self.boosts.get(f, 1.0)) for f in fields
                   if f not in ("agency", "actor")] or [And([Term(fields[0], s) for s in stems])])

    def _pattern(self, pattern: str, fields: list[str]) -> Query | None:
        # A leading wildcard would scan every word of the index: read from the first letter.
        pattern = pattern.lstrip("*?")
        literal = re.match(r"[^*?]*", pattern).group()  # type: ignore[union-attr]
        if len(literal) < 2:
            self.out.messages.append(f"'{pattern or '*'}' is too broad: give at least two letters before * or ?")
            return None
        regex = re.compile(re.escape(pattern).replace(r"\*", ".*").replace(r"\?", ".") + "$")
        words: dict[str, int] = {}
        for fname in fields:
            candidates = (t.decode() for t in self.reader.expand_prefix(fname, literal))
            for word in islice(candidates, MAX_SCAN):
                if regex.match(word):
                    words[word] = words.get(word, 0) + self.reader.doc_frequency(fname, word)
        best = sorted(words, key=lambda w: -words[w])[:MAX_EXPANSION]
        self.out.terms.update(best)
        if not best:
            return NullQuery
        return Or([Term(f, w, boost=self.boosts.get(f, 1.0)) for w in best for f in fields])

    def _fuzzy(self, word: str, distance: int, fields: list[str]) -> Query | None:
        """Index words within `distance` edits: of the word as typed (each variant stemmed, as
        the text was), and of its stem."""
        stem = stem_of(word.lower())
        variants = {stem_of(v) for v in edits(word.lower())} if len(word) <= MAX_FUZZY_LETTERS else set()
        words: set[str] = set()
        for fname in fields:
            words.update(v for v in variants if v and (fname, v) in self.reader)
            if stem:
                words.update(islice(self.reader.terms_within(fname, stem, distance, prefix=1), MAX_EXPANSION))
        words = set(sorted(words)[:MAX_EXPANSION])
        self.out.terms.update(words)
        if not words:
            return None
        return Or([Term(f, w, boost=self.boosts.get(f, 1.0)) for w in words for f in fields])

    def _value(self, target: str, value: str) -> Query | None:
        """`kind:`, `president:`, `eo:`, `year:` and `date:` with one value."""
        if target == "kind":
            kind = kind_of(value)
            if kind is None:
                names = ", ".join(k.value for k in Kind)
                self.out.messages.append(f"no kind '{value}'; kinds: {names}")
                return NullQuery
            return Term("kind", kind.value)
        if target == "president":
            return Term("president", president_key(value))
        if target == "number":
            digits = re.sub(r"\D", "", value)
            return Term("number", digits) if digits else None
        if target == "year":
            return self._range(Range("year", value, value))
        if target == "date":
            period = period_of(value)
            if period is None:
                self.out.messages.append(f"'{value}' is not a date (try 2025-04 or 2025-04-28)")
                return NullQuery
            return date_range(period)
        return None

    def _range(self, node: Range) -> Query | None:
        if node.field == "year" or node.field == "number":
            name = "year" if node.field == "year" else "order"
            lo, hi = _int(node.lo), _int(node.hi)
            if (node.lo and lo is None) or (node.hi and hi is None):
                self.out.messages.append(f"{node.field}: takes numbers")
                return NullQuery
            return NumericRange(name, lo, hi, startexcl=not node.lo_incl, endexcl=not node.hi_incl)
        if node.field == "date":
            lo = period_of(node.lo) if node.lo else None
            hi = period_of(node.hi) if node.hi else None
            if (node.lo and lo is None) or (node.hi and hi is None):
                self.out.messages.append("date: takes dates such as 2025-04-28, 2025-04 or 2025")
                return NullQuery
            start = (lo.start if node.lo_incl else lo.end + dt.timedelta(days=1)) if lo else None
            end = (hi.end if node.hi_incl else hi.start - dt.timedelta(days=1)) if hi else None
            return date_range(Period(start or dt.date(1, 1, 1), end or dt.date(9999, 12, 31)))
        # A range on a text field: its words.
        words = " ".join(v for v in (node.lo, node.hi) if v)
        return self._word(Word(words, node.start, node.end), words, node.field) if words else None


def date_range(period: Period) -> Query:
    """Documents dated within `period`, both ends included."""
    start = dt.datetime.combine(period.start, dt.time.min)
    end = dt.datetime.combine(period.end, dt.time.max)
    return DateRange("date", start, end)


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        return None


def _required(node: Node) -> bool:
    """Fields and quoted phrases narrow the results; bare words only rank them."""
    return isinstance(node, syntax.Phrase) or getattr(node, "field", None) is not None


def _all(queries: list[Query]) -> Query:
    return queries[0] if len(queries) == 1 else And(queries)


def _any(queries: list[Query]) -> Query:
    return queries[0] if len(queries) == 1 else Or(queries)


def free_words(tree: Group) -> Iterable[Word]:
    """The bare words of the query: no field, wildcard or fuzzy suffix, not excluded."""
    for occur, node in tree.clauses:
        if occur == NOT:
            continue
        if isinstance(node, Group):
            yield from free_words(node)
        elif isinstance(node, Word) and node.field is None and not node.fuzzy and not any(
            c in node.text for c in "*?"
        ):
            yield node
