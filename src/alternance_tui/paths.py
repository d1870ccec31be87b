"""Where the shipped flows are: beside the sources in a checkout, inside the
package once built. Kept free of imports so the first screen can ask cheaply."""

from __future__ import annotations

from pathlib import Path


def default_flows_dir() -> Path:
    package = Path(__file__).resolve().parent
    for candidate in (package / "_flows", package.parent.parent / "flows"):
        if candidate.is_dir():
            return candidate
    return package / "_flows"


def default_flow_path() -> Path:
    return default_flows_dir() / "alternance.toml"
