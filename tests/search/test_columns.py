"""Sortable text columns read as arrays: every value, whatever its length, as Whoosh reads it."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh.fields import ID, Schema
from whoosh.index import create_in

from eoreader.search.columns import read_labels
from eoreader.search.store import DamagedIndex

# Lengths around the eight and sixteen bytes the fast path reads of each value; one value
# differs from another only in its middle byte; a document without a value.
SHORT = ["a", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmnop", "abcdefgXijklmnop", "", "é"]
LONG = [*SHORT, "abcdefghijklmnopq"]


@pytest.mark.parametrize("values", [SHORT, LONG], ids=["short", "long"])
# Whoosh stores the offsets of a column of over 32,768 documents, and derives them below.
@pytest.mark.parametrize("count", [3000, 33000])
def test_labels_equal_the_column_read_by_whoosh(tmp_path: Path, values: list[str], count: int) -> None:
    ix = create_in(str(tmp_path), Schema(tag=ID(sortable=True)))
    with ix.writer() as writer:
        for i in range(count):
            value = values[i * 7 % len(values)]
            writer.add_document(**({"tag": value} if value else {}))
    with ix.reader() as reader:
        expected = [v.decode() for v in reader.column_reader("tag", translate=False)]
        names, codes = read_labels(reader, "tag")
    assert names == sorted(set(values) - {""})
    assert [names[c] if c >= 0 else "" for c in codes.tolist()] == expected


def test_a_damaged_label_names_its_segment(tmp_path: Path) -> None:
    ix = create_in(str(tmp_path), Schema(tag=ID(sortable=True)))
    with ix.writer() as writer:
        for value in ("zz\u00e9zz", "plain"):
            writer.add_document(tag=value)
    # The value's é made invalid UTF-8 wherever the segment holds it (column and terms).
    [segment] = tmp_path.glob("*.seg")
    segment.write_bytes(segment.read_bytes().replace("zz\u00e9zz".encode(), b"zz\xc3(zz"))
    with ix.reader() as reader, pytest.raises(DamagedIndex, match=r"column tag .*check --fix") as raised:
        read_labels(reader, "tag")
    assert Path(raised.value.file).name == segment.name
