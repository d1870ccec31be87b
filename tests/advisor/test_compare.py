"""Scenarios compared below the UI (advice/compare.py) and `recommend --compare`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from alternance_tui.advice.compare import compare
from alternance_tui.advice.engine import Engine
from alternance_tui.advice.model import Bundle
from alternance_tui.advice.render.compare import render_comparison
from alternance_tui.cli.main import main

AS_OF = dt.date(2026, 1, 1)
PRIVATE = {"age": 20, "employer_sector": "private", "diploma": "bac_general", "duration_months": 24}
PUBLIC = {**PRIVATE, "employer_sector": "public"}


def comparison(bundle: Bundle, lang: str = "en", **scenarios: dict[str, object]):  # type: ignore[no-untyped-def]
    engine = Engine(bundle)
    recs = {k: engine.recommend(v, as_of=AS_OF, lang=lang) for k, v in scenarios.items()}  # type: ignore[arg-type]
    return compare(recs, bundle)


def test_a_public_employer_closes_the_professionalisation_contract(bundle: Bundle) -> None:
    cmp = comparison(bundle, A=PRIVATE, B=PUBLIC)
    contracts = {r.id: r for r in cmp.sections[0].rows}
    pro = contracts["professionalisation"]
    assert pro.status_differs and pro.differs
    a, b = pro.cells
    assert a is not None and b is not None
    assert a.status == "eligible" and a.pay[0] == pytest.approx(1002.67)
    assert b.status == "not_eligible" and "public" in b.why.lower() and b.pay == ()
    assert not contracts["apprenticeship"].differs  # same status, same pay
    [employer] = [row for row in cmp.answers if row.differs]
    assert employer.question == "employer_sector"
    assert cmp.differences == 2


def test_a_longer_contract_changes_the_pay_years_not_the_status(bundle: Bundle) -> None:
    cmp = comparison(bundle, A={**PRIVATE, "duration_months": 12}, B=PRIVATE)
    apprenticeship = next(r for r in cmp.sections[0].rows if r.id == "apprenticeship")
    assert apprenticeship.pay_differs and not apprenticeship.status_differs
    a, b = apprenticeship.cells
    assert a is not None and b is not None and len(a.pay) == 1 and len(b.pay) == 2


def test_identical_scenarios_have_no_difference(bundle: Bundle) -> None:
    assert comparison(bundle, A=PRIVATE, B=dict(PRIVATE)).differences == 0


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_every_format_marks_the_difference_in_words(bundle: Bundle, fmt: str) -> None:
    out = render_comparison(comparison(bundle, "fr", A=PRIVATE, B=PUBLIC), fmt)
    if fmt == "json":
        data = json.loads(out)
        pro = next(r for r in data["contracts"] if r["id"] == "professionalisation")
        assert pro["differs"] and pro["scenarios"]["B"]["status"] == "not_eligible"
        assert pro["scenarios"]["A"]["monthly_gross_eur_by_year"][0] == 1002.67
    else:
        assert "≠ diffère" in out
        assert "Contrat de professionnalisation" in out
        assert "✘ fermé" in out and "✔ ouvert" in out


def test_recommend_compare_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(json.dumps(PRIVATE), encoding="utf-8")
    b.write_text('{"employer_sector": "public"}', encoding="utf-8")  # only what changes
    args = [
        "recommend",
        "--answers",
        str(a),
        "--compare",
        str(b),
        "--as-of",
        "2026-01-01",
        "--lang",
        "en",
    ]
    assert main([*args, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["scenarios"] == ["A", "B"]
    assert data["answers"][1]["values"] == {
        "A": "A private company or association",
        "B": "A public body (State, local authority, hospital…)",
    }


def test_recommend_compare_takes_a_session_with_scenarios(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from alternance_tui.sessions.store import Session, SessionStore

    path = SessionStore(tmp_path).save(
        Session("alternance", PRIVATE, name="Zoé", scenarios={"B": PUBLIC}), "Zoé"
    )
    assert main(["recommend", "--compare", str(path), "--as-of", "2026-01-01", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "≠ Professionalisation contract" in out


def test_recommend_compare_needs_two_scenarios(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    b = tmp_path / "b.json"
    b.write_text(json.dumps(PUBLIC), encoding="utf-8")
    assert main(["recommend", "--compare", str(b)]) == 2
    assert "two scenarios" in capsys.readouterr().err
