"""Files on disk -> Documents: find the files, see what changed, parse and merge them."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eoreader.ingest.decode import MAX_FILE_BYTES, Rejected
from eoreader.ingest.formats import Unsupported, read
from eoreader.ingest.keypoints import locate_all
from eoreader.ingest.manifest import Entry, Manifest
from eoreader.ingest.merge import merge
from eoreader.ingest.source import Source
from eoreader.model import Document
from eoreader.sanitize import clean_line

__all__ = ["Change", "Manifest", "MissingPath", "Problem", "Summary", "discover", "plan"]


class MissingPath(Exception):
    """A path given on the command line that does not exist."""


@dataclass
class Problem:
    """A file that did not become a document, and why."""

    path: str
    reason: str


@dataclass
class Summary:
    """What one ingest run did with every file it saw."""

    files: int = 0
    documents: int = 0
    indexed: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    rejected: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "files": self.files,
            "documents": self.documents,
            "indexed": self.indexed,
            "merged": self.merged,
            "unchanged": self.unchanged,
            "skipped": [vars(p) for p in self.skipped],
            "rejected": [vars(p) for p in self.rejected],
            "warnings": [vars(p) for p in self.warnings],
            "pruned": self.pruned,
        }


def discover(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Every file under `paths`, sorted, each once; a missing path raises MissingPath."""
    # Absolute paths: the manifest and `sources` must mean the same file from any folder.
    roots = [Path(p).absolute() for p in paths]
    for root in roots:
        if not root.exists() and not root.is_symlink():
            raise MissingPath(f"no such file or folder: {clean_line(str(root))}")
    seen: set[Path] = set()
    for root in roots:
        if root.is_dir():
            # followlinks=False: a symlink loop cannot send the walk round forever.
            for folder, dirs, names in os.walk(root):
                dirs.sort()
                for name in sorted(names):
                    path = Path(folder) / name
                    if path not in seen:
                        seen.add(path)
                        yield path
        elif root not in seen:
            seen.add(root)
            yield root


@dataclass
class Change:
    """Documents to (re)write and the manifest entries that describe them once committed."""

    document: Document
    entries: list[Entry]


def _fingerprint(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_size, st.st_mtime_ns


def _read_bytes(path: Path) -> bytes:
    if not path.is_file():
        raise Rejected("not a regular file")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise Rejected(f"larger than the {MAX_FILE_BYTES // (1024 * 1024)} MB limit")
    return path.read_bytes()


def plan(files: list[Path], manifest: Manifest, summary: Summary) -> list[Change]:
    """Parse what changed since `manifest` and merge each order's files into one Document.

    Unchanged files (same size and mtime, or same content hash) are only counted; the
    other files of a changed document are re-read so the merge sees all of them.
    """
    parsed: dict[str, list[tuple[int, Document, Entry]]] = {}
    for path in files:
        key = str(path)
        summary.files += 1
        old = manifest.entries.get(key)
        try:
            size, mtime = _fingerprint(path)
            if old and (old.size, old.mtime_ns) == (size, mtime) and old.state != "rejected":
                summary.unchanged.append(key)
                continue
            data = _read_bytes(path)
            digest = hashlib.sha256(data).hexdigest()
            if old and old.sha256 == digest and old.state != "rejected":
                old.size, old.mtime_ns = size, mtime
                summary.unchanged.append(key)
                continue
            source = Source(path, data)
            doc, reader = read(source)
        except Unsupported as exc:
            summary.skipped.append(Problem(key, str(exc)))
            continue
        except Exception as exc:  # one bad file never stops the run: it is reported instead
            summary.rejected.append(Problem(key, _reason(exc)))
            continue
        for warning in source.warnings:
            summary.warnings.append(Problem(key, warning))
        entry = Entry(key, size, mtime, digest, doc.id, "indexed")
        parsed.setdefault(doc.id, []).append((reader.rank, doc, entry))
    _add_unchanged_partners(parsed, manifest)
    changes = []
    for doc_id, parts in parsed.items():
        parts.sort(key=lambda p: p[0])
        for i, (_, _, entry) in enumerate(parts):
            entry.state = "indexed" if i == 0 else "merged"
            if entry.path not in summary.unchanged:
                (summary.indexed if i == 0 else summary.merged).append(entry.path)
        document = locate_all(merge([(rank, doc) for rank, doc, _ in parts]))
        changes.append(Change(document, [entry for _, _, entry in parts]))
    return changes


def _add_unchanged_partners(parsed: dict[str, list[tuple[int, Document, Entry]]], manifest: Manifest) -> None:
    """Re-read the unchanged files that share a document with a changed one."""
    for doc_id, parts in parsed.items():
        have = {entry.path for _, _, entry in parts}
        for other in manifest.files_of(doc_id):
            if other in have:
                continue
            try:
                source = Source(Path(other), _read_bytes(Path(other)))
                doc, reader = read(source)
            except Exception:
                continue  # gone or broken since: the next run reports it
            if doc.id == doc_id:
                parts.append((reader.rank, doc, manifest.entries[other]))


def _reason(exc: BaseException) -> str:
    if isinstance(exc, Rejected):
        return clean_line(str(exc))
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if isinstance(exc, OSError):
        return clean_line(exc.strerror or type(exc).__name__)
    return clean_line(f"{type(exc).__name__}: {exc}")
