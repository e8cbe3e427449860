"""Launching the reader: the index opens and the first search starts before Textual loads.

Importing Textual and building the app take most of the first 0.4 s; the first screen's
search runs beside them, so its results are there for the first frame.
"""

from __future__ import annotations

from eoreader import paths
from eoreader.library import Library
from eoreader.tui.searching import Ahead, Request


def run(index_dir: str | None = None) -> None:
    """Open the index (filled from seeds/ on first launch from a checkout) and run the app."""
    with Library(index_dir) as library:
        seeds = paths.seeds_dir()
        if not len(library) and seeds is not None:
            library.ingest([seeds])
        ahead = Ahead(library, Request())
        from eoreader.tui.app import EOReaderApp

        EOReaderApp(library, ahead=ahead).run()
