"""Damage to each kind of index file: found on opening (and rebuilt) or by `eoreader check`.

Lucene's crash tests damage files six ways; here five (delete, zero, half-truncate, flip a
byte, truncate to zero) on the newest TOC, the segment file, and the postings and terms
inside it (eoreader's segments are compound: those two are regions of the segment file).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from whoosh.filedb.compound import CompoundStorage
from whoosh.filedb.structfile import StructFile

from eoreader import Library
from eoreader.integrity import check, fix
from eoreader.search import DamagedIndex
from tests.reliability.helpers import signature, small_corpus, tree_hashes

Damage = Callable[[bytes, int, int], bytes]


def _delete(data: bytes, start: int, end: int) -> bytes:
    return data[:start] + data[end:]


def _zero(data: bytes, start: int, end: int) -> bytes:
    return data[:start] + bytes(end - start) + data[end:]


def _half_truncate(data: bytes, start: int, end: int) -> bytes:
    return data[:start + (end - start) // 2]


def _flip(data: bytes, start: int, end: int) -> bytes:
    middle = start + (end - start) // 2
    return data[:middle] + bytes([data[middle] ^ 0x10]) + data[middle + 1:]


def _truncate_to_zero(data: bytes, start: int, end: int) -> bytes:
    return data[:start]


DAMAGES: dict[str, Damage] = {"delete": _delete, "zero": _zero, "half-truncate": _half_truncate,
                              "flip a byte": _flip, "truncate to zero": _truncate_to_zero}
KINDS = ("newest TOC", "segment", "postings", "terms")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("damage")
    sources = small_corpus(base / "sources")
    with Library(base / "index") as library:
        library.ingest([sources])
    return base / "index", sources


def _target(folder: Path, kind: str) -> tuple[Path, int, int]:
    """The file holding `kind`, and the byte range of it inside that file."""
    if kind == "newest TOC":
        toc = max(folder.glob("_MAIN_*.toc"), key=lambda p: int(p.stem.split("_")[-1]))
        return toc, 0, toc.stat().st_size
    segment = max(folder.glob("MAIN_*.seg"), key=lambda p: p.stat().st_size)
    if kind == "segment":
        return segment, 0, segment.stat().st_size
    with segment.open("rb") as f:
        storage = CompoundStorage(StructFile(f), use_mmap=False)
        ext = ".pst" if kind == "postings" else ".trm"
        name = next(n for n in storage._dir if n.endswith(ext))
        start, length = storage.range(name)
    return segment, start, start + length


def _damage(folder: Path, kind: str, how: str) -> Path:
    path, start, end = _target(folder, kind)
    if how == "delete" and (start, end) == (0, path.stat().st_size):
        path.unlink()
    else:
        path.write_bytes(DAMAGES[how](path.read_bytes(), start, end))
    return path


def test_every_damage_to_every_kind_of_file_is_found_and_repaired(pristine: tuple[Path, Path], tmp_path: Path) -> None:
    index, sources = pristine
    expected, sources_before = signature(index), tree_hashes(sources)
    found: dict[str, list[str]] = {"at open": [], "by check": []}
    missed = []
    for kind in KINDS:
        for how in DAMAGES:
            case = f"{how} {kind}"
            folder = tmp_path / case.replace(" ", "-") / "index"
            shutil.copytree(index, folder)
            damaged = _damage(folder, kind, how)
            try:
                Library(folder, rebuild=False).close()
            except DamagedIndex as exc:
                assert exc.file.startswith(str(folder)), exc
                lines: list[str] = []
                Library(folder, notify=lines.append).close()
                assert len(lines) == 1 and damaged.name in lines[0], (case, lines)
                found["at open"].append(case)
            else:
                report = check(folder)
                kinds = {f.kind for f in report.findings}
                if not kinds & {"damaged", "text", "query", "missing", "extra"}:
                    missed.append(case)
                    continue
                fix(folder, report)
                assert check(folder).ok, case
                found["by check"].append(case)
            assert signature(folder) == expected, case
    assert tree_hashes(sources) == sources_before
    tried = len(KINDS) * len(DAMAGES)
    print(f"\ndamage: {tried - len(missed)}/{tried} detected ({len(found['at open'])} on opening, "
          f"{len(found['by check'])} by eoreader check); by check: {', '.join(found['by check'])}")
    assert not missed, f"not detected: {missed}"


@pytest.mark.parametrize("how", ["flip a byte", "zero"])
def test_damaged_postings_found_by_a_search_say_so(pristine: tuple[Path, Path], tmp_path: Path, how: str) -> None:
    """Damage inside one posting list opens fine (opening reads only the first list of two
    fields): the search that reads it says the index is damaged, which file, and what to
    run, whatever the bytes lead Whoosh to raise."""
    folder = tmp_path / "index"
    shutil.copytree(pristine[0], folder)
    word, segment, start, end = _longest_postings(folder)
    segment.write_bytes(DAMAGES[how](segment.read_bytes(), start, end))
    with Library(folder, rebuild=False) as library:
        with pytest.raises(DamagedIndex) as raised:
            library.search(word)
    assert segment.name in str(raised.value) and "eoreader check --fix" in str(raised.value)


def _longest_postings(folder: Path) -> tuple[str, Path, int, int]:
    """The body word with the longest posting list, its segment file and the list's bytes."""
    from eoreader.search.store import open_index

    segment = max(folder.glob("MAIN_*.seg"), key=lambda p: p.stat().st_size)
    _, searcher = open_index(folder)
    try:
        reader = next(r for r, _ in searcher.reader().leaf_readers() if segment.stem in repr(r.segment()))
        infos = {w: reader._terms.term_info("body", w) for w in reader.lexicon("body")}
    finally:
        searcher.close()
    word, info = max(infos.items(), key=lambda wi: wi[1]._length[0])
    with segment.open("rb") as f:
        storage = CompoundStorage(StructFile(f), use_mmap=False)
        base, _ = storage.range(next(n for n in storage._dir if n.endswith(".pst")))
    start = base + info._offset
    return word.decode(), segment, start, start + info._length[0]
