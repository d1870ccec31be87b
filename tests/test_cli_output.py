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


@pytest.mark.parametrize(
    ("args", "french", "english"),
    [
        (["recommend"], "recommend a besoin de réponses", "recommend needs answers"),
        (
            ["recommend", "--compare", "{empty}"],
            "--compare demande deux scénarios",
            "--compare needs two scenarios",
        ),
        (["diff", "--as-of-old", "2026-01-01"], "vont ensemble", "go together"),
        (["diff", "--flow-old", "{nowhere}", "--flow-new", "{nowhere}"], "introuvable", "no such"),
        (["sessions", "show", "Nobody"], "aucune session nommée", "no session named"),
        (["serve", "--host", "0.0.0.0"], "demande --public-url", "needs --public-url"),
    ],
    ids=["recommend", "compare", "diff", "diff-flow", "sessions", "serve"],
)
def test_a_refusal_is_in_the_language_asked_for(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    args: list[str],
    french: str,
    english: str,
) -> None:
    (tmp_path / "empty.json").write_text("{}", encoding="utf-8")
    args = [a.format(empty=tmp_path / "empty.json", nowhere=tmp_path / "nowhere") for a in args]
    for lang, said, not_said in (("fr", french, english), ("en", english, french)):
        err = refusal(capsys, [*args, "--lang", lang])
        assert said in err and not_said not in err, err


@pytest.mark.parametrize(
    ("locale", "said"),
    [("fr_FR.UTF-8", "aucun problème trouvé"), ("en_GB.UTF-8", "no problems found")],
)
def test_check_ends_in_the_terminals_language(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, locale: str, said: str
) -> None:
    monkeypatch.setenv("LANG", locale)
    assert main(["check"]) == 0
    assert capsys.readouterr().err.strip() == said


def test_a_full_server_says_so_in_the_language_it_serves() -> None:
    from alternance_tui.serve.server import busy

    assert "Trop de monde" in busy("fr") and "Too many" not in busy("fr")
    assert "Too many people" in busy("en")
    assert busy("en").startswith("\x1b[2J\x1b[H")  # the terminal cleared first
