"""Shared fixtures: the shipped bundle, the test flows, and an isolated environment."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

from alternance_tui.advice.load import check_bundle, default_flow_path
from alternance_tui.advice.model import Bundle

# Hypothesis would keep its example database and constants cache in the
# checkout; tests write only inside their own temporary folders.
set_hypothesis_home_dir(tempfile.mkdtemp(prefix="alternance-hypothesis-"))
# Derandomized: a run on CI tries the same examples as the run before it, so a
# red build is reproducible; widen the search with HYPOTHESIS_PROFILE=explore.
settings.register_profile("no-database", database=None, derandomize=True)
settings.register_profile("explore", database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "no-database"))

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _isolated(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """No test reads or writes the real user folders, and the locale is fixed."""
    base = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ALTERNANCE_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("ALTERNANCE_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("ALTERNANCE_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("ALTERNANCE_DOCUMENTS_DIR", str(base / "documents"))
    for key in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(key, raising=False)
    yield


@pytest.fixture(scope="session")
def bundle() -> Bundle:
    """The shipped alternance bundle, checked afresh (never from a cache)."""
    built, problems, _ = check_bundle(default_flow_path())
    assert built is not None, "\n".join(map(str, problems))
    return built


@pytest.fixture(scope="session")
def bike_path() -> Path:
    return DATA / "flows" / "bike.toml"
