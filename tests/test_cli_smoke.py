"""`alternance check` on the shipped flows, and what the TUI is started with.

(The `recommend` contract is tested in tests/advice/test_recommend_cli.py.)"""

from __future__ import annotations

import pytest

from alternance_tui.cli.main import main


def test_check_passes_on_shipped_flows(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")  # the summary is in the terminal's language
    assert main(["check"]) == 0
    assert "no problems" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "lang", "given"),
    [([], "fr", False), (["--lang", "en"], "en", True), (["--lang=fr"], "fr", True)],
)
def test_the_tui_knows_whether_the_language_was_asked_for(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], lang: str, given: bool
) -> None:
    seen: list[object] = []
    monkeypatch.setattr("alternance_tui.tui.app.run", lambda options: seen.append(options) or 0)
    # --tui: pytest's output is not a terminal, which would choose --plain.
    assert main([*argv, "--tui"]) == 0
    options = seen[0]
    assert (options.lang, options.lang_given) == (lang, given)  # type: ignore[attr-defined]
