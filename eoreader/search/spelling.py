"""Typos corrected from the index's own vocabulary ("indemnfication" -> "indemnification").

Each one-edit variant of a rare word (deleted, swapped, replaced or inserted letter) is
stemmed as the index stems text; the variant whose stem the most documents hold wins if
they outnumber the word's own documents by far. Variants are real spellings, so the
correction shown is a word, not a stem.
"""

from __future__ import annotations

import string
from functools import lru_cache
from importlib import resources
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from whoosh.analysis import STOP_WORDS
from whoosh.lang.porter import stem as porter_stem
from whoosh.reading import IndexReader

from eoreader.search.passages import stem_of
from eoreader.search.syntax import Word

# Words found in fewer documents than this may be typos.
RARE_DOCS = 5
# Words outside these lengths are left alone (a long one has thousands of variants).
MIN_LETTERS, MAX_LETTERS = 4, 24
# A correction of a word some documents hold must be in this many times more documents.
AUTO_RATIO = 20
SUGGEST_RATIO = 3
# The fields whose vocabulary corrections come from.
FIELDS = ("title", "body")
_LETTERS = string.ascii_lowercase


class Correction(NamedTuple):
    start: int
    end: int
    word: str
    replacement: str
    docs: int


def edits(word: str) -> Iterator[str]:
    """Every string one transposition, insertion, replacement or deletion from `word`.

    In that order: among variants found in as many documents, the first wins, and a
    letter left out ("goverment") is likelier than one too many.
    """
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    for left, right in splits:
        if len(right) > 1:
            yield left + right[1] + right[0] + right[2:]
    for left, right in splits:
        for c in _LETTERS:
            yield left + c + right
    for left, right in splits:
        if right:
            for c in _LETTERS:
                if c != right[0]:
                    yield left + c + right[1:]
    for left, right in splits:
        if right:
            yield left + right[1:]


@lru_cache(maxsize=1)
def english() -> frozenset[str]:
    """Common English words (SymSpell's list of 82,765, from Google Books and SCOWL).

    A word the index lacks but English has ("handover", "threw") is no typo: correcting it
    to the nearest index word ("hanover", "three") would change what the user asked.
    """
    listing = resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt"
    return frozenset(line.split(" ", 1)[0] for line in listing.read_text().splitlines())


def docs_for(reader: IndexReader, stem: str) -> int:
    return max(reader.doc_frequency(f, stem) for f in FIELDS)


def correct(word: str, reader: IndexReader, ratio: int = AUTO_RATIO) -> tuple[str, int] | None:
    """The likeliest intended word for `word`, with its documents, or None to keep it."""
    lower = word.lower()
    if not MIN_LETTERS <= len(lower) <= MAX_LETTERS or not lower.isalpha():
        return None
    stem = stem_of(lower)
    if stem is None:
        return None
    own = docs_for(reader, stem)
    if own >= RARE_DOCS or lower in english():
        return None
    best, best_docs, seen = None, 0, {stem}
    for variant in edits(lower):
        # The analyzer's steps for one lower-case word, without its tokenizer: 10x faster.
        variant_stem = None if variant in STOP_WORDS or len(variant) < 2 else porter_stem(variant)
        if variant_stem is None or variant_stem in seen:
            continue
        seen.add(variant_stem)
        docs = docs_for(reader, variant_stem)
        if docs > best_docs:
            best, best_docs = variant, docs
    # A word no document holds finds nothing as typed: any known neighbour is better.
    if best is None or (own and best_docs < ratio * own):
        return None
    return best, best_docs


def corrections(words: Iterable[Word], reader: IndexReader, ratio: int = AUTO_RATIO) -> list[Correction]:
    """A correction for each of `words` that looks misspelled."""
    out = []
    for word in words:
        found = correct(word.text, reader, ratio)
        if found:
            out.append(Correction(word.start, word.end, word.text, *found))
    return out


def rewrite(text: str, fixes: Iterable[Correction]) -> str:
    """`text` with each correction's span replaced, case kept for capitalised words."""
    out, pos = [], 0
    for fix in sorted(fixes, key=lambda f: f.start):
        out.append(text[pos:fix.start])
        out.append(fix.replacement.capitalize() if fix.word[:1].isupper() else fix.replacement)
        pos = fix.end
    out.append(text[pos:])
    return "".join(out)
