"""The sorted postings of each segment a run writes, kept in a temporary file, so that the
run's last commit merges them back with marshal instead of decoding Whoosh's posting
blocks term by term (that decoding was half of the merge)."""

from __future__ import annotations

import marshal
import os
import shutil
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

Post = tuple[str, bytes, int, float, bytes]
# Folders are named for the process that writes them: one whose process is gone (killed
# mid-run) is deleted by the next run.
PREFIX = "eoreader-runs-"

# Postings per marshalled list: enough that marshal and zlib do the work, few enough that
# the last commit of 100,000 documents, reading 333 segments at once, holds ~70 MB of them.
CHUNK = 1_000


class Runs:
    """Postings of the segments this run committed, by segment id, until `close()`."""

    def __init__(self) -> None:
        self._folder: Path | None = None
        self._files: dict[str, Path] = {}

    def tee(self, segment_id: str, postings: Iterable[Post]) -> Iterator[Post]:
        """`postings` passed on, and kept for `segment_id` once all have been passed."""
        if self._folder is None:
            _remove_stale()
            self._folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))
        path = self._folder / segment_id
        with path.open("wb") as f:
            chunk: list[Post] = []
            for post in postings:
                yield post
                chunk.append(post)
                if len(chunk) >= CHUNK:
                    _write(f, chunk)
                    chunk = []
            if chunk:
                _write(f, chunk)
            _write(f, [])  # the end
        # Only a segment whose every posting went by is kept: a failed commit leaves none.
        self._files[segment_id] = path

    def postings(self, segment_id: str) -> Iterator[Post] | None:
        """The postings `tee` kept for `segment_id`, in order; None if it kept none."""
        path = self._files.get(segment_id)
        return None if path is None else _read(path)

    def close(self) -> None:
        """Delete the files."""
        folder, self._folder, self._files = self._folder, None, {}
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


def _remove_stale() -> None:
    """Delete the folders of runs whose process no longer exists."""
    for folder in Path(tempfile.gettempdir()).glob(f"{PREFIX}*-*"):
        pid = folder.name.removeprefix(PREFIX).split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _write(f: BinaryIO, chunk: list[Post]) -> None:
    # Compressed, fastest level: a quarter of the size (a run of 100,000 documents would
    # otherwise take more disk than its index) for a few percent of the time.
    data = zlib.compress(marshal.dumps(chunk), 1)
    f.write(len(data).to_bytes(4, "little"))
    f.write(data)


def _read(path: Path) -> Iterator[Post]:
    with path.open("rb") as f:
        while chunk := marshal.loads(zlib.decompress(f.read(int.from_bytes(f.read(4), "little")))):
            yield from chunk
