"""A local stand-in for the Federal Register API, serving real corpus orders on 127.0.0.1.

It answers `documents.json` the way the real search does (federal-register-api.md): filters by
type and publication date, `fields[]`, `per_page` outside 2..1000 falls back to 20, a page above
`max_pages` silently becomes page 1, `total_pages` is capped, an empty search has no `results`.
Full texts come from the `.xml` and `.html` files beside each JSON. Faults are queued per path.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

TEXT_ROUTES = {"xml": ".xml", "html": ".html", "text": ".txt"}


@dataclass
class Fault:
    """A canned answer for the next request whose path starts with `path`."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before anything is sent
    drip: float = 0.0  # seconds between body bytes
    proceed: bool = False  # after the delay, answer normally


@dataclass
class Request:
    path: str
    query: dict[str, list[str]]
    at: float
    user_agent: str


class FakeAPI:
    """Serve `numbers` (corpus EO numbers) as an API root at `self.url`."""

    def __init__(self, corpus: Path, numbers: Iterable[int], max_pages: int = 50) -> None:
        self.folder = corpus / "federal-register"
        self.docs = {n: json.loads((self.folder / f"EO_{n}.json").read_text()) for n in numbers}
        self.published = set(self.docs)
        self.max_pages = max_pages
        self.faults: dict[str, list[Fault]] = {}
        self.mangle: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {}
        self.missing: set[str] = set()  # "<document_number>.<route>" answered with 404
        self.requests: list[Request] = []
        self.on_text: Callable[[int], None] = lambda count: None
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def root(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def url(self) -> str:
        return f"{self.root}/api/v1"

    def __enter__(self) -> FakeAPI:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def fail(self, path: str, *faults: Fault) -> None:
        """Answer the next requests under `path` with `faults`, one each, then normally."""
        self.faults.setdefault(path, []).extend(faults)

    def document_number(self, n: int) -> str:
        return str(self.docs[n]["document_number"])

    def text_requests(self) -> list[str]:
        return [r.path for r in self.requests if r.path.startswith("/full_text/")]

    def list_requests(self) -> list[Request]:
        return [r for r in self.requests if r.path.endswith("/documents.json")]

    def take_fault(self, path: str) -> Fault | None:
        with self._lock:
            for prefix, queue in self.faults.items():
                if path.startswith(prefix) and queue:
                    return queue.pop(0)
        return None

    def search(self, query: dict[str, list[str]]) -> dict[str, Any]:
        """The body of one documents.json page."""
        first = lambda key: (query.get(key) or [""])[0]  # noqa: E731
        assert query.get("conditions[type][]") == ["PRESDOCU"]
        kinds = set(query.get("conditions[presidential_document_type][]", []))
        gte, lte = first("conditions[publication_date][gte]"), first("conditions[publication_date][lte]")
        docs = sorted(
            (d for n, d in self.docs.items() if n in self.published
             and (not kinds or d["subtype"].lower().replace(" ", "_") in kinds)
             and (not gte or d["publication_date"] >= gte) and (not lte or d["publication_date"] <= lte)),
            key=lambda d: (d["publication_date"], d["document_number"]),
        )
        per_page = int(first("per_page") or 20)
        per_page = per_page if 2 <= per_page <= 1000 else 20
        page = int(first("page") or 1)
        page = page if 1 <= page <= self.max_pages else 1
        body: dict[str, Any] = {"count": len(docs), "description": "fake search"}
        chunk = docs[(page - 1) * per_page: page * per_page]
        if docs and chunk:
            total = min(math.ceil(len(docs) / per_page), self.max_pages)
            body["total_pages"] = total
            if page < total:
                body["next_page_url"] = f"{self.url}/documents.json?" + urlencode(
                    {**query, "page": [str(page + 1)]}, doseq=True)
            fields = query.get("fields[]") or ["title", "document_number", "publication_date"]
            body["results"] = [self._result(d, fields) for d in chunk]
        return body

    def _result(self, doc: dict[str, Any], fields: list[str]) -> dict[str, Any]:
        number = doc["document_number"]
        urls = {"full_text_xml_url": "xml", "body_html_url": "html", "raw_text_url": "text"}
        result = {f: f"{self.root}/full_text/{urls[f]}/{number}{TEXT_ROUTES[urls[f]]}" if f in urls
                  else doc.get(f) for f in fields}
        return self.mangle.get(number, lambda r: r)(result)

    def text(self, route: str, name: str) -> bytes | None:
        """A full text by route and file name, or None (404)."""
        number, _, _ = name.rpartition(".")
        if f"{number}.{route}" in self.missing:
            return None
        for n, doc in self.docs.items():
            if doc["document_number"] == number and n in self.published:
                path = self.folder / f"EO_{n}{TEXT_ROUTES[route]}"
                return path.read_bytes() if path.is_file() else None
        return None


def _handler(api: FakeAPI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            parts = urlsplit(self.path)
            query = parse_qs(parts.query, keep_blank_values=True)
            with api._lock:
                api.requests.append(Request(parts.path, query, time.monotonic(), self.headers.get("User-Agent", "")))
                texts = len(api.text_requests())
            try:
                if parts.path.startswith("/full_text/"):
                    api.on_text(texts)
                fault = api.take_fault(parts.path)
                if fault:
                    time.sleep(fault.delay)
                    if not fault.proceed:
                        return self._send(fault.status, fault.body, fault.headers, fault.drip)
                self._answer(parts.path, query)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout under test); nothing to answer

        def _answer(self, path: str, query: dict[str, list[str]]) -> None:
            if path == "/api/v1/documents.json":
                body = json.dumps(api.search(query)).encode()
                return self._send(200, body, {"Content-Type": "application/json"})
            route, _, name = path.removeprefix("/full_text/").partition("/")
            data = api.text(route, name) if route in TEXT_ROUTES else None
            if data is None:
                return self._send(404, b"<html><body>Not Found</body></html>", {"Content-Type": "text/html"})
            kind = {"xml": "application/xml", "html": "text/html", "text": "text/plain"}[route]
            self._send(200, data, {"Content-Type": kind})

        def _send(self, status: int, body: bytes, headers: dict[str, str], drip: float = 0.0) -> None:
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not drip:
                self.wfile.write(body)
                return
            for i in range(len(body)):
                self.wfile.write(body[i:i + 1])
                self.wfile.flush()
                time.sleep(drip)

    return Handler
