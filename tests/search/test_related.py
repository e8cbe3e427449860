"""Coverage grouped under its order, related documents, order status."""

from __future__ import annotations

from eoreader import Library
from tests.search.conftest import LAW_ENFORCEMENT, SEED_ARTICLE, STRAWS_FACT_SHEET, STRAWS_ORDER


def test_the_seed_article_links_to_the_law_enforcement_order(small: Library) -> None:
    related = small.related(SEED_ARTICLE)
    assert related.covers is not None and related.covers.id == LAW_ENFORCEMENT
    assert [h.id for h in small.related(LAW_ENFORCEMENT).coverage] == [SEED_ARTICLE]


def test_an_order_leads_its_coverage(small: Library) -> None:
    results = small.search("police legal defense, spring 2025")
    assert results.hits[0].id == LAW_ENFORCEMENT
    assert [c.id for c in results.hits[0].coverage] == [SEED_ARTICLE]
    straws = small.search("ending the forced use of paper straws")
    assert straws.hits[0].id == STRAWS_ORDER
    assert [c.id for c in straws.hits[0].coverage] == [STRAWS_FACT_SHEET]


def test_asking_for_the_summary_puts_it_first(small: Library) -> None:
    results = small.search("fact sheet on paper straws")
    assert results.hits[0].id == STRAWS_FACT_SHEET
    assert results.hits[0].coverage == []


def test_similar_documents_exclude_the_linked_ones(small: Library) -> None:
    related = small.related(STRAWS_ORDER)
    assert STRAWS_FACT_SHEET in [h.id for h in related.coverage]
    assert STRAWS_ORDER not in [h.id for h in related.similar]
    assert STRAWS_FACT_SHEET not in [h.id for h in related.similar]


def test_references_both_ways_and_status(corpus_library: Library) -> None:
    newer = corpus_library.related("13388")
    assert ("13356", "revokes", "eo-13356") in [tuple(r) for r in newer.references]
    older = corpus_library.related("13356")
    assert ("eo-13388", "revokes") in [(r.id, r.relation) for r in older.referenced_by]
    status, by = corpus_library.status(corpus_library.get("13356"))
    assert (status.value, by) == ("revoked", "EO 13388 (2005)")
    hit = corpus_library.search("13356").hits[0]
    assert (hit.number, hit.status, hit.status_by) == ("13356", "revoked", "EO 13388 (2005)")


def test_coverage_of_the_corpus_lands_on_the_order(corpus_library: Library) -> None:
    results = corpus_library.search("order creating a government bitcoin reserve from forfeited crypto")
    top = results.hits[0]
    assert top.kind == "order" and "bitcoin" in top.title.lower()
    assert any(c.kind == "fact-sheet" for c in top.coverage)
    summary = corpus_library.search("fact sheet on the strategic bitcoin reserve")
    assert summary.hits[0].kind == "fact-sheet"
