"""docs/traceability.md cannot rot: every data key path it names exists in the
flow files, and every test it names exists."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "traceability.md"
HERE = Path(__file__).resolve().parent

DATA_REF = re.compile(r"`(flows/[\w.-]+\.toml)(?: ([^`]+))?`")
TEST_REF = re.compile(r"`(test_\w+\.py)::(test_\w+)`")
SEGMENT = re.compile(r"([\w-]+)((?:\[[^\]]+\])*)")
SELECTOR = re.compile(r"\[([^\]]+)\]")


def _doc() -> str:
    return DOC.read_text(encoding="utf-8")


def _select(value: Any, selector: str, where: str) -> Any:
    assert isinstance(value, list), f"{where}: [{selector}] needs a list"
    if selector.isdigit():
        index = int(selector)
        assert 1 <= index <= len(value), f"{where}: [{index}] of {len(value)} entries"
        return value[index - 1]
    key, sep, wanted = selector.partition("=")
    if not sep:
        key, wanted = "id", selector
    found = [
        entry
        for entry in value
        if isinstance(entry, dict) and key in entry and str(entry[key]) == wanted
    ]
    assert len(found) == 1, f"{where}: [{selector}] matches {len(found)} entries"
    return found[0]


def resolve(data: dict[str, Any], path: str) -> Any:
    """The value at ``path`` ("items[apprenticeship].pay.bands[2]") in TOML data."""
    value: Any = data
    where = ""
    for part in path.split("."):
        match = SEGMENT.fullmatch(part)
        assert match, f"cannot read {part!r} in {path!r}"
        key, selectors = match.groups()
        where = f"{where}.{key}" if where else key
        assert isinstance(value, dict) and key in value, f"no key {where!r}"
        value = value[key]
        for selector in SELECTOR.findall(selectors):
            value = _select(value, selector, where)
            where += f"[{selector}]"
    return value


def _data_refs() -> list[tuple[str, str]]:
    return sorted({(m.group(1), m.group(2) or "") for m in DATA_REF.finditer(_doc())})


def _test_refs() -> list[tuple[str, str]]:
    return sorted(set(TEST_REF.findall(_doc())))


def test_the_doc_names_data_and_tests() -> None:
    assert len(_data_refs()) > 80
    assert len(_test_refs()) > 60


@pytest.mark.parametrize(("file", "path"), _data_refs())
def test_data_key_exists(file: str, path: str) -> None:
    data = tomllib.loads((ROOT / file).read_text(encoding="utf-8"))
    if path:
        assert resolve(data, path) is not None


@pytest.mark.parametrize(("file", "name"), _test_refs())
def test_named_test_exists(file: str, name: str) -> None:
    source = HERE / file
    assert source.is_file(), file
    tree = ast.parse(source.read_text(encoding="utf-8"))
    defined = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    assert name in defined, f"{file} has no {name}"


def test_resolve_reads_the_doc_conventions() -> None:
    data = {
        "items": [
            {"id": "a", "pay": {"bands": [{"p": 1}, {"p": 2}]}},
            {"id": "b", "values": [{"from": "2026-01-01", "v": 3}]},
        ]
    }
    assert resolve(data, "items[a].pay.bands[2].p") == 2
    assert resolve(data, "items[2].values[from=2026-01-01].v") == 3
    with pytest.raises(AssertionError):
        resolve(data, "items[c]")
    with pytest.raises(AssertionError):
        resolve(data, "items[a].pay.bands[3]")
    with pytest.raises(AssertionError):
        resolve(data, "items[a].salary")
