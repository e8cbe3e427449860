"""The documents that hold a phrase, found 2-3 times faster than with Whoosh's spans.

Whoosh matches a phrase with span matchers over an intersection of its words (15-25 us a
document). Here the candidates are the documents holding every word (posting arrays,
postings.py), the positions of only those are decoded from each word's posting blocks,
and checked as Whoosh's ordered SpanNear2 does: each next word 1 to `slop` positions
after the span so far. Decoding the blocks (compressed, pickled with every posting's positions)
is most of what is left.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import reduce

import numpy as np
from whoosh.query import Phrase

from eoreader.search.postings import Block, PostingCache, blocks, read_or_name_damage

# Candidates checked at a time (and between looks at a search's deadline).
CHUNK = 64


def phrase_docs(postings: PostingCache, phrase: Phrase) -> Iterator[int]:
    """The documents (deleted ones too) that hold `phrase`, ascending."""
    schema = postings.searcher.schema
    if phrase.fieldname not in schema:
        return
    field = schema[phrase.fieldname]
    words = [field.to_bytes(w) for w in phrase.words]
    arrays = [postings.get(phrase.fieldname, w).ids for w in words]
    if not words or any(len(a) == 0 for a in arrays):
        return
    candidates = reduce(np.intersect1d, arrays)
    if len(words) == 1:
        yield from candidates.tolist()
        return
    decode = field.format.decoder("positions")
    for segment, base in postings.reader.leaf_readers():
        count = segment.doc_count_all()
        inside = candidates[(candidates >= base) & (candidates < base + count)] - base
        if not len(inside):  # a segment may lack a word altogether
            continue
        readers = [_Positions(blocks(segment, segment._terms.term_info(phrase.fieldname, w)), decode) for w in words]
        for start in range(0, len(inside), CHUNK):
            chunk = inside[start:start + CHUNK]
            per_word = [read_or_name_damage(segment, "word positions", lambda r=reader: r.at(chunk))
                        for reader in readers]
            for i, docnum in enumerate(chunk.tolist()):
                if in_order([word[i] for word in per_word], phrase.slop):
                    yield base + docnum


class _Positions:
    """One word's postings in one segment, read forward a block at a time: only the
    positions of the documents asked for are decoded."""

    def __init__(self, found: Iterator[Block], decode: Callable[[bytes], list[int]]) -> None:
        self.blocks = found
        self.decode = decode
        self.ids: np.ndarray | None = None
        self.values: Sequence[bytes] = ()

    def at(self, docnums: np.ndarray) -> list[list[int]]:
        """The positions in each of `docnums` (ascending, after those asked before; the
        word is in each of them)."""
        out: list[list[int]] = []
        done = 0
        while done < len(docnums):
            target = int(docnums[done])
            if self.ids is None or self.ids[-1] < target:
                block = next(self.blocks)
                while block.max_id < target:  # whole blocks skipped on their header alone
                    block = next(self.blocks)
                self.ids, _, self.values = block.load()
            here = docnums[done:][docnums[done:] <= self.ids[-1]]
            found = np.searchsorted(self.ids, here)
            out.extend(self.decode(self.values[j]) for j in found.tolist())
            done += len(here)
        return out


def in_order(positions: list[list[int]], slop: int) -> bool:
    """Whether the words follow each other, each 1 to `slop` positions after the last."""
    ends = positions[0]
    for following in positions[1:]:
        if slop == 1:
            wanted = {p + 1 for p in ends}
            ends = [q for q in following if q in wanted]
        else:
            before = set(ends)
            ends = [q for q in following if any(q - gap in before for gap in range(1, slop + 1))]
        if not ends:
            return False
    return True
