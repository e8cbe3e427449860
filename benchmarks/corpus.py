"""The shared corpus replicated to any size: copies with new ids and shuffled paragraphs.

The real documents are parsed once by eoreader's own ingest and cached (keyed by the
ingest code, so a changed reader re-parses). Document i of a replica of size N is copy
i // B of base document i % B (B = the number of real documents): copy 0 is the real
document, later copies get a new id, a number from an unused range and their paragraphs
shuffled, so vocabulary and lengths stay real while no two documents are identical.

    python -m benchmarks.corpus --docs 10000 --files /tmp/replica   # write .txt files
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import os
import pickle
import random
from collections.abc import Iterator
from pathlib import Path

from eoreader.model import Document, KeyPoint

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("EOREADER_CORPUS", ROOT.parent / "shared" / "corpus"))
CACHE = Path(__file__).resolve().parent / ".cache"
# Copies' order numbers start here: real orders stop near 14,400 and proclamations near
# 11,000, so a copy can never be taken for (or merged with) a real one.
COPY_NUMBERS = 100_000
FILES_PER_FOLDER = 1000


def _ingest_key() -> str:
    """A hash of the code that turns files into Documents: a new reader means a new parse."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "eoreader").glob("ingest/*.py")) + [ROOT / "eoreader" / "model.py"]:
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def base_documents(corpus: Path = CORPUS) -> list[Document]:
    """Every document of the shared corpus as eoreader parses it (cached), sorted by id."""
    cache = CACHE / f"base-{_ingest_key()}.pickle"
    if cache.exists():
        with cache.open("rb") as f:
            return pickle.load(f)
    from eoreader.ingest import Manifest, Summary, discover, plan

    if not corpus.is_dir():
        raise SystemExit(f"the shared corpus is not at {corpus}")
    docs: dict[str, Document] = {}
    # A document whose files fall in two parse groups comes twice; the last is the merge of all.
    for change in plan(discover([corpus]), Manifest(), Summary()):
        docs[change.document.id] = change.document
    ordered = [docs[k] for k in sorted(docs)]
    CACHE.mkdir(exist_ok=True)
    for old in CACHE.glob("base-*.pickle"):
        old.unlink()
    with cache.open("wb") as f:
        pickle.dump(ordered, f, protocol=pickle.HIGHEST_PROTOCOL)
    return ordered


def replicate(base: list[Document], n: int, seed: int = 10, start: int = 0) -> Iterator[Document]:
    """Documents `start` to `n` of the replica: the real ones (in a fixed shuffled order),
    then shuffled copies."""
    order = list(range(len(base)))
    random.Random(seed).shuffle(order)  # so a small N mixes kinds and years
    for i in range(start, n):
        doc = base[order[i % len(base)]]
        copy_no = i // len(base)
        yield doc if copy_no == 0 else _copy(doc, i, copy_no, seed)


def _copy(doc: Document, i: int, copy_no: int, seed: int) -> Document:
    rng = random.Random(seed * 1_000_003 + i)
    new = copy.deepcopy(doc)
    if doc.number:
        new.number = str(COPY_NUMBERS + i)
        new.id = doc.id.replace(doc.number, new.number) if doc.number in doc.id else f"{doc.id}-r{copy_no}"
    else:
        new.id = f"{doc.id}-r{copy_no}"
    sections = [s for _, s in new.walk()]
    paragraphs = [[p for p in s.text.split("\n") if p.strip()] for s in sections]
    pool = [p for ps in paragraphs for p in ps]
    rng.shuffle(pool)
    start = 0
    for section, ps in zip(sections, paragraphs):
        section.text = "\n".join(pool[start:start + len(ps)])
        start += len(ps)
    # Key point spans pointed into the unshuffled text; the text of each stays.
    new.key_points = [KeyPoint(text=k.text, type=k.type, actor=k.actor, due=k.due) for k in doc.key_points]
    new.sources = [f"replica/{copy_no}/{Path(s).name}" for s in doc.sources]
    return new


def as_text(doc: Document) -> str:
    """`doc` as a plain-text file eoreader's text reader reads: a date line, title, body."""
    date = f"date {doc.date.isoformat()}\n\n" if doc.date else ""
    return f"{date}{doc.title}\n\n{doc.body()}\n"


def write_files(docs: Iterator[Document], folder: Path, start: int = 0) -> list[Path]:
    """Each document as `folder/NNN/<id>.txt`, a thousand to a folder; returns the paths."""
    paths = []
    for i, doc in enumerate(docs, start):
        sub = folder / f"{i // FILES_PER_FOLDER:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"{doc.id}.txt"
        path.write_text(as_text(doc), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, required=True)
    parser.add_argument("--files", type=Path, help="write the replica here as .txt files")
    args = parser.parse_args()
    base = base_documents()
    docs = replicate(base, args.docs)
    if args.files:
        print(f"{len(write_files(docs, args.files))} files in {args.files}")
    else:
        ids = {d.id for d in docs}
        print(f"{len(base)} real documents -> {len(ids)} unique ids")


if __name__ == "__main__":
    main()
