"""Every subcommand says why it refuses the same way (cli/output.py): one line
per problem on standard error, prefixed ``alternance:``, exit 2, and whatever
it quotes from the input escaped so that it cannot drive the terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from alternance_tui.cli.main import main

ESCAPE = "\x1b[2J\x07"  # clear the screen, ring the bell


def refusal(capsys: pytest.CaptureFixture[str], args: list[str]) -> str:
    try:
        code = main(args)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    assert code == 2, err
    assert out == ""
    return err


@pytest.mark.parametrize(
    "args",
    [
        # recommend --compare: a file that cannot be read (cli/compare.py)
        ["recommend", "-a", "age=20", "--compare", f"{ESCAPE}.json"],
        # diff: a flow that is not there (cli/diff.py)
        ["diff", "--flow-old", f"{ESCAPE}old", "--flow-new", f"{ESCAPE}new"],
        # sessions: no such session (cli/sessions.py)
        ["sessions", "show", f"Zoe{ESCAPE}"],
        # recommend: an answer that is not one (cli/main.py)
        ["recommend", "-a", f"age={ESCAPE}"],
    ],
    ids=["compare", "diff", "sessions", "recommend"],
)
def test_a_refusal_quotes_the_input_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str]
) -> None:
    err = refusal(capsys, args)
    lines = err.splitlines()
    assert lines and all(line.startswith("alternance: ") for line in lines), err
    assert "\x1b" not in err and "\x07" not in err
    assert "\\x1b" in err  # quoted, visibly


def test_the_formats_offered_are_the_renderers(capsys: pytest.CaptureFixture[str]) -> None:
    """`recommend --format` offers what advice/render's table holds, and
    `--compare` (the same option) renders every one of them."""
    from alternance_tui.advice.render import RENDERERS
    from alternance_tui.advice.render.compare import RENDERERS as COMPARE_RENDERERS

    with pytest.raises(SystemExit):
        main(["recommend", "--format", "xml"])
    offered = capsys.readouterr().err
    assert "choose from " + ", ".join(map(repr, RENDERERS)) in offered, offered
    assert set(COMPARE_RENDERERS) == set(RENDERERS)
