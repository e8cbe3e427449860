"""Directives: the sentences of an order in which someone "shall" act, and who.

"(b) The Secretary of Labor shall:" followed by "(i) review ..." and "(ii) publish ..."
directs the Secretary in each item; the introduction itself is no directive of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from eoreader.ingest.actors import aliases_in, normalize
from eoreader.ingest.sentences import sentence_spans
from eoreader.model import Document, KeyPoint, Section

_SHALL = re.compile(r"\b(?:shall|must)\b")
# "The Secretary of Labor shall:", "... shall, as appropriate, take the following actions:";
# not "The Task Force shall consist of the following members:".
_INTRO = re.compile(
    r"\bshall(?:\s*,[^:;]{0,150}?,)?(?:\s+(?:also\s+)?(?:take\s+the\s+following\s+(?:actions?|steps?)"
    r"|do\s+the\s+following))?\s*:\s*$"
)
# "... shall be submitted to the President by the Secretary of State"
_BY_ACTOR = re.compile(r"\bshall\s+be\s+\w+(?:\s+\w+){0,12}?\s+by\s+(?P<actor>the\s+[A-Z][^,;.]{2,90})")
_SKIPPED = {"signature", "annex"}
# General provisions every order repeats: no directive a reader is looking for.
_BOILERPLATE = re.compile(r"\bcosts?\s+(?:for|of)\s+(?:the\s+)?publication\b", re.I)


class Requirement(NamedTuple):
    """One sentence that requires something: where it is, who must act, where "shall" is."""

    section: Section
    start: int
    end: int
    actor: str
    # Where the action starts in the sentence ("shall submit ..."), or 0 for a list item.
    action: int
    # "The Director shall, within 45 days of ...:": its items carry the action.
    intro: bool = False


def requirements(doc: Document) -> Iterator[Requirement]:
    """Every sentence of `doc` with a "shall" (or under a "... shall:" introduction)."""
    aliases = aliases_in("\n".join(s.text for _, s in doc.walk()))
    for section in doc.sections:
        if section.anchor not in _SKIPPED:
            yield from _section(section, aliases, inherited="")


def _section(section: Section, aliases: dict[str, str], inherited: str) -> Iterator[Requirement]:
    spans = sentence_spans(section.text)
    intro = ""
    for start, end in spans:
        sentence = section.text[start:end]
        if _BOILERPLATE.search(sentence):
            continue
        actor, action = _actor(sentence, aliases)
        if _INTRO.search(sentence):
            # The items below carry the action; the introduction names who acts, and when.
            intro = actor or inherited
            yield Requirement(section, start, end, intro, action or 0, intro=True)
            continue
        if sentence.rstrip().endswith(":"):
            intro = ""
        if action is not None:
            yield Requirement(section, start, end, actor, action)
        elif inherited and not _SHALL.search(sentence):
            yield Requirement(section, start, end, inherited, 0)
    for sub in section.subsections:
        yield from _section(sub, aliases, intro or inherited)


def _actor(sentence: str, aliases: dict[str, str]) -> tuple[str, int | None]:
    """(actor, where the first "shall" with an acting subject is); (passive actor, its "shall")."""
    first = None
    for match in _SHALL.finditer(sentence):
        first = match.start() if first is None else first
        actor = normalize(sentence[:match.start()], aliases)
        if actor:
            return actor, match.start()
    if first is not None and (by := _BY_ACTOR.search(sentence, first)):
        return normalize(by["actor"], aliases), first
    return "", first


def directives(doc: Document) -> list[KeyPoint]:
    """A "directive" key point for every sentence in which a named actor shall act."""
    return [
        KeyPoint(text=r.section.text[r.start:r.end], type="directive", section=r.section.anchor,
                 start=r.start, end=r.end, actor=r.actor)
        for r in requirements(doc) if r.actor and not r.intro
    ]
