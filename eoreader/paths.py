"""Where the index and the user's data live."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_INDEX = "EOREADER_INDEX"
APP_NAME = "eoreader"

# The checkout this package runs from, if it runs from one (pyproject.toml beside it).
_CHECKOUT = Path(__file__).resolve().parent.parent


def checkout() -> Path | None:
    """The source checkout eoreader runs from, or None when installed as a package."""
    if (_CHECKOUT / "pyproject.toml").is_file() and (_CHECKOUT / "seeds").is_dir():
        return _CHECKOUT
    return None


def data_dir() -> Path:
    """The platform's per-user data folder for eoreader."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def index_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The index folder: `explicit`, else $EOREADER_INDEX, else the checkout's, else user data."""
    if explicit:
        return Path(explicit).expanduser()
    if env := os.environ.get(ENV_INDEX):
        return Path(env).expanduser()
    if root := checkout():
        return root / "index"
    return data_dir() / "index"


def seeds_dir() -> Path | None:
    """The embedded default corpus, when running from a checkout."""
    root = checkout()
    return root / "seeds" if root else None
