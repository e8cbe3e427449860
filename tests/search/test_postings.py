"""Posting lists read for scoring (ids and weights, the values cut off) equal whole blocks."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from eoreader.search import open_index
from eoreader.search.postings import blocks


def test_ids_and_weights_read_without_the_values_equal_whole_blocks(corpus_index: Path) -> None:
    _, searcher = open_index(corpus_index)
    kinds: set[str] = set()
    with searcher:
        for segment, _ in searcher.reader().leaf_readers():
            for fieldname in ("title", "body", "agency", "kind", "revokes"):
                for (field, text), info in segment._terms.items_from(fieldname, b""):
                    if field != fieldname:
                        break
                    for block in blocks(segment, info):
                        ids, weights, _ = block.load()
                        deltas, head_weights = block.head()
                        assert np.array_equal(np.cumsum(deltas), ids) and head_weights == weights, (fieldname, text)
                        kinds.add(type(weights).__name__)
    # Blocks of every kind were compared: weights all 1 (None), all equal, and one each.
    assert kinds == {"NoneType", "float", "tuple"}
