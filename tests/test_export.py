"""A document's citation and its Markdown export."""

from __future__ import annotations

import datetime as dt

from eoreader.export import citation, shown_label, to_markdown
from eoreader.model import Document, KeyPoint, Kind, Section


def order() -> Document:
    return Document(
        id="eo-13131", kind=Kind.ORDER, number="13131", title="Further Amendments to Executive Order 12757",
        signed=dt.date(1999, 7, 22), published=dt.date(1999, 7, 27), citation="64 FR 40733",
        president="Clinton",
        key_points=[KeyPoint("Amends the initiative.", "summary")],
        sections=[
            Section("preamble", text="By the authority vested in me as President, it is hereby ordered:"),
            Section("1", "Amendment", "1", "Executive Order 12757 is amended as follows:", [
                Section("1.a", number="a", text="(a) Section 1 is revised;"),
                Section("1.b", number="b", text="# not a heading\n- nor a list"),
            ]),
        ],
    )


def test_an_order_is_cited_by_number_date_title_and_register_page() -> None:
    assert citation(order()) == ("Executive Order 13131 of July 22, 1999, “Further Amendments to Executive "
                                 "Order 12757”, 64 FR 40733 (July 27, 1999).")


def test_other_documents_are_cited_by_title_kind_date_and_address() -> None:
    doc = Document(id="fs", kind=Kind.FACT_SHEET, title="Fact Sheet: \x1b]0;x\x07Tariffs",
                   published=dt.date(2025, 4, 2), url="https://www.whitehouse.gov/fact-sheets/x/")
    assert citation(doc) == "“Fact Sheet: Tariffs”, Fact Sheet, April 2, 2025, https://www.whitehouse.gov/fact-sheets/x/."


def test_markdown_has_title_facts_key_points_and_sections_in_order() -> None:
    text = to_markdown(order(), "Revoked by EO 13345 (2004)")
    assert text.startswith("# Further Amendments to Executive Order 12757\n")
    assert "- Order number: 13131\n" in text and "- Status: Revoked by EO 13345 (2004)\n" in text
    assert "## Key points\n\n- Amends the initiative.\n" in text
    assert text.index("By the authority") < text.index("## Sec. 1. Amendment") < text.index("(a) Section 1")
    assert "**(b)** \\# not a heading\n\\- nor a list" in text  # no accidental Markdown
    assert text.rstrip().endswith("64 FR 40733 (July 27, 1999).")


def test_a_label_the_text_already_starts_with_is_not_repeated() -> None:
    doc = order()
    assert shown_label(doc.sections[1].subsections[0]) == ""
    assert shown_label(doc.sections[1].subsections[1]) == "(b)"
    assert shown_label(doc.sections[1]) == "Sec. 1. Amendment"
