"""The cache of checked flows: a normal start reuses the checked flow; any change to
a file it came from, or a damaged cache, means checking again, never a crash."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from alternance_tui.advice.load import load_bundle
from alternance_tui.flow import cache as cache_module
from alternance_tui.flow.cache import cache_dir, cached
from alternance_tui.flow.problems import FlowError

from .conftest import BIKE


@pytest.fixture(autouse=True)
def _cache_on(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.delenv("ALTERNANCE_NO_CACHE", raising=False)
    folder = tmp_path / "cache"
    monkeypatch.setenv("ALTERNANCE_CACHE_DIR", str(folder))
    return folder


class Builder:
    """A build function that counts its calls and reads one more file."""

    def __init__(self, main: Path, other: Path | None = None) -> None:
        self.main = main
        self.other = other
        self.calls = 0

    def __call__(self) -> tuple[str, list[Path]]:
        self.calls += 1
        text = self.main.read_text(encoding="utf-8")
        if self.other is not None:
            text += "+" + self.other.read_text(encoding="utf-8")
        return text, [self.other] if self.other is not None else []


def _files(tmp_path: Path) -> tuple[Path, Path]:
    main, other = tmp_path / "flow.toml", tmp_path / "rates.toml"
    main.write_text("one", encoding="utf-8")
    other.write_text("rates", encoding="utf-8")
    return main, other


def test_an_unchanged_flow_is_not_built_again(tmp_path: Path) -> None:
    main, other = _files(tmp_path)
    build = Builder(main, other)
    assert cached(main, build, str) == "one+rates"
    assert cached(main, build, str) == "one+rates"
    assert build.calls == 1


def test_a_changed_flow_file_misses_the_cache(tmp_path: Path) -> None:
    main, other = _files(tmp_path)
    build = Builder(main, other)
    cached(main, build, str)
    main.write_text("two", encoding="utf-8")
    assert cached(main, build, str) == "two+rates"
    assert build.calls == 2


def test_new_engine_code_misses_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A checkout updated in place keeps its version number; objects pickled from
    # the old classes must not be loaded into the new ones.
    main, other = _files(tmp_path)
    build = Builder(main, other)
    cached(main, build, str)
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "other code")
    cached(main, build, str)
    assert build.calls == 2


def test_a_changed_file_it_uses_misses_the_cache(tmp_path: Path) -> None:
    main, other = _files(tmp_path)
    build = Builder(main, other)
    cached(main, build, str)
    other.write_text("new rates", encoding="utf-8")
    assert cached(main, build, str) == "one+new rates"
    assert build.calls == 2


def test_a_deleted_file_it_uses_misses_the_cache(tmp_path: Path) -> None:
    main, other = _files(tmp_path)
    cached(main, Builder(main, other), str)
    other.unlink()
    build = Builder(main)
    assert cached(main, build, str) == "one"
    assert build.calls == 1


@pytest.mark.parametrize(
    "damage",
    [
        lambda entry: entry.write_bytes(b"not a pickle at all"),
        lambda entry: entry.write_bytes(b""),
        lambda entry: entry.write_bytes(entry.read_bytes()[:10]),  # cut short
        lambda entry: entry.write_bytes(b"\x80\x05K\x03."),  # a pickled 3, not (deps, value)
    ],
    ids=["garbage", "empty", "truncated", "wrong shape"],
)
def test_a_damaged_cache_is_ignored_and_rewritten(
    tmp_path: Path, _cache_on: Path, damage: Callable[[Path], object]
) -> None:
    main, other = _files(tmp_path)
    cached(main, Builder(main, other), str)
    entries = list(_cache_on.glob("*.pickle"))
    assert len(entries) == 1
    damage(entries[0])
    build = Builder(main, other)
    assert cached(main, build, str) == "one+rates"
    assert build.calls == 1
    assert cached(main, build, str) == "one+rates"  # and the cache works again
    assert build.calls == 1


def test_a_cached_value_of_the_wrong_kind_is_not_used(tmp_path: Path) -> None:
    main, _ = _files(tmp_path)
    cached(main, lambda: ("text", []), str)
    calls = []

    def build_number() -> tuple[int, list[Path]]:
        calls.append(1)
        return 7, []

    # Same file, but now a number is wanted: the cached text must not come back.
    assert cached(main, build_number, int) == 7
    assert calls == [1]


def test_a_refused_flow_is_not_cached(tmp_path: Path) -> None:
    main, _ = _files(tmp_path)

    def refuse() -> tuple[str, list[Path]]:
        raise FlowError([])

    with pytest.raises(FlowError):
        cached(main, refuse, str)
    build = Builder(main)
    assert cached(main, build, str) == "one"
    assert build.calls == 1


def test_a_cache_that_cannot_be_written_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way", encoding="utf-8")
    monkeypatch.setenv("ALTERNANCE_CACHE_DIR", str(blocker / "cache"))
    main, _ = _files(tmp_path)
    build = Builder(main)
    assert cached(main, build, str) == "one"
    assert cached(main, build, str) == "one"
    assert build.calls == 2


def test_the_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALTERNANCE_NO_CACHE", "1")
    assert cache_dir() is None
    main, _ = _files(tmp_path)
    build = Builder(main)
    cached(main, build, str)
    cached(main, build, str)
    assert build.calls == 2


def test_editing_a_flow_shows_at_the_next_start(tmp_path: Path) -> None:
    flow = tmp_path / "bike.toml"
    shutil.copy(BIKE, flow)
    assert load_bundle(flow).flow.title["en"] == "Which bike suits you?"
    text = flow.read_text(encoding="utf-8")
    flow.write_text(text.replace("Which bike suits you?", "Pick a bike"), encoding="utf-8")
    assert load_bundle(flow).flow.title["en"] == "Pick a bike"


def test_a_flow_broken_after_it_was_cached_is_refused(tmp_path: Path) -> None:
    flow = tmp_path / "bike.toml"
    shutil.copy(BIKE, flow)
    load_bundle(flow)
    flow.write_text(flow.read_text(encoding="utf-8").replace('goto = "ebike"', 'goto = "eb"'))
    with pytest.raises(FlowError) as caught:
        load_bundle(flow)
    assert 'goes to "eb", which is neither a question nor an outcome' in str(caught.value)
