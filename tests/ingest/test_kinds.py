"""Kinds from titles, file names and text; presidents from signatures and dates."""

from __future__ import annotations

import datetime as dt

import pytest

from eoreader.ingest.kinds import detect_kind, kind_from_title, president_on, president_signing
from eoreader.model import Kind


@pytest.mark.parametrize(("title", "kind"), [
    ("Executive Order on Advancing Racial Equity", Kind.ORDER),
    ("A Proclamation on National Volunteer Week, 2022", Kind.PROCLAMATION),
    ("Memorandum on the Designation of Officials", Kind.MEMORANDUM),
    ("National Security Memorandum on Critical Infrastructure", Kind.MEMORANDUM),
    ("Notice on the Continuation of the National Emergency With Respect to Iran", Kind.NOTICE),
    ("Press Release: Notice on the Continuation of the National Emergency", Kind.NOTICE),
    ("Message to the Congress on the Continuation of the National Emergency", Kind.MESSAGE),
    ("Letters to the Speaker of the House and President of the Senate", Kind.MESSAGE),
    ("Nominations Sent to the\xa0Senate", Kind.NOMINATION),
    ("Fact Sheet: President Donald J. Trump Declares a National Emergency", Kind.FACT_SHEET),
    ("President Joseph R. Biden, Jr. Approves Oregon Disaster Declaration", Kind.OTHER),
    ("2025-01-03-memorandum-on-the-designation-of-officials", Kind.MEMORANDUM),
    ("Executive Grant of Clemency for Devon Archer", Kind.OTHER),
    ("Imposing Duties to Address the Situation at Our Southern Border", None),
])
def test_kind_from_title_or_file_name(title: str, kind: Kind | None) -> None:
    assert kind_from_title(title) is kind


@pytest.mark.parametrize(("text", "kind"), [
    ("By the authority vested in me as President ..., it is hereby ordered:", Kind.ORDER),
    ("By the authority vested in me ..., I hereby determine and order:", Kind.ORDER),
    ("NOW, THEREFORE, I, DONALD J. TRUMP, ... do hereby proclaim January 20 ...", Kind.PROCLAMATION),
    ("By the authority vested in me ..., I hereby proclaim:", Kind.PROCLAMATION),
    ("MEMORANDUM FOR THE SECRETARY OF DEFENSE\n\nSUBJECT: ...\n\nit is hereby ordered that", Kind.MEMORANDUM),
    ("TO THE CONGRESS OF THE UNITED STATES:\n\nSection 202(d) of the National Emergencies Act", Kind.MESSAGE),
    ("The city council met on Tuesday to discuss the new transit plan.", Kind.OTHER),
])
def test_detect_kind_from_the_opening(text: str, kind: Kind) -> None:
    assert detect_kind(text) is kind


def test_an_order_phrase_past_long_findings_still_decides() -> None:
    text = "By the authority vested in me ...\n\n" + "I find that the situation continues. " * 150 + "I hereby order:"
    assert len(text) > 3000
    assert detect_kind(text) is Kind.ORDER


def test_a_word_past_the_opening_does_not_make_an_article_a_proclamation() -> None:
    text = "The council met. " * 300 + "The mayor read a proclamation."
    assert detect_kind(text) is Kind.OTHER


def test_president_from_signature_then_from_date() -> None:
    assert president_signing("JOSEPH R. BIDEN JR.\nTHE WHITE HOUSE, May 12, 2021.") == "Biden"
    assert president_signing("THE WHITE HOUSE, March 2, 2025.") is None
    assert president_on(dt.date(2025, 1, 19)) == "Biden"
    assert president_on(dt.date(2025, 1, 20)) == "Trump"
    assert president_on(dt.date(1990, 1, 1)) is None
