"""The query language's parser: every form, and every string parses."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from eoreader.search.syntax import MUST, NOT, SHOULD, Group, Phrase, Range, Word, excludes, leaves, parse


def shapes(group: Group) -> list[tuple[str, str]]:
    return [(occur, type(node).__name__) for occur, node in group.clauses]


def test_bare_words_are_optional_and_keep_their_place() -> None:
    tree = parse("police legal defense")
    assert [(o, n.text, n.start) for o, n in tree.clauses] == [
        (SHOULD, "police", 0), (SHOULD, "legal", 7), (SHOULD, "defense", 13)]


def test_plus_minus_and_not() -> None:
    assert shapes(parse("+steel -tariff NOT iron x")) == [
        (MUST, "Word"), (NOT, "Word"), (NOT, "Word"), (SHOULD, "Word")]
    assert excludes(parse("a -b")) and not excludes(parse("a b"))


def test_and_makes_both_sides_required() -> None:
    assert [o for o, _ in parse("a AND b c").clauses] == [MUST, MUST, SHOULD]


def test_or_splits_into_alternatives() -> None:
    tree = parse("a b OR c")
    assert tree.any_of and len(tree.clauses) == 2


def test_fields_phrases_ranges_and_comparisons() -> None:
    tree = parse('title:"paper straws" date:[2017-01-20 TO 2021-01-20] date:>=2025-01-20 eo:14288 kind:order')
    nodes = [n for _, n in tree.clauses]
    assert nodes[0] == Phrase("paper straws", 0, 20, "title")
    assert isinstance(nodes[1], Range) and (nodes[1].lo, nodes[1].hi) == ("2017-01-20", "2021-01-20")
    assert isinstance(nodes[2], Range) and (nodes[2].lo, nodes[2].hi, nodes[2].lo_incl) == ("2025-01-20", None, True)
    assert (nodes[3].field, nodes[3].text) == ("number", "14288")
    assert (nodes[4].field, nodes[4].text) == ("kind", "order")


def test_field_over_a_group() -> None:
    tree = parse("title:(paper straws)")
    inner = tree.clauses[0][1]
    assert isinstance(inner, Group) and {n.field for _, n in inner.clauses} == {"title"}


def test_wildcards_and_fuzzy() -> None:
    words = [n for _, n in parse("wild* term~ other~2 big~9").clauses]
    assert isinstance(words[0], Word) and words[0].text == "wild*"
    assert [(w.text, w.fuzzy) for w in words[1:]] == [("term", 1), ("other", 2), ("big", 2)]


def test_unknown_field_is_words() -> None:
    assert [n.text for _, n in parse("foo:bar baz").clauses] == ["foo", "bar", "baz"]


def test_broken_syntax_degrades() -> None:
    assert parse('"unclosed phrase').clauses[0][1] == Phrase("unclosed phrase", 0, 16)
    assert parse("(((").clauses == []
    assert [leaf.text for leaf in leaves(parse("a) OR (b"))] == ["a", "b"]
    assert parse("AND OR NOT").clauses == []
    assert parse("(" * 5000 + "x").clauses  # nesting is capped, the word survives


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab "()[]{}:-+*?~<>=ANDORT\\\x00\u202e')), max_size=60))
def test_any_string_parses(text: str) -> None:
    parse(text)
