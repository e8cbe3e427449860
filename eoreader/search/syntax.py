"""The query language as a tree: words, "phrases", field:values, groups, AND / OR / NOT.

A tolerant recursive-descent parser: every string parses. An unclosed quote runs to the
end, an unclosed group closes at the end, a stray `)` or a lone operator is dropped, and
`unknown:value` is the words themselves. Each node keeps where it sits in the text, so
corrections and time hints can rewrite or drop exactly the words they concern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Field names users may type, and the field each one means.
FIELD_NAMES = {
    "title": "title", "eo": "number", "number": "number", "kind": "kind", "type": "kind",
    "president": "president", "agency": "agency", "heading": "headings", "headings": "headings",
    "section": "headings", "year": "year", "date": "date", "body": "body", "text": "body",
    "keypoint": "keypoints", "keypoints": "keypoints", "actor": "actor",
}
MAX_DEPTH = 20
MAX_NODES = 200

MUST, SHOULD, NOT = "must", "should", "not"


@dataclass
class Word:
    """A word, possibly with `*`/`?` wildcards or a `~N` fuzzy suffix."""

    text: str
    start: int
    end: int
    field: str | None = None
    fuzzy: int = 0


@dataclass
class Phrase:
    text: str
    start: int
    end: int
    field: str | None = None


@dataclass
class Range:
    """`field:[lo TO hi]`, `field:>=lo`, `field:<hi`; an open end is None."""

    field: str
    lo: str | None
    hi: str | None
    start: int = 0
    end: int = 0
    lo_incl: bool = True
    hi_incl: bool = True


@dataclass
class Group:
    """Clauses combined: `any_of` groups are ORs of their clauses, the others must/should/not."""

    clauses: list[tuple[str, Node]] = field(default_factory=list)
    any_of: bool = False


Node = Word | Phrase | Range | Group

_TOKEN = re.compile(
    r'(?P<ws>\s+)|(?P<lp>\()|(?P<rp>\))|(?P<quote>")'
    r'|(?P<field>[A-Za-z]+):(?=\S)'
    r'|(?P<word>[^\s()"]+)'
)
_RANGE = re.compile(r'([\[{])\s*(\S*?)\s+(?:TO|to)\s+(\S*?)\s*([\]}])|([\[{])\s*(\S*?)\s*(?:\.\.)\s*(\S*?)\s*([\]}])')
_COMPARE = re.compile(r"(>=|<=|>|<)(\S+)")
_FUZZY = re.compile(r"^(.+?)~(\d?)$")


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.nodes = 0

    def parse(self) -> Group:
        group = self._sequence(depth=0)
        while self.pos < len(self.text):  # a stray ")" at top level: skip it and go on
            self.pos += 1
            rest = self._sequence(depth=0)
            group.clauses.extend(rest.clauses if not rest.any_of else [(SHOULD, rest)])
        return group

    def _peek(self) -> re.Match[str] | None:
        while True:
            match = _TOKEN.match(self.text, self.pos)
            if match is None:
                return None
            if match.lastgroup == "ws":
                self.pos = match.end()
                continue
            return match

    def _sequence(self, depth: int) -> Group:
        """Clauses up to the end or a `)`; OR between them makes an any-of group."""
        alternatives: list[Group] = [Group()]
        pending_and = False
        while (token := self._peek()) is not None:
            kind, value = token.lastgroup, token.group()
            if kind == "rp":
                break
            if kind == "word" and value in ("OR", "||"):
                self.pos = token.end()
                if alternatives[-1].clauses:
                    alternatives.append(Group())
                pending_and = False
                continue
            if kind == "word" and value in ("AND", "&&"):
                self.pos = token.end()
                pending_and = bool(alternatives[-1].clauses)
                continue
            occur = SHOULD
            if kind == "word" and value == "NOT":
                self.pos = token.end()
                occur = NOT
            elif kind == "word" and value[0] in "-+!" and len(value) > 1:
                occur = NOT if value[0] in "-!" else MUST
                self.pos = token.start() + 1
            node = self._atom(depth)
            if node is None:
                continue
            current = alternatives[-1]
            if pending_and and occur == SHOULD:
                occur = MUST
            if pending_and and current.clauses and current.clauses[-1][0] == SHOULD:
                current.clauses[-1] = (MUST, current.clauses[-1][1])
            pending_and = False
            if self.nodes < MAX_NODES:
                current.clauses.append((occur, node))
                self.nodes += 1
        alternatives = [a for a in alternatives if a.clauses]
        if len(alternatives) <= 1:
            return alternatives[0] if alternatives else Group()
        return Group([(SHOULD, a) for a in alternatives], any_of=True)

    def _atom(self, depth: int) -> Node | None:
        token = self._peek()
        if token is None:
            return None
        kind = token.lastgroup
        if kind == "lp":
            self.pos = token.end()
            if depth >= MAX_DEPTH:  # deeper nesting adds nothing but recursion: read on flat
                return None
            inner = self._sequence(depth + 1)
            if (close := self._peek()) is not None and close.lastgroup == "rp":
                self.pos = close.end()
            return inner if inner.clauses else None
        if kind == "quote":
            return self._phrase(token.end(), None, token.start())
        if kind == "field":
            return self._field(token)
        self.pos = token.end()
        if kind == "word":
            return _word(token.group(), token.start(), None)
        return None

    def _phrase(self, after: int, field_name: str | None, start: int) -> Phrase | None:
        close = self.text.find('"', after)
        end = len(self.text) if close < 0 else close
        self.pos = end + 1 if close >= 0 else end
        body = self.text[after:end].strip()
        return Phrase(body, start, self.pos, field_name) if body else None

    def _field(self, token: re.Match[str]) -> Node | None:
        name = token.group("field")
        target = FIELD_NAMES.get(name.lower())
        self.pos = token.end()
        if target is None:  # an unknown field is a word: `foo:bar` searches foo and bar
            return Word(name, token.start(), token.start() + len(name))
        rest = self.text[self.pos:]
        if rest.startswith('"'):
            return self._phrase(self.pos + 1, target, token.start())
        if rest.startswith("("):
            self.pos += 1
            inner = self._sequence(0)
            if (close := self._peek()) is not None and close.lastgroup == "rp":
                self.pos = close.end()
            _set_field(inner, target)
            return inner if inner.clauses else None
        if match := _RANGE.match(rest):
            groups = match.groups()
            opening, lo, hi, closing = groups[:4] if groups[0] else groups[4:]
            self.pos += match.end()
            return Range(target, _open_end(lo), _open_end(hi), token.start(), self.pos,
                         opening == "[", closing == "]")
        word = _TOKEN.match(self.text, self.pos)
        if word is None or word.lastgroup != "word":
            return None
        self.pos = word.end()
        if compare := _COMPARE.fullmatch(word.group()):
            op, value = compare.groups()
            if op.startswith(">"):
                return Range(target, value, None, token.start(), self.pos, lo_incl=op == ">=")
            return Range(target, None, value, token.start(), self.pos, hi_incl=op == "<=")
        return _word(word.group(), word.start(), target)


def _open_end(value: str) -> str | None:
    return None if value in ("", "*") else value


def _word(text: str, start: int, field_name: str | None) -> Word:
    fuzzy = 0
    if (match := _FUZZY.match(text)) and "*" not in text:
        text, fuzzy = match.group(1), min(int(match.group(2) or 1), 2)
    return Word(text, start, start + len(text), field_name, fuzzy)


def _set_field(group: Group, name: str) -> None:
    for _, node in group.clauses:
        if isinstance(node, Group):
            _set_field(node, name)
        elif isinstance(node, (Word, Phrase)) and node.field is None:
            node.field = name


def parse(text: str) -> Group:
    """The tree of `text`; never raises."""
    return _Parser(text).parse()


def leaves(node: Node) -> list[Word | Phrase | Range]:
    """Every word, phrase and range under `node`, in order."""
    if isinstance(node, Group):
        return [leaf for _, child in node.clauses for leaf in leaves(child)]
    return [node]


def excludes(group: Group) -> bool:
    """Whether any clause under `group` excludes documents (-word, NOT)."""
    return any(occur == NOT or (isinstance(node, Group) and excludes(node)) for occur, node in group.clauses)
