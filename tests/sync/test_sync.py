"""sync() against a fake Federal Register: every document mirrored and indexed exactly once,
through paging, splitting, incremental runs, interruptions and each kind of fault."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eoreader.library import Library
from eoreader.sync import SyncSummary, sync
from tests.sync.conftest import NUMBERS, fast
from tests.sync.fakeapi import FakeAPI, Fault

SINCE, UNTIL = dt.date(2009, 1, 1), dt.date(2009, 3, 31)


def run(api: FakeAPI, tmp_path: Path, **options: object) -> SyncSummary:
    settings = options.pop("settings", None) or fast(api)
    values: dict[str, object] = {"mirror": tmp_path / "mirror", "since": SINCE, "until": UNTIL}
    values.update(options)
    return sync(tmp_path / "index", settings=settings, **values)  # type: ignore[arg-type]


def indexed_ids(index: Path) -> list[str]:
    with Library(index) as library:
        return [hit.id for hit in library.search("", limit=1000).hits]


def in_page_order(api: FakeAPI) -> list[int]:
    """The orders as the API lists them: oldest publication first."""
    return sorted(api.docs, key=lambda n: (api.docs[n]["publication_date"], api.docs[n]["document_number"]))


def assert_synced(api: FakeAPI, tmp_path: Path, numbers: object = NUMBERS) -> None:
    """Each order whole in the mirror (metadata + one full text) and in the index, exactly once."""
    numbers = list(numbers)  # type: ignore[call-overload]
    documents = tmp_path / "mirror" / "documents"
    expected = {api.document_number(n): n for n in numbers}
    assert sorted(p.name for p in documents.iterdir()) == sorted(expected)
    for name, n in expected.items():
        files = sorted(p.name for p in (documents / name).iterdir())
        assert files in ([f"EO_{n}.json", f"EO_{n}.xml"], [f"EO_{n}.html", f"EO_{n}.json"]), files
        assert json.loads((documents / name / f"EO_{n}.json").read_text())["executive_order_number"] == str(n)
    assert list((tmp_path / "mirror" / ".staging").iterdir()) == []
    assert sorted(indexed_ids(tmp_path / "index")) == sorted(f"eo-{n}" for n in numbers)


def test_full_sync_follows_every_page_then_finds_nothing_new(api: FakeAPI, tmp_path: Path) -> None:
    summary = run(api, tmp_path)
    assert summary.failed == [] and summary.warnings == []
    assert sorted(summary.new) == sorted(api.document_number(n) for n in NUMBERS)
    assert summary.pages == 4  # 12 documents, 3 a page
    assert [r.query.get("page") for r in api.list_requests()] == [["1"], ["2"], ["3"], ["4"]]
    assert_synced(api, tmp_path)

    api.requests.clear()
    again = run(api, tmp_path)
    assert again.new == [] and again.updated == [] and len(again.unchanged) == 12
    assert api.text_requests() == []
    assert_synced(api, tmp_path)


def test_a_window_over_the_page_cap_is_split(tmp_path: Path) -> None:
    from tests.conftest import require_corpus

    # Two pages of three hold six: the twelve orders need smaller date windows.
    with FakeAPI(require_corpus(), NUMBERS, max_pages=2) as api:
        summary = run(api, tmp_path, settings=fast(api, max_pages=2))
        windows = {(r.query["conditions[publication_date][gte]"][0], r.query["conditions[publication_date][lte]"][0])
                   for r in api.list_requests()}
        assert summary.failed == [] and len(summary.new) == 12
        assert all(int(r.query["page"][0]) <= 2 for r in api.list_requests())
        assert len(windows) >= 3
        assert_synced(api, tmp_path)


def test_incremental_sync_downloads_only_what_is_new(api: FakeAPI, tmp_path: Path) -> None:
    first = in_page_order(api)[:6]
    api.published = set(first)
    summary = run(api, tmp_path, until=dt.date(2009, 2, 11))
    assert len(summary.new) == 6
    assert_synced(api, tmp_path, first)

    # Published later, two of them dated inside the first run's range: the overlap finds them.
    api.published = set(NUMBERS)
    api.requests.clear()
    later = run(api, tmp_path, since=None)
    assert later.since < dt.date(2009, 2, 11)
    assert sorted(later.new) == sorted(api.document_number(n) for n in NUMBERS if n not in first)
    assert sorted(p.rsplit("/", 1)[1] for p in api.text_requests()) == sorted(
        f"{api.document_number(n)}.xml" for n in NUMBERS if n not in first)
    assert_synced(api, tmp_path)


def test_first_sync_defaults_to_the_current_term(api: FakeAPI, tmp_path: Path) -> None:
    summary = run(api, tmp_path, since=None)
    assert summary.since == dt.date(2009, 1, 20)
    assert_synced(api, tmp_path)


def test_cancelled_sync_resumes_without_duplicates(api: FakeAPI, tmp_path: Path) -> None:
    progress = []
    summary = run(api, tmp_path, on_progress=progress.append,
                  cancelled=lambda: sum(p.phase == "downloading" for p in progress) >= 4)
    assert summary.cancelled and summary.ingest is None
    assert len(summary.new) == 4
    assert not (tmp_path / "mirror" / "sync-state.json").exists()  # its window never finished

    resumed = run(api, tmp_path, since=None)
    assert len(resumed.new) == 8 and len(resumed.unchanged) == 4
    assert_synced(api, tmp_path)


def test_429_with_retry_after_is_waited_out(api: FakeAPI, tmp_path: Path) -> None:
    api.fail("/api/v1/documents.json", Fault(429, b"slow down", {"Retry-After": "1"}))
    summary = run(api, tmp_path)
    first, second = api.list_requests()[:2]
    assert summary.retries == 1 and summary.failed == []
    assert second.at - first.at >= 0.95
    assert_synced(api, tmp_path)


def test_a_long_retry_after_fails_that_request_without_waiting(api: FakeAPI, tmp_path: Path) -> None:
    api.fail("/api/v1/documents.json", Fault(503, b"", {"Retry-After": "3600"}))
    summary = run(api, tmp_path)
    assert len(api.requests) == 1
    assert [f.reason for f in summary.failed] == ["HTTP 503, asked to wait 3600 s"]


def test_500_then_200_is_retried(api: FakeAPI, tmp_path: Path) -> None:
    path = f"/full_text/xml/{api.document_number(13500)}.xml"
    api.fail(path, Fault(500, b"oops"))
    summary = run(api, tmp_path)
    assert summary.retries == 1 and summary.failed == []
    assert [r.path for r in api.requests].count(path) == 2
    assert_synced(api, tmp_path)


def test_a_timeout_is_retried(api: FakeAPI, tmp_path: Path) -> None:
    api.fail("/api/v1/documents.json", Fault(delay=1.0, proceed=True))
    summary = run(api, tmp_path, settings=fast(api, read_timeout=0.3))
    assert summary.retries == 1 and summary.failed == []
    assert_synced(api, tmp_path)


def test_a_dripping_body_hits_the_deadline_and_the_html_is_used(api: FakeAPI, tmp_path: Path) -> None:
    number = api.document_number(13495)
    api.fail(f"/full_text/xml/{number}.xml", *[Fault(200, b"<PRESDOCU>" + b" " * 100, drip=0.05)] * 4)
    summary = run(api, tmp_path, settings=fast(api, deadline=0.3))
    assert summary.failed == [] and summary.retries == 3
    assert (tmp_path / "mirror" / "documents" / number / "EO_13495.html").is_file()
    assert_synced(api, tmp_path)


def test_a_broken_json_page_loses_only_its_documents_until_the_next_sync(api: FakeAPI, tmp_path: Path) -> None:
    api.fail("/api/v1/documents.json", Fault(proceed=True), Fault(200, b'{"count": 12, "results": [{"document_nu'))
    summary = run(api, tmp_path)
    on_page_two = in_page_order(api)[3:6]
    assert [(f.document, f.reason) for f in summary.failed] == [
        (f"page 2 of {SINCE}..{UNTIL}", "truncated JSON (39 bytes)")]
    assert summary.next_since == SINCE
    assert_synced(api, tmp_path, [n for n in NUMBERS if n not in on_page_two])

    again = run(api, tmp_path, since=None)
    assert sorted(again.new) == sorted(api.document_number(n) for n in on_page_two)
    assert_synced(api, tmp_path)


def test_an_html_error_page_instead_of_json_is_reported(api: FakeAPI, tmp_path: Path) -> None:
    page = b"<!DOCTYPE html><html><body><h1>We're sorry</h1></body></html>"
    api.fail("/api/v1/documents.json", Fault(200, page, {"Content-Type": "text/html"}))
    summary = run(api, tmp_path)
    assert [f.reason for f in summary.failed] == ["an HTML or XML page instead of JSON"]
    assert summary.new == [] and indexed_ids(tmp_path / "index") == []


def test_a_4xx_is_not_retried(api: FakeAPI, tmp_path: Path) -> None:
    api.fail("/api/v1/documents.json", Fault(403, b"forbidden"))
    summary = run(api, tmp_path)
    assert len(api.requests) == 1 and summary.retries == 0
    assert [f.reason for f in summary.failed] == ["HTTP 403"]


def test_missing_full_text_is_reported_then_fetched_once_it_exists(api: FakeAPI, tmp_path: Path) -> None:
    number = api.document_number(13495)
    api.missing = {f"{number}.xml", f"{number}.html", f"{number}.text"}
    summary = run(api, tmp_path)
    assert [(f.document, f.reason) for f in summary.failed] == [
        (number, "no full text (xml: HTTP 404; html: HTTP 404; txt: HTTP 404)")]
    assert len([p for p in api.text_requests() if number in p]) == 3  # a 404 is not retried
    assert summary.next_since == dt.date(2009, 2, 4)  # its publication date
    assert_synced(api, tmp_path, [n for n in NUMBERS if n != 13495])

    api.missing.clear()
    again = run(api, tmp_path, since=None)
    assert again.new == [number]
    assert_synced(api, tmp_path)


def test_missing_xml_falls_back_to_html(api: FakeAPI, tmp_path: Path) -> None:
    number = api.document_number(13500)
    api.missing = {f"{number}.xml"}
    summary = run(api, tmp_path)
    assert summary.failed == []
    assert (tmp_path / "mirror" / "documents" / number / "EO_13500.html").is_file()
    assert_synced(api, tmp_path)


@pytest.mark.parametrize(("field", "value", "reason"), [
    ("publication_date", None, "missing or malformed publication_date"),
    ("document_number", "../../escape", "missing or malformed document_number"),
    ("executive_order_number", "13500/..", "malformed executive_order_number"),
])
def test_a_result_with_a_bad_field_fails_alone(api: FakeAPI, tmp_path: Path, field: str, value: object,
                                               reason: str) -> None:
    api.mangle[api.document_number(13500)] = lambda result: {**result, field: value}
    summary = run(api, tmp_path)
    assert [f.reason for f in summary.failed] == [reason]
    assert not list(tmp_path.glob("**/escape*"))
    assert_synced(api, tmp_path, [n for n in NUMBERS if n != 13500])


def test_changed_metadata_is_refreshed_without_downloading_the_text(api: FakeAPI, tmp_path: Path) -> None:
    run(api, tmp_path)
    api.docs[13500]["disposition_notes"] = "Revoked by: EO 13999, March 1, 2010"
    api.requests.clear()
    # A month later a sync without --since re-lists everything it ever mirrored.
    summary = run(api, tmp_path, since=None, until=UNTIL + dt.timedelta(days=31))
    assert summary.since == SINCE
    assert summary.updated == [api.document_number(13500)] and len(summary.unchanged) == 11
    assert api.text_requests() == []
    saved = tmp_path / "mirror" / "documents" / api.document_number(13500) / "EO_13500.json"
    assert json.loads(saved.read_text())["disposition_notes"] == "Revoked by: EO 13999, March 1, 2010"
    assert summary.ingest is not None and str(saved) in summary.ingest.indexed + summary.ingest.merged
    assert_synced(api, tmp_path)


def test_dry_run_lists_but_writes_nothing(api: FakeAPI, tmp_path: Path) -> None:
    summary = run(api, tmp_path, dry_run=True)
    assert len(summary.new) == 12 and summary.ingest is None
    assert api.text_requests() == []
    assert not (tmp_path / "mirror").exists() and not (tmp_path / "index").exists()


def test_the_mirror_defaults_to_a_folder_beside_the_index(api: FakeAPI, tmp_path: Path) -> None:
    summary = sync(tmp_path / "index", since=SINCE, until=UNTIL, settings=fast(api))
    assert summary.mirror == str(tmp_path / "index.mirror")
    assert len(list((tmp_path / "index.mirror" / "documents").iterdir())) == 12
