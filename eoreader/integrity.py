"""`eoreader check`: does the index hold what the manifest says, and does it read back?

Compares the documents of the index with the manifest's, stored text with the hashes
written beside it, index files with the hashes recorded at commit, runs canned queries
for a sample of documents, and lists what killed writers left behind. `fix()` removes
the leftovers, reindexes what is missing or wrong, and rebuilds a damaged index.
"""

from __future__ import annotations

import random
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from eoreader.ingest import Manifest, Removal, Summary, discover, plan
from eoreader.recovery import REBUILD_SUFFIX, rebuild_index, recorded_files
from eoreader.search import (
    BatchWriter, DamagedIndex, IndexBusy, acquire_lock, file_hash, generation, is_ours, live_files,
    StoredDoc, open_index, stored_documents, strays, text_hash, unfindable,
)

# Stored texts hashed at most (all of them below this), and documents given canned queries.
TEXT_SAMPLE = 5000
QUERY_SAMPLE = 50


@dataclass
class Finding:
    """One mismatch: what kind, about what (a document id or a file), and the detail."""

    kind: str  # damaged, missing, extra, duplicate, text, query, stray
    subject: str
    detail: str


@dataclass
class Report:
    """What `check` compared, and every mismatch it found."""

    documents: int = 0
    texts: int = 0
    queries: int = 0
    files: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings

    def to_dict(self) -> dict[str, object]:
        return {"documents": self.documents, "texts": self.texts, "queries": self.queries,
                "files": self.files, "ok": self.ok, "findings": [vars(f) for f in self.findings]}


def check(folder: Path, seed: int | None = None) -> Report:
    """Compare the index in `folder` with its manifest; changes nothing."""
    report = Report()
    if not is_ours(folder):
        report.findings.append(Finding("absent", str(folder), "no eoreader index here"))
        return report
    try:
        ix, searcher = open_index(folder, recorded_files(folder))
    except DamagedIndex as exc:
        report.findings.append(Finding("damaged", exc.file, exc.reason))
        return report
    try:
        manifest = Manifest.load(folder, generation(ix))
        _check_files(folder, live_files(ix), manifest, report)
        docs = list(stored_documents(searcher))
        report.documents = len(docs)
        _check_documents(docs, manifest, report)
        rng = random.Random(seed)
        texts = docs if len(docs) <= TEXT_SAMPLE else rng.sample(docs, TEXT_SAMPLE)
        hashes = {e.doc_id: e.text_sha256 for e in manifest.entries.values()
                  if e.state == "indexed" and e.text_sha256}
        for doc in texts:
            if doc.id in hashes and text_hash(doc) != hashes[doc.id]:
                report.findings.append(Finding("text", doc.id, "stored text differs from what was written"))
        report.texts = len(texts)
        for doc in rng.sample(docs, min(QUERY_SAMPLE, len(docs))):
            report.queries += 1
            if missed := unfindable(searcher, doc):
                report.findings.append(Finding("query", doc.id, "not found by " + ", ".join(missed)))
    except Exception as exc:  # reading a damaged index back raises whatever Whoosh meets
        report.findings.append(Finding("damaged", str(folder), f"reading it back failed ({type(exc).__name__})"))
    finally:
        searcher.close()
    _check_strays(folder, report)
    return report


def _check_files(folder: Path, live: list[str], manifest: Manifest, report: Report) -> None:
    for name in live:
        record = manifest.index_files.get(name)
        if record is None:
            continue  # written by a commit the manifest learnt of from its pending batch
        report.files += 1
        if file_hash(folder / name) != record[1]:
            report.findings.append(Finding("damaged", name, "changed since it was written (sha256 differs)"))


def _check_documents(docs: list[StoredDoc], manifest: Manifest, report: Report) -> None:
    counts = Counter(d.id for d in docs)
    wanted = manifest.doc_ids()
    for doc_id in sorted(wanted - counts.keys()):
        report.findings.append(Finding("missing", doc_id, "in the manifest, not in the index"))
    for doc_id in sorted(counts.keys() - wanted):
        report.findings.append(Finding("extra", doc_id, "in the index, not in the manifest"))
    for doc_id, n in sorted(counts.items()):
        if n > 1:
            report.findings.append(Finding("duplicate", doc_id, f"stored {n} times"))


def _check_strays(folder: Path, report: Report) -> None:
    try:
        lock = acquire_lock(folder)
    except IndexBusy as exc:
        report.findings.append(Finding("busy", str(folder), f"{exc}: leftovers not checked"))
        return
    try:
        ix, searcher = open_index(folder)
        searcher.close()
        found = strays(folder, live_files(ix))
    except DamagedIndex:
        found = []
    finally:
        lock.release()
    fresh = folder.with_name(folder.name + REBUILD_SUFFIX)
    for path in found + ([fresh] if fresh.exists() else []):
        report.findings.append(Finding("stray", path.name, "left by an interrupted writer"))


def fix(folder: Path, report: Report) -> list[str]:
    """Repair what `report` found; returns what was done, one line each."""
    kinds = {f.kind for f in report.findings}
    if "absent" in kinds:
        return []
    if kinds & {"damaged", "duplicate", "query"}:
        # A damaged file or wrong postings can touch any document: rebuild from the sources.
        rebuild_index(folder)
        return ["rebuilt the index from its sources"]
    done = []
    ix, searcher = open_index(folder, recorded_files(folder))
    searcher.close()
    with BatchWriter(ix, folder) as writer:
        for stray in strays(folder, live_files(ix)):
            shutil.rmtree(stray) if stray.is_dir() else stray.unlink()
            done.append(f"removed {stray.name}")
        fresh = folder.with_name(folder.name + REBUILD_SUFFIX)
        if fresh.exists():
            shutil.rmtree(fresh)
            done.append(f"removed {fresh.name}")
        for f in report.findings:
            if f.kind == "extra":
                writer.delete(f.subject)
                done.append(f"deleted {f.subject}")
        redo = {f.subject for f in report.findings if f.kind in ("missing", "text")}
        paths = [p for doc_id in sorted(redo) for p in writer.manifest.files_of(doc_id)]
        for path in paths:
            writer.manifest.remove(path)
        existing = [p for p in paths if Path(p).exists()]
        if existing:
            for change in plan(discover(existing), writer.manifest, Summary()):
                if isinstance(change, Removal):
                    writer.delete(change.doc_id)
                else:
                    writer.write(change)
            done.append(f"reindexed {len(redo)} documents from {len(existing)} files")
    return done

