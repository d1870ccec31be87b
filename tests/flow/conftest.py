"""Fixtures for the flow engine's tests: the bike flow, the shipped flow, and small
flows written on the spot."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from alternance_tui.advice.load import default_flow_path
from alternance_tui.flow.load import check_flow_file, load_flow
from alternance_tui.flow.model import Flow
from alternance_tui.flow.problems import Problem

DATA = Path(__file__).resolve().parent.parent / "data"
BIKE = DATA / "flows" / "bike.toml"
SHIPPED = default_flow_path()

HEADER = """\
id = "mini"
title = { en = "Mini", fr = "Mini" }
languages = ["en", "fr"]
"""


def question_toml(
    qid: str,
    kind: str,
    *,
    next_rules: list[tuple[str | None, str]] | None = None,
    choices: tuple[str, ...] = (),
    extra: str = "",
) -> str:
    """One [[questions]] block; ``next_rules`` are (when or None, goto)."""
    lines = [
        "[[questions]]",
        f'id = "{qid}"',
        f'kind = "{kind}"',
        f'prompt = {{ en = "{qid}?", fr = "{qid} ?" }}',
    ]
    if extra:
        lines.append(textwrap.dedent(extra).strip())
    if next_rules is not None:
        lines.append("next = [")
        for when, goto in next_rules:
            if when is None:
                lines.append(f'  {{ goto = "{goto}" }},')
            else:
                lines.append(f"  {{ when = '{when}', goto = \"{goto}\" }},")
        lines.append("]")
    for choice in choices:
        lines += [
            "[[questions.choices]]",
            f'id = "{choice}"',
            f'label = {{ en = "{choice}", fr = "{choice}" }}',
        ]
    return "\n".join(lines) + "\n"


def outcomes_toml(*ids: str) -> str:
    return "".join(f'[[outcomes]]\nid = "{o}"\ntitle = {{ en = "{o}", fr = "{o}" }}\n' for o in ids)


WriteFlow = Callable[..., Path]


@pytest.fixture
def write_flow(tmp_path: Path) -> WriteFlow:
    """Write HEADER + the given blocks to a file and return its path."""

    def write(*blocks: str, name: str = "mini.toml") -> Path:
        path = tmp_path / name
        path.write_text(HEADER + "\n" + "\n".join(blocks), encoding="utf-8")
        return path

    return write


def problems_of(path: Path) -> list[Problem]:
    return check_flow_file(path)[1]


def errors_of(path: Path) -> list[Problem]:
    return [p for p in problems_of(path) if p.severity == "error"]


@pytest.fixture(scope="session")
def bike() -> Flow:
    return load_flow(BIKE)


@pytest.fixture(scope="session")
def shipped() -> Flow:
    return load_flow(SHIPPED)
