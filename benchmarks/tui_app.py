"""eoreader's TUI as `eoreader --index DIR` starts it, logging when it searches and paints.

Run by benchmarks/tui_latency.py in a pseudo-terminal. Hooks only what any version of the
TUI goes through (`Library.search`, Textual's `App._display`), and appends one JSON line
per event to the log: {"e": "search"|"found"|"paint"|"key", "t": wall-clock seconds, ...}.
"""

from __future__ import annotations

import time

STARTED = time.time()

import builtins  # noqa: E402  (the clock starts before any import)
import json  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
from typing import Any  # noqa: E402


def _install(log_path: str) -> None:
    from eoreader.library import Library

    log = open(log_path, "a", buffering=1, encoding="utf-8")  # noqa: SIM115  open while the app runs
    lock = threading.Lock()

    def emit(event: str, **fields: Any) -> None:
        with lock:
            log.write(json.dumps({"e": event, "t": time.time(), **fields}) + "\n")

    emit("started", at=STARTED)
    search = Library.search

    def logged_search(self: Library, query: str = "", *args: Any, **kwargs: Any) -> Any:
        emit("search", q=query)
        results = search(self, query, *args, **kwargs)
        emit("found", q=query, n=len(results.hits))
        return results

    Library.search = logged_search  # type: ignore[method-assign]
    _after_import("textual.app", lambda: _hook_app(emit))


def _after_import(name: str, then: Any) -> None:
    """Run `then` once module `name` has been imported, where the app imports it: importing
    Textual here would move its import ahead of what the launch does before it."""
    original = builtins.__import__

    def watching(*args: Any, **kwargs: Any) -> Any:
        module = original(*args, **kwargs)
        loaded = sys.modules.get(name)
        # A module is in sys.modules from the start of its import: wait for its end.
        if loaded is not None and not getattr(loaded.__spec__, "_initializing", False):
            builtins.__import__ = original
            then()
        return module

    builtins.__import__ = watching


def _hook_app(emit: Any) -> None:
    from textual import events
    from textual.app import App

    display = App._display

    def logged_display(self: App[Any], screen: Any, renderable: Any) -> None:
        display(self, screen, renderable)
        if renderable is not None:
            emit("paint")

    App._display = logged_display  # type: ignore[method-assign]
    on_event = App.on_event

    async def logged_event(self: App[Any], event: events.Event) -> None:
        if isinstance(event, events.Key):
            emit("key", key=event.key)
        await on_event(self, event)

    App.on_event = logged_event  # type: ignore[method-assign]


def main() -> None:
    log_path, index = sys.argv[1], sys.argv[2]
    _install(log_path)
    from eoreader.cli import main as cli

    sys.argv = ["eoreader", "--index", index]
    cli()


if __name__ == "__main__":
    main()
