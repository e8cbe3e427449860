"""One input file as the readers see it: its path, its bytes and what decoding noticed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from eoreader.ingest.decode import decode


@dataclass
class Source:
    """A file's path and bytes; `text()` decodes them once and records any warning."""

    path: Path
    data: bytes
    warnings: list[str] = field(default_factory=list)
    _text: str | None = None

    @property
    def doc_id(self) -> str:
        """The id of a document read from this file alone: its file name, made safe."""
        slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", self.path.stem).strip("-.").lower()
        return slug or "document"

    def text(self) -> str:
        if self._text is None:
            decoded = decode(self.data)
            if decoded.warning:
                self.warnings.append(decoded.warning)
            self._text = str(decoded)
        return self._text
