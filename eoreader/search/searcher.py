"""Running a query: candidates from BM25F, reranked by the query's hints, grouped with their
coverage, counted and faceted over the whole result set, each hit with its best passage."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from whoosh.query import And, ConstantScoreQuery, DateRange, NumericRange, Or, Query, Term
from whoosh.searching import Searcher

from eoreader.model import Document
from eoreader.sanitize import clean_line
from eoreader.search import spelling, syntax
from eoreader.search.docsets import DocSets
from eoreader.search.expansion import cooccurring_terms, expanded
from eoreader.search.facets import FACETS, Facets
from eoreader.search.hints import Hints, find_hints
from eoreader.search.links import Links
from eoreader.search.passages import best_passage, find_marks
from eoreader.search.query import MAX_QUERY_CHARS, Compiler, analyse, date_range, free_words, order_number
from eoreader.search.postings import PostingCache
from eoreader.search.ranking import WEIGHTS, Ranker, Weights
from eoreader.search.results import Hit, Results
from eoreader.search.schema import TEXT_FIELDS, from_stored, president_key
from eoreader.search.deadline import Deadline
from eoreader.search.scoring import ArrayScorer, Scores

# A search's time: phrases are matched until shortly before it ends (docsets.RESERVE is left
# for scoring and hits); past that the phrase's documents found so far are used, the hits
# come back flagged `partial`, and the next search of the phrase resumes.
TIME_BUDGET_SECONDS = 0.03
# Candidates scored by BM25F and reranked by the query's hints.
CANDIDATES = 100
# Candidates added from a period the query names, and the days around it they may be from.
PERIOD_CANDIDATES = 30
CACHED_EXPANSIONS = 512
# Words in more than this share of documents are not looked for in passages.
MARKED_SHARE = 0.5
PERIOD_MARGIN_DAYS = 31
SORTS = ("relevance", "newest", "oldest", "number")


@dataclass(frozen=True)
class Filters:
    """Filters on facets and dates; None means any."""

    kind: str | None = None
    president: str | None = None
    year: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    actor: str | None = None

    def query(self, exact_actor: bool = False) -> Query | None:
        """The filter as a query; `exact_actor`: the actor is a facet value, matched whole."""
        parts: list[Query] = []
        if self.kind:
            parts.append(Term("kind", self.kind))
        if self.president:
            parts.append(Term("president", president_key(self.president)))
        if self.year:
            parts.append(NumericRange("year", self.year, self.year))
        if self.since or self.until:
            parts.append(date_range_between(self.since, self.until))
        if self.actor and exact_actor:
            parts.append(Term("actors", self.actor))
        elif self.actor:
            parts.extend(Term("actor", s) for s in analyse(self.actor))
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else And(parts)


def date_range_between(since: dt.date | None, until: dt.date | None) -> Query:
    start = dt.datetime.combine(since, dt.time.min) if since else None
    end = dt.datetime.combine(until, dt.time.max) if until else None
    return DateRange("date", start, end)


class Engine:
    """Search over one searcher (one generation of the index), with what it caches."""

    def __init__(self, searcher: Searcher, weights: Weights = WEIGHTS) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.postings = PostingCache(searcher)
        self.docsets = DocSets(searcher, self.postings)
        self.scorer = ArrayScorer(self.docsets, self.postings)
        self.facets = Facets(searcher, self.docsets)
        self.links = Links(self)
        self.ranker = Ranker(self, weights)
        self._expansions: dict[tuple[str, ...], list[tuple[str, float]]] = {}
        self.presidents = frozenset(t.decode() for t in self.reader.lexicon("president"))

    def search(self, text: str, limit: int = 10, sort: str = "relevance", filters: Filters = Filters(),
               correct: bool = True, budget: float = TIME_BUDGET_SECONDS, facets: Iterable[str] = FACETS,
               stop: Callable[[], bool] | None = None) -> Results:
        """The best `limit` hits (groups) for the user's `text`; empty text lists newest first.
        `facets`: those to count; `stop`: says when the answer is no longer wanted."""
        if sort not in SORTS:
            raise ValueError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
        deadline = Deadline(budget, stop)
        text = clean_line(text)[:MAX_QUERY_CHARS]
        plan = self.plan(text, correct)
        narrow = filters.query(exact_actor=bool(filters.actor)
                               and self.reader.doc_frequency("actors", filters.actor) > 0)
        query = plan.query
        if narrow is not None:
            query = And([query, ConstantScoreQuery(narrow, 0.0)]) if query is not None else narrow
        docs = self.docsets.of(query, deadline)
        results = Results(query=text, total=docs.bit_count(), hits=[], facets=self.facets.count(docs, facets),
                          corrected=plan.corrected, messages=plan.messages)
        # Without words to rank by (only fields, dates or a period), relevance is newest first.
        if plan.query is None or sort != "relevance" or not plan.terms:
            order = "newest" if sort == "relevance" else sort
            ranked = [(d, 0.0) for d in self.ranker.sorted(docs, order, limit)]
            results.hits = [self.hit(d, s, self._marked(plan.terms)) for d, s in ranked]
        else:
            scores = self.scorer.scores(self._expanded(plan, narrow), deadline)
            ranked = scores.top(CANDIDATES)
            if plan.hints.periods:
                ranked = self._with_period(ranked, scores, plan.hints)
            if plan.number:
                ranked = self._number_first(plan.number, ranked, docs)
            groups = self.ranker.rerank(ranked, plan.hints, limit, plan.words, docs, deadline)
            results.hits = [self.group_hit(group, self._marked(plan.terms)) for group in groups]
        results.partial = deadline.missed
        if results.total < spelling.RARE_DOCS:
            results.suggestion = self.suggest(text, plan)
        return results

    def plan(self, text: str, correct: bool) -> Plan:
        """What to run for `text`: the query, its hints, corrections and words to mark."""
        tree = syntax.parse(text)
        words = list(free_words(tree))
        hints = find_hints(text, words, self.presidents)
        fixes = spelling.corrections([w for w in words if w.start not in hints.spent], self.reader) if correct else []
        compiler = Compiler(self.reader, text, skip=lambda w: w.start in hints.spent,
                            rewrite={f.start: f.replacement for f in fixes}, boosts=self.ranker.boosts)
        compiled = compiler.compile(tree)
        query = compiled.query
        if query is None and hints.periods:  # the text only named a period: list that period
            query = Or([date_range(p) for p in hints.periods])
        fixed = {f.start: f.replacement for f in fixes}
        ordered = [s for w in words if w.start not in hints.spent for s in analyse(fixed.get(w.start, w.text))]
        return Plan(
            query=query, hints=hints, terms=frozenset(compiled.terms), words=ordered, messages=compiled.messages,
            excludes=syntax.excludes(tree),
            corrected=spelling.rewrite(text, fixes) if fixes else None, number=order_number(text),
        )

    def suggest(self, text: str, plan: Plan) -> str | None:
        """A did-you-mean for a query that found little: likelier spellings of its words."""
        words = [w for w in free_words(syntax.parse(plan.corrected or text)) if w.start not in plan.hints.spent]
        fixes = spelling.corrections(words, self.reader, ratio=spelling.SUGGEST_RATIO)
        return spelling.rewrite(plan.corrected or text, fixes) if fixes else None

    def _expanded(self, plan: Plan, narrow: Query | None) -> Query:
        """The query to score: the plan's, with words that co-occur with its rare words."""
        query = plan.query
        weight = self.ranker.weights.expansion
        if query is not None and weight > 0 and plan.words and not plan.excludes:
            key = tuple(plan.words)
            terms = self._expansions.get(key)
            if terms is None:
                terms = cooccurring_terms(self, plan.words)
                if len(self._expansions) > CACHED_EXPANSIONS:
                    self._expansions.clear()
                self._expansions[key] = terms
            query = expanded(query, terms, weight, self.ranker.boosts)
        if narrow is not None:
            query = And([query, ConstantScoreQuery(narrow, 0.0)]) if query is not None else narrow
        return query

    def _with_period(self, ranked: list[tuple[int, float]], scores: Scores, hints: Hints) -> list[tuple[int, float]]:
        """The candidates plus the best of the period named: a document of that period whose
        words score below the top hundred of all time is still a candidate to favour."""
        within = self.docsets.of(Or([date_range(p.widened(PERIOD_MARGIN_DAYS)) for p in hints.periods]))
        seen = {d for d, _ in ranked}
        return ranked + [(d, s) for d, s in scores.top(PERIOD_CANDIDATES, within) if d not in seen]

    def _number_first(self, number: str, ranked: list[tuple[int, float]], docs: int) -> list[tuple[int, float]]:
        """An order number typed alone: that order first, whatever the words score."""
        docnum = self.searcher.document_number(number=number)
        if docnum is None:
            return ranked
        top = max((s for _, s in ranked), default=1.0) * 10 + 1
        return [(docnum, top)] + [(d, s) for d, s in ranked if d != docnum]

    def _marked(self, terms: frozenset[str]) -> frozenset[str]:
        """The words to find in passages: not those most documents hold ("order", "federal"),
        which would only dilute the passage and cost a look at every one of them."""
        size = max(self.reader.doc_count(), 1)
        rare = frozenset(t for t in terms if self.reader.doc_frequency("body", t) <= MARKED_SHARE * size)
        return rare or terms

    def document(self, docnum: int) -> Document:
        return _document(self.searcher, docnum)

    def hit(self, docnum: int, score: float, terms: frozenset[str]) -> Hit:
        """The hit for document `docnum`, with its best passage for `terms`."""
        doc = self.document(docnum)
        passage = best_passage(doc, terms, self.weight)
        status, by = self.links.status(doc)
        return Hit(
            id=doc.id, kind=doc.kind.value, title=doc.title, number=doc.number, date=doc.date,
            score=score, sources=doc.sources, section=passage.anchor, section_heading=passage.heading,
            section_number=passage.number, snippet=passage.snippet, status=status.value,
            status_by=by, president=doc.president,
        )

    def group_hit(self, group: list[tuple[int, float]], terms: frozenset[str]) -> Hit:
        lead = self.hit(*group[0], terms)
        lead.coverage = [self.hit(d, s, terms) for d, s in group[1:]]
        return lead

    @property
    def weight(self) -> Callable[[str], float]:
        return self._idf

    def _idf(self, term: str) -> float:
        return float(self.searcher.idf("body", term))


