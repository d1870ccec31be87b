"""Where the shipped flows are: beside the sources in a checkout, inside the
package once built. Kept free of imports so the first screen can ask cheaply."""

from __future__ import annotations

import os
from pathlib import Path


def default_flows_dir() -> Path:
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_flows", package.parent.parent / "flows"):
        if candidate.is_dir():
            return candidate
    return package / "_flows"


def default_flow_path() -> Path:
    return default_flows_dir() / "alternance.toml"


def cache_dir() -> Path | None:
    """Where validated flows are cached (None: caching is off).

    The cache holds no answers, only what was derived from the flow files.
    """
    if os.environ.get("ALTERNANCE_NO_CACHE"):
        return None
    override = os.environ.get("ALTERNANCE_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("alternance-tui", appauthor=False)) / "flows"
