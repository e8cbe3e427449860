"""The section tree every presidential format shares: numbers, headings, labels, parts."""

from __future__ import annotations

import pytest

from eoreader.ingest.sections import Para, build_sections, section_start, split_heading
from eoreader.model import Section


def tree(sections: list[Section]) -> list[tuple[int, str, str, str]]:
    return [(depth, s.anchor, s.number, s.heading) for top in sections for depth, s in top.walk()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Policy. To help protect national security", ("Policy", "To help protect national security")),
        ("Support for U.S. Exports. The Secretary shall", ("Support for U.S. Exports", "The Secretary shall")),
        ("Functions to be Performed by the Secretary. (a) The Secretary", ("Functions to be Performed by the Secretary", "(a) The Secretary")),
        ("Exemption from coverage. Nothing in this order", ("Exemption from coverage", "Nothing in this order")),
        ("Executive Order 12596 of May 7, 1987, is revoked.", ("", "Executive Order 12596 of May 7, 1987, is revoked.")),
        ("This order is not intended to, and does not, create any right.", ("", "This order is not intended to, and does not, create any right.")),
        ("(a) The Council shall", ("", "(a) The Council shall")),
        ("For the purposes of this order: (a) the term", ("", "For the purposes of this order: (a) the term")),
    ],
)
def test_split_heading(text: str, expected: tuple[str, str]) -> None:
    assert split_heading(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sec. 2. Establishment. There is established", ("2", "Establishment", "There is established")),
        ("Section 1.(a) There is established", ("1", "", "(a) There is established")),
        ("Sec. 6. The Secretary of the Treasury is authorized", ("6", "", "The Secretary of the Treasury is authorized")),
        ("SECTION 3 General Provisions. This order", ("3", "General Provisions", "This order")),
        ("Sec. 2. 1. The heads of agencies shall", ("2.1", "", "The heads of agencies shall")),
        ("Section 9A(c) of the Act provides that", None),
        ("Section 2 of Executive Order 12345 is amended", None),
        ("“Sec. 3. Functions. The Council shall", None),
    ],
)
def test_section_start(text: str, expected: tuple[str, str, str] | None) -> None:
    assert section_start(Para(text)) == expected


def test_a_heading_given_by_markup_wins_over_the_guess() -> None:
    assert section_start(Para("Sec. 5. Mission.The mission of the Commission", "Mission.")) == (
        "5", "Mission", "The mission of the Commission"
    )


def test_preamble_sections_labels_and_signature() -> None:
    body = [
        Para("By the authority vested in me as President, it is hereby ordered as follows:"),
        Para("Section 1. Policy. It is the policy of the United States."),
        Para("Sec. 2. Membership. (a) The Council shall include:"),
        Para("(i) the Secretary of State;"),
        Para("(ii) the Secretary of Defense; and"),
        Para("(b) The Chair shall convene meetings."),
        Para("(1) Meetings shall be public."),
        Para("(A) Notice shall be given."),
        Para("Sec. 3. General Provisions. (h) first"),
        Para("(i) second, a letter after (h), not a roman numeral"),
        Para("(j) third"),
    ]
    sections = build_sections(body, ["THE WHITE HOUSE,", "May 1, 2000."])
    assert tree(sections) == [
        (0, "preamble", "", ""),
        (0, "1", "1", "Policy"),
        (0, "2", "2", "Membership"),
        (1, "2.a", "a", ""),
        (2, "2.a.i", "i", ""),
        (2, "2.a.ii", "ii", ""),
        (1, "2.b", "b", ""),
        (2, "2.b.1", "1", ""),
        (3, "2.b.1.A", "A", ""),
        (0, "3", "3", "General Provisions"),
        (1, "3.h", "h", ""),
        (1, "3.i", "i", ""),
        (1, "3.j", "j", ""),
        (0, "signature", "", ""),
    ]
    assert sections[0].text.startswith("By the authority")
    assert sections[2].text == ""
    assert sections[2].subsections[0].text == "(a) The Council shall include:"
    assert sections[-1].text == "THE WHITE HOUSE,\nMay 1, 2000."


def test_romans_continue_past_v_and_x() -> None:
    labels = ["(a) x", "(i) x", "(ii) x", "(iii) x", "(iv) x", "(v) x", "(vi) x", "(vii) x", "(viii) x", "(ix) x",
              "(x) x", "(b) x", "(v) x"]
    sections = build_sections([Para("Sec. 1. Lists. Text.")] + [Para(t) for t in labels])
    anchors = [s.anchor for _, s in sections[0].walk()]
    assert anchors[1:12] == ["1.a", "1.a.i", "1.a.ii", "1.a.iii", "1.a.iv", "1.a.v", "1.a.vi", "1.a.vii",
                             "1.a.viii", "1.a.ix", "1.a.x"]
    # With no roman list open, "(v)" is a letter again: a sibling of (b), not a roman under it.
    assert anchors[12:] == ["1.b", "1.v"]


def test_a_bare_label_joins_the_paragraph_after_it() -> None:
    sections = build_sections([Para("Sec. 1. Definitions."), Para("(a)"), Para("The term “agency” means ...")])
    assert sections[0].subsections[0].text == "(a) The term “agency” means ..."


def test_repeated_labels_get_unique_anchors() -> None:
    body = [Para("Sec. 2. Rules. 1-201. Definitions."), Para("(a) one"), Para("1-202. Requirements."), Para("(a) two")]
    sections = build_sections(body)
    assert [s.anchor for s in sections[0].subsections] == ["2.a", "2.a-2"]
    assert sections[0].subsections[0].text == "(a) one\n\n1-202. Requirements."


def test_parts_hold_their_sections() -> None:
    body = [
        Para("PART 1—PREAMBLE"),
        Para("Sec. 101. Purpose. This order establishes goals."),
        Para("PART 2—GOALS"),
        Para("Sec. 201. Reduction. Each agency shall reduce."),
    ]
    sections = build_sections(body)
    assert tree(sections) == [
        (0, "part-1", "Part 1", "PREAMBLE"),
        (1, "101", "101", "Purpose"),
        (0, "part-2", "Part 2", "GOALS"),
        (1, "201", "201", "Reduction"),
    ]


def test_a_document_without_sections_is_one_body_with_labels() -> None:
    body = [Para("Executive Order 12859 is amended as follows:"), Para("(a) striking x;"), Para("(b) inserting y.")]
    sections = build_sections(body, ["THE WHITE HOUSE,"], ["ANNEX", "Names of persons"])
    assert tree(sections) == [
        (0, "body", "", ""), (1, "body.a", "a", ""), (1, "body.b", "b", ""),
        (0, "signature", "", ""), (0, "annex", "", "ANNEX"),
    ]
    assert sections[-1].text == "Names of persons"
