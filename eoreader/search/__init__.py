"""The search package's front door: what `eoreader.library` may use."""

from eoreader.search.schema import SCHEMA_VERSION, from_stored
from eoreader.search.searcher import Hit, Results, Snippet, match_spans, query_terms, search
from eoreader.search.store import (
    DamagedIndex, IndexBusy, NotAnIndex, acquire_lock, create, file_hash, generation, is_ours,
    live_files, open_index, strays,
)
from eoreader.search.writer import BatchWriter, stored_hash

__all__ = [
    "SCHEMA_VERSION", "BatchWriter", "DamagedIndex", "Hit", "IndexBusy", "NotAnIndex",
    "Results", "Snippet", "acquire_lock", "create", "file_hash", "from_stored", "generation",
    "is_ours", "live_files", "match_spans", "open_index", "query_terms", "search", "stored_hash",
    "strays",
]
