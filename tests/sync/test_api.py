"""What sync sends to the API and what it accepts back, field by field."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from eoreader.sync import term_start
from eoreader.sync.api import BadResponse, Query, Window, parse_page, parse_result
from tests.conftest import require_corpus


def corpus_result(number: int = 13500) -> dict[str, object]:
    path = require_corpus() / "federal-register" / f"EO_{number}.json"
    return json.loads(path.read_text())  # type: ignore[no-any-return]


@pytest.mark.parametrize(("body", "reason"), [
    (b"<html><body>502 Bad Gateway</body></html>", "an HTML or XML page instead of JSON"),
    (b'{"count": 3, "results": [{"title": "Ex', "truncated JSON (38 bytes)"),
    (b'{"count": 3, "results": [', "truncated JSON (25 bytes)"),
    (b'{"count": 3 "results": []}', "invalid JSON: Expecting ',' delimiter at character 12"),
    (b"\xff\xfe{}", "not UTF-8 JSON"),
    (b"[" * 100_000 + b"]" * 100_000, "JSON nested too deeply"),
    (b"[]", "JSON that is not a result page"),
    (b'{"results": []}', "a result page without a count"),
    (b'{"count": true, "results": []}', "a result page without a count"),
    (b'{"count": 2}', "a result page without results"),
    (b'{"count": 2, "results": [{}], "total_pages": "2"}', "a result page with a bad total_pages"),
])
def test_bad_pages_say_what_is_wrong(body: bytes, reason: str) -> None:
    with pytest.raises(BadResponse) as caught:
        parse_page(body)
    assert str(caught.value) == reason


def test_an_empty_search_has_no_results_key() -> None:
    page = parse_page(b'{"count": 0, "description": "nothing"}')
    assert (page.count, page.total_pages, page.next_url, page.results) == (0, 0, None, [])


def test_a_corpus_document_is_accepted_and_keeps_only_the_fields_we_ask_for() -> None:
    raw = {**corpus_result(), "page_views": {"count": 441}, "title": "A \x1b]52;c;aGk=\x07title"}
    entry = parse_result(raw)
    assert (entry.number, entry.published, entry.stem) == ("E9-3108", dt.date(2009, 2, 11), "EO_13500")
    assert "page_views" not in entry.metadata
    assert entry.title == "A title" and entry.metadata["title"] == "A title"
    assert [ext for _, ext in entry.text_urls()] == [".xml", ".html", ".txt"]


def test_a_document_without_an_order_number_is_named_by_its_document_number() -> None:
    entry = parse_result({**corpus_result(), "executive_order_number": None, "subtype": "Proclamation"})
    assert entry.stem == "E9-3108"


@pytest.mark.parametrize("number", ["../x", "a/b", "", " E9-1", "E9\x00", "x" * 41, 17])
def test_document_numbers_that_cannot_name_a_folder_are_refused(number: object) -> None:
    with pytest.raises(BadResponse, match="document_number"):
        parse_result({**corpus_result(), "document_number": number})


def test_the_query_asks_for_presidential_documents_oldest_first() -> None:
    params = Query(("executive_order", "proclamation"), "joe-biden").params(
        Window(dt.date(2021, 1, 20), dt.date(2021, 12, 31)), per_page=200, page=3)
    assert ("conditions[type][]", "PRESDOCU") in params
    assert [v for k, v in params if k == "conditions[presidential_document_type][]"] == [
        "executive_order", "proclamation"]
    assert ("conditions[president][]", "joe-biden") in params
    assert ("conditions[publication_date][gte]", "2021-01-20") in params
    assert ("conditions[publication_date][lte]", "2021-12-31") in params
    assert {"executive_order_number", "signing_date", "citation", "disposition_notes", "full_text_xml_url",
            "body_html_url", "raw_text_url"} <= {v for k, v in params if k == "fields[]"}
    assert ("order", "oldest") in params and ("per_page", "200") in params and ("page", "3") in params
    everything = Query(("all",)).params(Window(dt.date(2021, 1, 1), dt.date(2021, 1, 2)), per_page=2)
    assert not any(k == "conditions[presidential_document_type][]" for k, _ in everything)


def test_queries_keep_separate_resume_points() -> None:
    assert Query(("executive_order",)).key != Query(("proclamation",)).key
    assert Query(("proclamation", "executive_order")).key == Query(("executive_order", "proclamation")).key


def test_windows_split_into_two_halves_that_cover_every_day() -> None:
    left, right = Window(dt.date(2025, 1, 20), dt.date(2025, 1, 25)).halves()
    assert (left, right) == (Window(dt.date(2025, 1, 20), dt.date(2025, 1, 22)),
                             Window(dt.date(2025, 1, 23), dt.date(2025, 1, 25)))


@pytest.mark.parametrize(("today", "start"), [
    (dt.date(2026, 11, 20), dt.date(2025, 1, 20)),
    (dt.date(2025, 1, 20), dt.date(2025, 1, 20)),
    (dt.date(2025, 1, 19), dt.date(2021, 1, 20)),
    (dt.date(2028, 12, 31), dt.date(2025, 1, 20)),
    (dt.date(2029, 2, 1), dt.date(2029, 1, 20)),
])
def test_the_current_term_began_on_the_last_inauguration_day(today: dt.date, start: dt.date) -> None:
    assert term_start(today) == start
