"""Files on disk -> Documents: find the files, see what changed, parse and merge them."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from eoreader.ingest.manifest import Entry, Manifest
from eoreader.model import Document
from eoreader.sanitize import clean_line

__all__ = ["Change", "Manifest", "MissingPath", "Problem", "Summary", "discover", "plan"]

# Changed files parsed before their documents go to the writer: the writer commits while
# the rest is still being read, and a killed run loses little parsing.
FLUSH_FILES = 64


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

    def line(self) -> str:
        """What happened, in one line, for people."""
        return (f"{self.files:,} files: {len(self.indexed):,} indexed, {len(self.merged):,} merged, "
                f"{len(self.unchanged):,} unchanged, {len(self.skipped):,} skipped, {len(self.rejected):,} "
                f"rejected; {self.documents:,} documents" + (f"; {len(self.pruned):,} pruned" if self.pruned else ""))

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
    """Every file under `paths`, sorted, each once; a missing path raises MissingPath at once.

    Links to folders are yielded too, not followed (a loop cannot send the walk round
    forever), so that `plan` can say it skipped them.
    """
    # Absolute paths: the manifest and `sources` must mean the same file from any folder.
    roots = [Path(p).absolute() for p in paths]
    for root in roots:
        if not root.exists() and not root.is_symlink():
            raise MissingPath(f"no such file or folder: {clean_line(str(root))}")
    return _walk(roots)


def _walk(roots: list[Path]) -> Iterator[Path]:
    seen: set[Path] = set()
    for root in roots:
        if root.is_dir():
            for folder, dirs, names in os.walk(root):
                dirs.sort()
                linked = [d for d in dirs if os.path.islink(os.path.join(folder, d))]
                for name in sorted(names + linked):
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


@dataclass
class Removal:
    """A document none of whose files makes it any more: each now parses to another one."""

    doc_id: str


@dataclass
class _Part:
    rank: int
    doc: Document
    entry: Entry


def plan(files: Iterable[Path], manifest: Manifest, summary: Summary) -> Iterator[Change | Removal]:
    """Parse what changed since `manifest` and yield one Change per document, as it goes.

    Unchanged files (same size and mtime, or same content hash) are only counted; the
    other files of a changed document are re-read so the merge sees all of them. Files
    are parsed a group at a time, never splitting a folder's files that share a name
    stem (an order's .xml, .json and .htm); a document whose files still end up in two
    groups is written again, merged from all of them. A file that now makes another
    document leaves its old one: merged again from its other files, or a Removal.
    """
    emitted: dict[str, list[str]] = {}
    states: dict[str, str] = {}
    buffered: dict[str, list[_Part]] = {}
    count, group = 0, None
    left: set[str] = set()
    try:
        for path in files:
            key = (path.parent, path.name.split(".")[0].lower())
            if key != group and count >= FLUSH_FILES:
                yield from _flush(buffered, manifest, emitted, states)
                buffered, count = {}, 0
            group = key
            if part := _parse(path, manifest, summary):
                buffered.setdefault(part.doc.id, []).append(part)
                count += 1
                old = manifest.entries.get(part.entry.path)
                if old is not None and old.doc_id != part.doc.id:
                    left.add(old.doc_id)
        yield from _flush(buffered, manifest, emitted, states)
        # Documents a file left, not written since: made again from the files that stay.
        yield from _flush({d: [] for d in sorted(left - set(emitted))}, manifest, emitted, states)
    finally:
        summary.indexed = [p for p, s in states.items() if s == "indexed"]
        summary.merged = [p for p, s in states.items() if s == "merged"]


def _parse(path: Path, manifest: Manifest, summary: Summary) -> _Part | None:
    """`path` parsed, or None when it is unchanged, skipped or rejected (and counted so)."""
    # The readers load on first use: opening an index (the Manifest) needs none of them.
    from eoreader.ingest.formats import Unsupported, read
    from eoreader.ingest.safety import read_bytes, reason, time_limit, vet
    from eoreader.ingest.source import Source

    key = str(path)
    summary.files += 1
    old = manifest.entries.get(key)
    source = None
    try:
        st = path.stat()
        size, mtime = st.st_size, st.st_mtime_ns
        if old and (old.size, old.mtime_ns) == (size, mtime) and old.state != "rejected":
            summary.unchanged.append(key)
            return None
        data = read_bytes(path)
        digest = hashlib.sha256(data).hexdigest()
        if old and old.sha256 == digest and old.state != "rejected":
            old.size, old.mtime_ns = size, mtime
            summary.unchanged.append(key)
            return None
        source = Source(path, data)
        with time_limit():
            doc, reader = read(source)
        vet(doc)
    except Unsupported as exc:
        summary.skipped.append(Problem(key, str(exc)))
        return None
    except Exception as exc:  # one bad file never stops the run: it is reported instead
        summary.rejected.append(Problem(key, reason(exc)))
        return None
    for warning in source.warnings:
        summary.warnings.append(Problem(key, warning))
    return _Part(reader.rank, doc, Entry(key, size, mtime, digest, doc.id, "indexed"))


def _flush(buffered: dict[str, list[_Part]], manifest: Manifest, emitted: dict[str, list[str]],
           states: dict[str, str]) -> Iterator[Change | Removal]:
    """One Change per buffered document, merged with its files parsed earlier or before
    (a Removal when no file makes it any more)."""
    from eoreader.ingest.keypoints import locate_all
    from eoreader.ingest.merge import merge

    for doc_id, parts in buffered.items():
        changed = {p.entry.path for p in parts}
        for other in sorted(set(emitted.get(doc_id, [])) | set(manifest.files_of(doc_id))):
            if other not in changed and (part := _reread(other, manifest, doc_id)):
                parts.append(part)
        if not parts:
            emitted[doc_id] = []
            yield Removal(doc_id)
            continue
        # Sorted by path too, so a resumed run merges in the same order as a clean one.
        parts.sort(key=lambda p: (p.rank, p.entry.path))
        for i, part in enumerate(parts):
            part.entry.state = "indexed" if i == 0 else "merged"
            if part.entry.path in changed or part.entry.path in states:
                states[part.entry.path] = part.entry.state
        emitted[doc_id] = [p.entry.path for p in parts]
        document = locate_all(merge([(p.rank, p.doc) for p in parts]))
        yield Change(document, [p.entry for p in parts])


def _reread(path: str, manifest: Manifest, doc_id: str) -> _Part | None:
    """A file already indexed with `doc_id`, read again to merge with a changed partner."""
    from eoreader.ingest.formats import read
    from eoreader.ingest.safety import read_bytes, time_limit, vet
    from eoreader.ingest.source import Source

    try:
        data = read_bytes(Path(path))
        with time_limit():
            doc, reader = read(Source(Path(path), data))
        vet(doc)
    except Exception:  # noqa: BLE001  gone or broken since: the next run reports it
        return None
    if doc.id != doc_id:
        return None
    old = manifest.entries.get(path)
    st = Path(path).stat()
    entry = Entry(path, st.st_size, st.st_mtime_ns, hashlib.sha256(data).hexdigest(), doc_id, "indexed")
    return _Part(reader.rank, doc, replace(old, size=entry.size, mtime_ns=entry.mtime_ns,
                                           sha256=entry.sha256) if old else entry)
