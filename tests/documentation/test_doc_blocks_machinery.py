"""The docs test itself (test_doc_blocks.py) catches what issue 26 found: these
pages are made up here, each with one slip, and the message must say where and
what to do. A test that cannot fail would let the pages drift again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .blocks import Block, alternance_calls, commands, parse_page
from .judge import inline_problems, not_run_problems, outcome_problem, same_as_problems
from .project import Project

# README.md's Usage block before issue 26, as it was (abridged to its first
# lines and the diff of two flow folders that no step made).
OLD_USAGE = """# Usage

```sh
alternance                      # the interview (French unless the locale says English)
alternance --lang en            # in English
alternance recommend -a age=20 -a employer_sector=private -a diploma=bac_general \\
    -a duration_months=24 --as-of 2026-01-01 --format json
alternance diff --flow-old flows-before/ --flow-new flows/ --format json   # what an edit changes
```
"""


def _run_page(tmp_path: Path, text: str, name: str = "README.md") -> list[str]:
    project = Project(tmp_path)
    page = parse_page(name, text)
    assert not page.problems
    found = []
    for block in page.blocks:
        if block.runs and (problem := outcome_problem(block, project.run(block.text))):
            found.append(problem)
    return found


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return Project(tmp_path_factory.mktemp("docs-project"))


def _block(text: str, mark: str = "") -> Block:
    page = parse_page("docs/page.md", f"Some text.\n\n{mark}\n```sh\n{text}```\n")
    assert not page.problems, page.problems
    return page.blocks[0]


# The step the README now gives before its first bare `alternance` (item 1).
ACTIVATE = "```sh\n. .venv/bin/activate\n```\n\n"


def test_the_old_usage_block_fails_without_the_venv(tmp_path: Path) -> None:
    """Issue 26, item 1: after the quick start `alternance` is on no PATH, so the
    old Usage, followed to the letter, fails on its first line; the message says
    how a page gets it there."""
    (problem,) = _run_page(tmp_path, OLD_USAGE)
    assert problem.startswith("README.md:4: `alternance` failed with status 127")
    assert "command not found" in problem
    assert "`. .venv/bin/activate`" in problem and "`.venv/bin/alternance`" in problem


def test_the_old_usage_block_fails_on_the_interview(tmp_path: Path) -> None:
    """With the venv activated, its first line starts the full-screen interview:
    seen on the terminal's first bytes and stopped, not waited for."""
    (problem,) = _run_page(tmp_path, ACTIVATE + OLD_USAGE)
    assert problem.startswith("README.md:7: ") and "starts a full-screen app" in problem
    assert "`alternance` (README.md:8)" in problem and "`alternance --lang en`" in problem
    assert "<!-- not run: it starts the interview -->" in problem
    assert "docs/architecture.md" in problem


def test_the_flows_before_example_fails_as_it_was(tmp_path: Path) -> None:
    """Issue 26, item 2: `alternance diff --flow-old flows-before/ ...` with no
    step making flows-before/. Without the interview lines, the diff is what fails."""
    text = OLD_USAGE.replace("alternance                      #", "# alternance  #")
    text = text.replace("alternance --lang en", "# alternance --lang en")
    (problem,) = _run_page(tmp_path, ACTIVATE + text)
    assert problem.startswith("README.md:12: `alternance diff --flow-old flows-before/ ")
    assert "failed with status 2" in problem
    # The program's own words, in the runner's terminal language (C.UTF-8 names
    # none: French, the product's home language; cli/parsers.locale_language).
    assert "--flow-old\u00a0: flows-before\u00a0: fichier de questionnaire introuvable" in problem
    assert "cp -r flows flows-before" in problem  # ... which say what to do
    assert "<!-- not run:" in problem and "<!-- exits 1:" in problem


