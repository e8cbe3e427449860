"""Launching the reader: the index opens and the first search starts before Textual loads.

Importing Textual and building the app take most of the first 0.4 s; the first screen's
search runs beside them, so its results are there for the first frame.
"""

from __future__ import annotations

import gc
import shutil

from eoreader import paths
from eoreader.library import Library
from eoreader.tui.searching import Ahead, Request, page_size


def run(index_dir: str | None = None) -> None:
    """Open the index (filled from seeds/ on first launch from a checkout) and run the app."""
    with Library(index_dir) as library:
        seeds = paths.seeds_dir()
        if not len(library) and seeds is not None:
            library.ingest([seeds])
        # The page the search screen will ask for: Textual will see the same terminal.
        ahead = Ahead(library, Request(limit=page_size(shutil.get_terminal_size().lines)))
        from eoreader.tui.app import EOReaderApp

        _collect_rarely()
        EOReaderApp(library, ahead=ahead).run()


def _collect_rarely() -> None:
    """Python's full collections walk every object alive: typing three queries at 100,000
    documents made about ten, of 25-50 ms each, which a keystroke's results waited out.
    What the launch built (modules, the index's tables) lives as long as the app: freeze it
    out of the collections; and make full collections a hundred times rarer (young objects
    are still collected as often)."""
    gc.freeze()
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, 1000)
