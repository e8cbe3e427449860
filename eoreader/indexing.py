"""One ingest run: sources -> plan -> batched commits, stopped cleanly by ctrl-c or a failing disk."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from whoosh.index import FileIndex

from eoreader.ingest import Change, Manifest, Problem, Removal, Summary, discover, plan
from eoreader.sanitize import clean_line
from eoreader.search import BatchWriter, Unindexable


# Told how an ingest run goes, after each document written: (files read so far, files in
# all, documents written so far).
Progress = Callable[[int, int, int], None]


class Interrupted(KeyboardInterrupt):
    """Ctrl-c during an ingest: what was committed stays, the batch in flight is dropped."""

    def __init__(self, committed: int) -> None:
        super().__init__(committed)
        self.committed = committed

    def __str__(self) -> str:
        return f"interrupted: {self.committed} documents committed; run again to continue"


class WriteFailed(Exception):
    """The disk refused a write (full, I/O error): the index is as of the last commit."""

    def __init__(self, exc: OSError, committed: int) -> None:
        where = f" ({clean_line(os.fsdecode(exc.filename))})" if exc.filename else ""
        super().__init__(
            f"could not write the index: {exc.strerror or exc}{where}; {committed} documents "
            "committed, the index holds everything committed before; run again once fixed"
        )
        self.committed = committed


def ingest_into(ix: FileIndex, folder: Path, sources: Iterable[str | os.PathLike[str]],
                prune: bool = False, progress: Progress | None = None) -> Summary:
    """Index every file under `sources` into the index `ix` kept in `folder`."""
    roots = [Path(p).absolute() for p in sources]
    # Listed before reading any: the count lets a progress bar say how long is left.
    files = list(discover(roots))
    summary = Summary()
    writer = BatchWriter(ix, folder)
    seen: set[str] = set()
    refused: list[tuple[Change, str]] = []
    try:
        with writer:
            for change in plan(files, writer.manifest, summary):
                if isinstance(change, Removal):
                    writer.delete(change.doc_id)
                    summary.pruned.append(change.doc_id)
                    continue
                try:
                    writer.write(change)
                except Unindexable as exc:
                    refused.append((change, str(exc)))
                    continue
                seen.add(change.document.id)
                if progress is not None:
                    progress(summary.files, len(files), len(seen))
            if prune:
                summary.pruned = _prune(writer.manifest, roots, writer)
    except KeyboardInterrupt:
        raise Interrupted(writer.committed) from None
    except OSError as exc:  # reading errors are per file and never get here: this is the index
        raise WriteFailed(exc, writer.committed) from exc
    for change, why in refused:
        _reject(summary, change, why)
    entries = writer.manifest.entries
    seen |= {entries[p].doc_id for p in summary.unchanged if p in entries}
    summary.documents = len(seen)
    return summary


def _reject(summary: Summary, change: Change, reason: str) -> None:
    """A document the readers made but the index refused: its files are rejected."""
    for entry in change.entries:
        summary.rejected.append(Problem(entry.path, reason))
        for listed in (summary.indexed, summary.merged):
            if entry.path in listed:
                listed.remove(entry.path)


def _prune(manifest: Manifest, roots: list[Path], writer: BatchWriter) -> list[str]:
    """Delete documents all of whose source files under `roots` are gone."""
    gone: set[str] = set()
    for path, entry in list(manifest.entries.items()):
        inside = any(Path(path).is_relative_to(r) for r in roots)
        if inside and not Path(path).exists():
            gone.add(entry.doc_id)
    pruned = [d for d in sorted(gone) if not any(Path(p).exists() for p in manifest.files_of(d))]
    for doc_id in pruned:
        writer.delete(doc_id)
    return pruned
