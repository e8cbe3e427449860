"""Every text file of the shared corpus renders literally: no MarkupError, the text unchanged.

Passed to a markup parser, 821 of the corpus's text files raise MarkupError and 96 more are
silently altered ("[FR Doc No: ...]", "[Sec. 2]"); the reader's text path must do neither.
"""

from __future__ import annotations

from eoreader.sanitize import clean
from eoreader.tui.text import literal, styled
from tests.conftest import require_corpus

TEXT_SUFFIXES = {".htm", ".html", ".xml", ".md", ".json", ".txt"}


def test_every_corpus_text_file_renders_unchanged() -> None:
    corpus = require_corpus()
    files = [p for p in sorted(corpus.rglob("*")) if p.suffix in TEXT_SUFFIXES]
    bracketed = 0
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace")
        expected = clean(text)
        assert literal(text).plain == expected, path
        # A span over every "[" exercises the styled path where markup would start.
        spans = [(i, i + 1, "bold") for i, ch in enumerate(text) if ch == "["][:200]
        bracketed += bool(spans)
        content = styled(text, spans)
        assert content.plain == expected, path
        if spans and bracketed <= 100:  # laying out a hundred of them is enough, and quick
            assert all(line.cell_length <= 80 for line in content.wrap(80)), path
    assert len(files) > 3000 and bracketed > 800
