"""The search package's front door: what `eoreader.library` may use."""

from eoreader.search.facets import FACETS
from eoreader.search.schema import SCHEMA_VERSION, from_stored
from eoreader.search.passages import Snippet
from eoreader.search.related import related
from eoreader.search.results import Hit, Related, Results
from eoreader.search.searcher import SORTS, TIME_BUDGET_SECONDS, Engine, Filters, match_spans, query_terms
from eoreader.search.store import (
    DamagedIndex, IndexBusy, NotAnIndex, acquire_lock, create, file_hash, generation, is_ours,
    live_files, open_index, strays,
)
from eoreader.search.verify import StoredDoc, stored_documents, text_hash, unfindable
from eoreader.search.writer import BatchWriter, Unindexable, stored_hash

__all__ = [
    "FACETS", "SCHEMA_VERSION", "SORTS", "TIME_BUDGET_SECONDS", "BatchWriter", "DamagedIndex", "Engine", "Filters", "Hit", "IndexBusy", "NotAnIndex",
    "Related", "Results", "Snippet", "acquire_lock", "create", "file_hash", "from_stored", "generation",
    "is_ours", "live_files", "match_spans", "open_index", "query_terms", "related", "stored_hash",
    "StoredDoc", "Unindexable", "stored_documents", "strays", "text_hash", "unfindable",
]
