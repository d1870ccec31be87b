"""Issue 23, item 12: a staff exit code nobody could type is refused at start;
control characters in a flow's texts are refused by `check` and, should such a
flow be run anyway, escaped in every output."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from alternance_tui.advice.load import check_bundle
from alternance_tui.advice.render import render
from alternance_tui.cli.main import main
from alternance_tui.files.paths import default_flows_dir
from alternance_tui.flow.answers import parse_answers
from alternance_tui.tui.options import MAX_PIN, PIN_VARIABLE

YOUNG = {"age": 20, "employer_sector": "private", "diploma": "bac_general", "duration_months": 24}
TITLE = "\x1b]0;PWNED\x07"


def run(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int, str, str]:
    try:
        code = main(args)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("pin", "said"),
    [("1" * (MAX_PIN + 1), "at most 32"), ("12\n34", "cannot be typed"), ("12\x1b", "typed")],
)
def test_an_exit_code_the_pin_pad_cannot_take_is_refused_at_start(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, pin: str, said: str
) -> None:
    from alternance_tui.tui import app

    monkeypatch.setattr(app, "run", lambda options: 0)  # the kiosk would start: it must not
    monkeypatch.setenv("LANG", "en_US.UTF-8")  # the refusal is in the terminal's language
    code, _, err = run(capsys, ["--kiosk", "--exit-pin", pin])
    assert code == 2 and said in err and "\x1b" not in err
    monkeypatch.setenv(PIN_VARIABLE, pin)
    code, _, err = run(capsys, ["--kiosk"])
    assert code == 2 and PIN_VARIABLE in err
    from alternance_tui.serve import server

    monkeypatch.setattr(server, "serve", lambda options: 0)  # would serve: it must not
    code, _, err = run(capsys, ["serve", "--kiosk", "--port", "8499"])
    assert code == 2 and PIN_VARIABLE in err and said in err


def _flow_with_a_control_character(tmp_path: Path) -> Path:
    flows = tmp_path / "flows"
    shutil.copytree(default_flows_dir(), flows)
    flow = flows / "alternance.toml"
    text = flow.read_text(encoding="utf-8")
    flow.write_text(
        text.replace('en = "Age at the start"', 'en = "Age\\u001b]0;PWNED\\u0007"', 1),
        encoding="utf-8",
    )
    return flow


def test_check_refuses_a_control_character_in_a_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    flow = _flow_with_a_control_character(tmp_path)
    code, out, _ = run(capsys, ["check", str(flow)])
    assert code == 1
    assert "alternance.toml:20: questions[1].short.en: the en text holds a control" in out
    assert "\x1b" not in out


def test_every_output_format_escapes_a_control_character_from_the_flow(
    tmp_path: Path,
) -> None:
    from alternance_tui.advice.engine import Engine

    built, _, _ = check_bundle(default_flows_dir() / "alternance.toml")
    assert built is not None
    # As if a flow had such a text anyway (an older checker, a flow built in memory).

    question = built.flow.questions["age"]
    short = dict.fromkeys(question.short or {}, f"Age{TITLE}")
    questions = {**built.flow.questions, "age": dataclasses.replace(question, short=short)}
    bundle = dataclasses.replace(built, flow=dataclasses.replace(built.flow, questions=questions))
    answers, _ = parse_answers(bundle.flow, YOUNG, "en")

    rec = Engine(bundle).recommend(answers, as_of=dt.date(2026, 1, 1), lang="en")
    for fmt in ("text", "markdown", "html", "json"):
        out = render(rec, bundle, fmt)
        assert "\x1b" not in out and "\x07" not in out, fmt
        if fmt != "json":
            assert "Age\\x1b]0;PWNED\\x07" in out, fmt  # shown, escaped
    json.loads(render(rec, bundle, "json"))  # still JSON