def test_the_exit_status_of_the_last_command_is_what_a_mark_expects(project: Project) -> None:
    marked = "<!-- exits 1: nothing to see -->"
    assert outcome_problem(_block("true\nfalse\n", marked), project.run("true\nfalse\n")) is None
    early = _block("false\ntrue\n", marked)
    problem = outcome_problem(early, project.run(early.text))
    assert problem is not None and problem.startswith("docs/page.md:5: `false` failed")
    assert "before the last command" in problem
    wrong = _block("exit 3\n", marked)
    problem = outcome_problem(wrong, project.run(wrong.text))
    assert problem is not None and "the mark says the block ends with 1" in problem
    unmarked = _block("# a comment\ntrue\nfalse  # fails\ntrue\n")
    problem = outcome_problem(unmarked, project.run(unmarked.text))
    assert problem is not None and problem.startswith("docs/page.md:7: `false` failed")


def test_a_traceback_fails_even_with_status_0(project: Project) -> None:
    block = _block("echo 'Traceback (most recent call last):' >&2\n")
    problem = outcome_problem(block, project.run(block.text))
    assert problem is not None and "a traceback" in problem


def test_a_block_lives_in_its_own_copy_and_home(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing of the caller's environment and nothing outside the temporary
    folder: HOME, XDG and TMPDIR inside it, no ALTERNANCE_* passed on."""
    monkeypatch.setenv("ALTERNANCE_DATA_DIR", "/nonexistent/data")
    marker = f"docs-test-{os.getpid()}"
    script = (
        f'test -z "${{ALTERNANCE_DATA_DIR:-}}"\n'
        f'touch ~/{marker} {marker} "$TMPDIR/{marker}"\n'
        'case "$HOME$XDG_DATA_HOME$XDG_CONFIG_HOME$XDG_CACHE_HOME$TMPDIR" in\n'
        "  /tmp/*|/var/*) ;; *) exit 9 ;;\nesac\n"
    )
    outcome = project.run(script)
    assert (outcome.status, outcome.stderr) == (0, "")
    assert (project.home / marker).exists() and (project.root / marker).exists()
    assert not (Path.home() / marker).exists()
    assert str(project.root).startswith(str(project.base))


def test_alternance_and_the_venv_run_the_copy(project: Project) -> None:
    """`alternance`, `.venv/bin/alternance` and, after `. .venv/bin/activate`,
    `alternance` again, run the copy's code and read the copy's flows."""
    found = project.run(
        ".venv/bin/python -c 'import alternance_tui; print(alternance_tui.__file__)'\n"
        ". .venv/bin/activate\n"
        "command -v alternance\n"
    )
    assert found.status == 0, found.stderr
    module, command = found.stdout.split()
    assert module == str(project.root / "src/alternance_tui/__init__.py")
    assert command == str(project.root / ".venv/bin/alternance")
    flow = project.root / "flows/alternance.toml"
    before = flow.read_text(encoding="utf-8")
    flow.write_text(before + "\n[oops\n", encoding="utf-8")
    try:
        for alternance in (". .venv/bin/activate; alternance", ".venv/bin/alternance"):
            broken = project.run(f"{alternance} check\n")
            assert broken.status == 1 and "alternance.toml" in broken.stdout
    finally:
        flow.write_text(before, encoding="utf-8")


def test_a_page_is_one_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A reader types a page's blocks in one terminal: the venv activated and the
    folder entered in one block hold in the next. Before that, no `alternance`,
    even when the caller's PATH has one (a developer's activated venv)."""
    elsewhere = tmp_path / "developer-venv"
    elsewhere.mkdir()
    (elsewhere / "alternance").write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    (elsewhere / "alternance").chmod(0o755)
    monkeypatch.setenv("PATH", f"{elsewhere}{os.pathsep}{os.environ['PATH']}")
    project = Project(tmp_path / "reader")
    bare = project.run("alternance check\n")
    assert bare.status == 127 and "alternance: command not found" in bare.stderr
    first = project.run(". .venv/bin/activate\nexport CHOSEN=zoe\nmkdir -p work\ncd work\n")
    assert first.status == 0, first.stderr
    second = project.run('command -v alternance\necho "$CHOSEN"\npwd\n')
    assert second.status == 0, second.stderr
    assert second.stdout.split() == [
        str(project.root / ".venv/bin/alternance"),
        "zoe",
        str(project.root / "work"),
    ]
    failing = project.run("cd ..\nexit 4\n")
    assert failing.status == 4 and failing.line is None  # the block's status, kept
    assert project.run("pwd\n").stdout.strip() == str(project.root)


def test_marks_a_writer_may_get_wrong() -> None:
    page = parse_page(
        "docs/x.md",
        "<!-- not run -->\n```sh\nalternance\n```\n\n"
        "<!-- not run: tui -->\n```sh\nalternance\n```\n\n"
        "<!-- no run: it starts the interview -->\n```sh\nalternance\n```\n\n"
        "<!-- not run: it starts the interview -->\n```toml\na = 1\n```\n\n"
        "```console\n$ alternance check\nno problems found\n```\n\n"
        "```\n.venv/bin/alternance check\n```\n\n"
        "```\nflows/   the domain\n```\n",
    )
    lines = [p.split(": ", 1)[0] for p in page.problems]
    assert lines == [
        "docs/x.md:1",
        "docs/x.md:6",
        "docs/x.md:11",
        "docs/x.md:17",
        "docs/x.md:21",
        "docs/x.md:26",
    ]
    assert "not a mark this test knows" in page.problems[0]
    assert "too short" in page.problems[1]
    assert "marks are for ```sh blocks only" in page.problems[3]
    assert "```sh block" in page.problems[4] and "label it ```sh" in page.problems[5]


def test_a_block_not_run_still_names_real_options() -> None:
    block = _block(
        "alternance serve --prot 8000   # a slip\n"
        "runuser -u kiosk -- alternance chek\n"
        "alternance --kiosk --lang en 2>/dev/null\n"
        "ln -s /opt/alternance/bin/alternance /usr/local/bin/alternance\n",
        "<!-- not run: it starts a server -->",
    )
    problems = not_run_problems(block)
    assert len(problems) == 2
    assert problems[0].startswith("docs/page.md:5: `alternance serve --prot 8000`")
    assert "unrecognized arguments: --prot" in problems[0]
    assert problems[1].startswith("docs/page.md:6: ") and "chek" in problems[1]


def test_a_copy_of_a_file_must_keep_its_commands() -> None:
    same = _block("#!/bin/sh\nexit 0  # shorter comment\n", "<!-- same as .ci/run -->")
    (problem,) = same_as_problems(same)
    assert "differ from .ci/run" in problem and "page: exit 0" in problem
    missing = _block("true\n", "<!-- same as docs/nowhere.sh -->")
    assert same_as_problems(missing) == [
        "docs/page.md:4: <!-- same as docs/nowhere.sh -->: no such file"
    ]


def test_commands_are_read_as_the_shell_would() -> None:
    script = (
        "# only a comment\n"
        "alternance recommend -a age=20 \\\n    --format json  # why\n"
        'cat > me.json <<\'END\'\n{"a": "# not a comment"}\nEND\n'
        "echo '# kept' && alternance schema > out.json\n"
    )
    assert commands(script) == [
        (2, "alternance recommend -a age=20 --format json"),
        (4, "cat > me.json <<'END'"),
        (7, "echo '# kept' && alternance schema > out.json"),
    ]
    assert alternance_calls(commands(script)[2][1]) == [["schema"]]
    assert alternance_calls("A=1 .venv/bin/alternance check | head") == [["check"]]


def test_a_command_named_in_a_sentence_is_checked_too() -> None:
    text = (
        "Run `alternance serve --kiosk` or `alternance sessions show`, then\n"
        "`alternance sessions …` and `alternance recommend --formt json`; also\n"
        "`runuser -u kiosk -- alternance chek` and, wrapped, `alternance diff\n"
        "--as-of-olde 2026-12-31`.\n\n```sh\nalternance --nope\n```\n"
    )
    problems = inline_problems("docs/x.md", text)
    assert [p.split(": ", 1)[0] for p in problems] == ["docs/x.md:2", "docs/x.md:3", "docs/x.md:3"]
    assert "--formt" in problems[0] and "chek" in problems[1] and "--as-of-olde" in problems[2]
