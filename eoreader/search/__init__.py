"""The search package's front door: what `eoreader.library` may use."""

from eoreader.search.schema import SCHEMA_VERSION, from_stored
from eoreader.search.searcher import Hit, Results, Snippet, match_spans, query_terms, search
from eoreader.search.store import DamagedIndex, NotAnIndex, open_or_create
from eoreader.search.writer import BatchWriter, IndexBusy

__all__ = [
    "SCHEMA_VERSION", "BatchWriter", "DamagedIndex", "Hit", "IndexBusy", "NotAnIndex",
    "Results", "Snippet", "from_stored", "match_spans", "query_terms", "open_or_create", "search",
]
