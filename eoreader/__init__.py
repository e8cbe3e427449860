"""eoreader: a terminal reader for US executive orders and the documents around them.

The public API is exported lazily, so `import eoreader.model` costs no Whoosh or Textual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Document", "Library", "__version__"]

if TYPE_CHECKING:
    from eoreader.library import Library
    from eoreader.model import Document


def __getattr__(name: str) -> Any:
    if name == "Library":
        from eoreader.library import Library

        return Library
    if name == "Document":
        from eoreader.model import Document

        return Document
    raise AttributeError(f"module 'eoreader' has no attribute {name!r}")
