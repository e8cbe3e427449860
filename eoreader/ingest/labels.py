"""Labelled paragraphs, (a) (i) (A) (1), nested by level under the section they belong to."""

from __future__ import annotations

import re

from eoreader.model import Section

# "(a)", "(iv)", "(A)", "(12)", "(aa)" opening a paragraph; a quoted label is amendment text.
LABEL = re.compile(r"^\((\d{1,3}|[a-z]{1,4}|[A-Z]{1,4})\)(?=\s|$)\s*")
_ROMAN = re.compile(r"^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def label_of(text: str) -> str | None:
    """The label a paragraph opens with ("a" for "(a) The Council ..."), else None."""
    match = LABEL.match(text)
    return match.group(1) if match else None


def nest(parent: Section, paragraphs: list[str], taken: set[str]) -> None:
    """Put `paragraphs` under `parent`: text before the first label, then a tree by level.

    A label's level is its kind (letter, roman, digit, capital, capital roman); "(i)" after
    "(h)" is a letter, after nothing it opens a roman list. Unlabelled paragraphs go with
    the labelled paragraph before them. `taken` holds the anchors already used.
    """
    lead: list[str] = []
    filled: list[tuple[Section, list[str]]] = []
    # One entry per open level: (kind, last label, node, its paragraphs).
    stack: list[tuple[str, str, Section, list[str]]] = []
    for para in paragraphs:
        label = label_of(para)
        if label is None:
            (stack[-1][3] if stack else lead).append(para)
            continue
        kind = _kind(label, [(k, last) for k, last, _, _ in stack])
        depth = next((i for i, entry in enumerate(stack) if entry[0] == kind), len(stack))
        del stack[depth:]
        owner = stack[-1][2] if stack else parent
        node = Section(anchor=unique(f"{owner.anchor}.{label}", taken), number=label)
        owner.subsections.append(node)
        stack.append((kind, label, node, [para]))
        filled.append((node, stack[-1][3]))
    parent.text = "\n\n".join(lead)
    for node, texts in filled:
        node.text = "\n\n".join(texts)


def _kind(label: str, open_levels: list[tuple[str, str]]) -> str:
    if label.isdigit():
        return "digit"
    alpha, roman = ("lower", "roman") if label.islower() else ("upper", "ROMAN")
    if not _ROMAN.match(label.lower()):
        return alpha
    # Innermost level first: "(v)" after "(iv)" continues the romans, after "(u)" the letters.
    for kind, last in reversed(open_levels):
        if kind == roman and _roman_value(last) + 1 == _roman_value(label):
            return roman
        if kind == alpha and _next_letter(last) == label:
            return alpha
    return roman if label.lower() == "i" else alpha


def _roman_value(label: str) -> int:
    values = [_ROMAN_VALUES[c] for c in label.lower()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _next_letter(label: str) -> str:
    """The label after `label`: "b" after "a", "aa" after "z", "bb" after "aa"."""
    if label.lower()[-1] == "z":
        nxt = "a" * (len(label) + 1)
    else:
        nxt = chr(ord(label.lower()[0]) + 1) * len(label)
    return nxt.upper() if label.isupper() else nxt


def unique(anchor: str, taken: set[str]) -> str:
    """`anchor`, or `anchor-2`, `anchor-3` ... if taken; the result is marked taken."""
    candidate, n = anchor, 2
    while candidate in taken:
        candidate, n = f"{anchor}-{n}", n + 1
    taken.add(candidate)
    return candidate
