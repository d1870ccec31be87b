"""Issue 26, item 8: every shell block of README.md and docs/**/*.md runs as written
in a fresh copy of the project (project.py), or is marked with why it is not run
(blocks.py; the convention for writers is in docs/architecture.md, "Writing docs").
A block that stops working fails here, naming the page, the line and the command."""

from __future__ import annotations

from pathlib import Path

import pytest

from .blocks import SHELL, Page, commands, parse_page
from .judge import inline_problems, not_run_problems, outcome_problem, same_as_problems
from .project import ROOT, Project


def _pages() -> list[str]:
    docs = sorted((ROOT / "docs").rglob("*.md"))
    return ["README.md", *(str(p.relative_to(ROOT)) for p in docs)]


def _page(path: str) -> Page:
    return parse_page(path, (ROOT / path).read_text(encoding="utf-8"))


PAGES = _pages()
PAGES_THAT_RUN = [p for p in PAGES if any(b.runs for b in _page(p).blocks)]


def test_the_pages_are_found() -> None:
    assert "README.md" in PAGES and "docs/updating-rates.md" in PAGES
    assert {"README.md", "docs/updating-rates.md"} <= set(PAGES_THAT_RUN)


@pytest.mark.parametrize("page", PAGES)
def test_every_mark_is_known_and_every_block_not_run_names_real_options(page: str) -> None:
    found = _page(page)
    problems = list(found.problems)
    for block in found.blocks:
        if block.lang not in SHELL or block.runs:
            continue
        if block.mark is not None and block.mark.kind == "same as":
            problems += same_as_problems(block)
        else:
            problems += not_run_problems(block)
    assert not problems, "\n\n".join(problems)


@pytest.mark.parametrize("page", PAGES)
def test_the_commands_named_in_the_text_are_real(page: str) -> None:
    problems = inline_problems(page, (ROOT / page).read_text(encoding="utf-8"))
    assert not problems, "\n\n".join(problems)


@pytest.mark.parametrize("page", PAGES_THAT_RUN)
def test_every_shell_block_runs_as_written(page: str, tmp_path: Path) -> None:
    """The blocks of a page run in order in one copy: a block may make what a
    later one needs (me.json, a session), in front of the reader."""
    project = Project(tmp_path)
    problems = []
    for block in _page(page).blocks:
        if block.runs:
            problem = outcome_problem(block, project.run(block.text))
            if problem is not None:
                problems.append(problem)
    assert not problems, "\n\n".join(problems)


def test_the_quick_start_is_two_commands_and_names_what_they_need() -> None:
    """The brief: one command installs and starts the app, one runs the whole suite
    (.ci/run runs the same install and the same suite). Issue 26, item 4: on
    Debian and Ubuntu `python3 -m venv` needs python3-venv, said before them."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("## Quick start")
    section = text[start : text.index("\n## ", start + 1)]
    blocks = [b for b in parse_page("README.md", section).blocks if b.lang in SHELL]
    assert [len(commands(b.text)) for b in blocks] == [1, 1], "two blocks, one command each"
    install, suite = (commands(b.text)[0][1] for b in blocks)
    assert install.startswith("python3 -m venv .venv && .venv/bin/pip install -e '.[test]'")
    assert install.endswith("&& .venv/bin/alternance")
    assert suite == ".venv/bin/python -m pytest"
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert "python3 -m venv .venv" in ci and "-e '.[test]'" in ci
    assert "\n.venv/bin/python -m pytest\n" in ci
    before = " ".join(section[: section.index("```")].split())
    assert "`python3-venv`" in before and "apt-get install python3-venv" in before
