"""A document's full text: XML first, then HTML, then raw text, each checked before it is kept."""

from __future__ import annotations

import re

from eoreader.sync.api import BadResponse, Entry
from eoreader.sync.client import Client, FetchError

# An error page served where XML was promised: a whole HTML page, not a <PRESDOCU> element.
_HTML_PAGE = re.compile(rb"\s*(<\?xml[^>]*>\s*)?<(!doctype\s+html|html)[\s>]", re.IGNORECASE)


def check(data: bytes, extension: str) -> None:
    """Raise BadResponse when `data` cannot be the full text it claims to be."""
    body = data.removeprefix(b"\xef\xbb\xbf")
    if not body.strip():
        raise BadResponse("empty")
    if extension == ".xml":
        if not body.lstrip().startswith(b"<"):
            raise BadResponse("not XML")
        if _HTML_PAGE.match(body):
            raise BadResponse("an HTML page instead of XML")


def fetch_text(client: Client, entry: Entry) -> tuple[bytes, str]:
    """The best full text the listing names and the extension to save it under."""
    urls = entry.text_urls()
    if not urls:
        raise BadResponse("the listing names no full text")
    reasons = []
    for url, extension in urls:
        try:
            data = client.get(url).data
            check(data, extension)
        except (FetchError, BadResponse) as exc:
            reasons.append(f"{extension[1:]}: {exc}")
            continue
        return data, extension
    raise BadResponse("no full text (" + "; ".join(reasons) + ")")
