"""The command-line contract of DESIGN.md, end to end through `main()`."""

from __future__ import annotations

import json

import pytest

from alternance_tui.cli import main


def test_recommend_json_done_when_example(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "recommend",
            "-a",
            "age=20",
            "-a",
            "employer_sector=private",
            "-a",
            "diploma=bac_general",
            "-a",
            "duration_months=24",
            "--as-of",
            "2026-01-01",
            "--format",
            "json",
            "--lang",
            "en",
        ]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    contracts = {c["id"]: c for c in data["contracts"]}
    apprenticeship = contracts["apprenticeship"]
    assert apprenticeship["eligible"] is True
    years = apprenticeship["pay"]["years"]
    assert [(y["year"], y["age"], y["percent_of_smic"], y["monthly_gross_eur"]) for y in years] == [
        (1, 20, 43, 783.90),
        (2, 21, 61, 1112.05),
    ]
    prof = contracts["professionalisation"]
    assert prof["eligible"] is True
    assert [y["percent_of_smic"] for y in prof["pay"]["years"]] == [55, 70]
    assert contracts["training"]["eligible"] is True
    assert contracts["training"]["pay"] is None
    assert contracts["internship"]["eligible"] is False


def test_check_passes_on_shipped_flows(capsys: pytest.CaptureFixture[str]) -> None:
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
    assert main(argv) == 0
    options = seen[0]
    assert (options.lang, options.lang_given) == (lang, given)  # type: ignore[attr-defined]
