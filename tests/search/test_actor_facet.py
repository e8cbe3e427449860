"""The actor facet: which orders direct whom, counted and filtered (issue 6)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from eoreader import Library
from eoreader.cli import main
from tests.conftest import FIXTURES

DEFENSE = "the Secretary of Defense"


def test_actor_facet_counts_and_filters(corpus_library: Library) -> None:
    everything = corpus_library.search("", limit=1)
    actors = dict(everything.facets["actor"])
    assert actors[DEFENSE] > 20
    assert actors["the Attorney General"] > 20
    directed = corpus_library.search("", limit=1000, actor=DEFENSE)
    assert directed.total == actors[DEFENSE]
    for hit in directed.hits[:25]:
        doc = corpus_library.get(hit.id)
        assert any(DEFENSE in point.actor for point in doc.key_points), hit.id


def test_cli_search_by_actor(corpus_index: Path) -> None:
    result = CliRunner().invoke(main, ["--index", str(corpus_index), "search", "--json", "--actor", DEFENSE,
                                       "cybersecurity"])
    data = json.loads(result.stdout)
    assert result.exit_code == 0 and data["total"] > 0
    assert ("the Secretary of Defense", data["total"]) in [tuple(v) for v in data["facets"]["actor"]]


def test_no_actor_facet_for_an_article(tmp_path: Path) -> None:
    with Library(tmp_path / "index") as library:
        library.ingest([FIXTURES / "article"])
        assert library.search("").facets["actor"] == []