@dataclass(frozen=True)
class Plan:
    query: Query | None
    hints: Hints
    terms: frozenset[str]
    # The index words of the free text, in the order typed (for proximity).
    words: list[str]
    # The query excludes documents (-word, NOT): expansion words must not bring them back.
    excludes: bool
    messages: list[str]
    corrected: str | None
    number: str | None


@lru_cache(maxsize=512)
def _document(searcher: Searcher, docnum: int) -> Document:
    """A stored document, decoded once: typing a query shows the same hits key after key."""
    return from_stored(searcher.stored_fields(docnum)["data"])


def query_terms(text: str, schema: object) -> frozenset[str]:
    """The analysed words of the user's `text`, for highlighting them in any passage."""
    tree = syntax.parse(clean_line(text)[:MAX_QUERY_CHARS])
    terms: set[str] = set()
    for leaf in syntax.leaves(tree):
        if isinstance(leaf, (syntax.Word, syntax.Phrase)) and (leaf.field in (None, *TEXT_FIELDS, "headings")):
            if not any(c in leaf.text for c in "*?"):
                terms.update(analyse(leaf.text))
    return frozenset(terms)


def match_spans(text: str, terms: frozenset[str]) -> list[tuple[int, int]]:
    """Character spans of the words of `text` that analyse to one of `terms`."""
    return [(s, e) for s, e, _ in find_marks(text, terms)] if terms else []
