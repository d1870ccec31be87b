"""Net pay estimates against mon-entreprise's own rules (tests/advice/data/
mon_entreprise_net.json, made by mon_entreprise_net.mjs beside it: its provenance,
package versions and situation are in the file), and what a person reads."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from alternance_tui.advice.compiled import CompiledRules
from alternance_tui.advice.model import Bundle, GridPay
from alternance_tui.advice.pay.base import PayContext
from alternance_tui.advice.pay.net import net_for

from .support import advise, contract, person

_FIXTURE = json.loads((Path(__file__).parent / "data" / "mon_entreprise_net.json").read_text())
_CONTRACTS = {"apprentissage": "apprenticeship", "professionnalisation": "professionalisation"}


def _pay(bundle: Bundle, item_id: str) -> GridPay:
    section = next(s for s in bundle.sections if s.id == "contracts")
    pay = next(i for i in section.items if i.id == item_id).pay
    assert isinstance(pay, GridPay)
    return pay


def test_fixture_covers_both_sides_of_1_march_2025_and_both_contracts() -> None:
    seen = {(c["contract"], c["date"] < "2025-03-01") for c in _FIXTURE["cases"]}
    assert seen == {(c, before) for c in _CONTRACTS for before in (True, False)}
    assert _FIXTURE["provenance"]["packages"]["modele-social"]


@pytest.mark.parametrize(
    "case", _FIXTURE["cases"], ids=lambda c: f"{c['contract']}-{c['date']}-{c['percent_of_smic']}"
)
def test_net_within_1_percent_of_mon_entreprise(bundle: Bundle, case: dict[str, Any]) -> None:
    pay = _pay(bundle, _CONTRACTS[case["contract"]])
    signed = dt.date.fromisoformat(case["date"])
    holds = CompiledRules(bundle.sections).holds
    env = {"employer_sector": "private"}
    net = net_for(pay.net, PayContext(bundle.flow, env, bundle.rates, signed, "en", holds))
    assert net is not None
    assert net(case["gross_eur"]) == pytest.approx(case["net_eur"], rel=0.01)


def _case(contract_id: str, date: str, percent: int) -> dict[str, Any]:
    return next(
        c
        for c in _FIXTURE["cases"]
        if c["contract"] == contract_id and c["date"] == date and c["percent_of_smic"] == percent
    )


def test_recommendation_shows_net_beside_gross(bundle: Bundle) -> None:
    answers = person(22, duration_months=12, entry_level="m2")
    item = contract(advise(bundle, answers, "2026-01-01"), "apprenticeship")
    (year,) = item["pay"]["years"]
    assert year["monthly_gross_eur"] == 1112.05
    assert year["monthly_net_eur"] == pytest.approx(
        _case("apprentissage", "2026-01-01", 61)["net_eur"], rel=0.01
    )
    assert "50 %" in item["pay"]["net"]["basis"]
    assert "D6243-5" in item["pay"]["net"]["source"]


def test_contract_signed_before_march_2025_keeps_the_former_exemption(bundle: Bundle) -> None:
    answers = person(22, duration_months=12, entry_level="other")
    before = contract(advise(bundle, answers, "2025-02-28"), "apprenticeship")
    after = contract(advise(bundle, answers, "2025-03-01"), "apprenticeship")
    (y_before,) = before["pay"]["years"]
    (y_after,) = after["pay"]["years"]
    # 53 % of the SMIC is below 79 %: no deduction at all before; some after.
    assert y_before["monthly_net_eur"] == y_before["monthly_gross_eur"]
    assert y_after["monthly_net_eur"] < y_after["monthly_gross_eur"]
    assert "79 %" in before["pay"]["net"]["basis"]


def test_public_employer_net_names_ircantec(bundle: Bundle) -> None:
    answers = person(22, duration_months=12, entry_level="m2", employer_sector="public")
    item = contract(advise(bundle, answers, "2026-01-01"), "apprenticeship")
    private = contract(
        advise(bundle, person(22, duration_months=12, entry_level="m2"), "2026-01-01"),
        "apprenticeship",
    )
    assert "Ircantec" in item["pay"]["net"]["basis"]
    # Ircantec (2.80 %) is lower than Agirc-Arrco and CEG (4.01 %): a little more net.
    assert (
        item["pay"]["years"][0]["monthly_net_eur"] > private["pay"]["years"][0]["monthly_net_eur"]
    )


def test_an_employer_not_known_yet_says_which_one_the_net_is_for(bundle: Bundle) -> None:
    """Open whatever the employer, priced for the first (private): say so, since a
    public employer's net differs; say nothing where no amount would differ."""
    answers = person(22, duration_months=12, entry_level="m2", employer_sector="unknown")
    item = contract(advise(bundle, answers, "2026-01-01"), "apprenticeship")
    notes = [n["text"] for n in item["pay"]["notes"]]
    assert notes[0] == (
        "Employer not known yet: these amounts are worked out for “A private company or "
        "association”; they differ for “A public body (State, local authority, hospital…)”."
    )
    assert "Ircantec" not in item["pay"]["net"]["basis"]
    french = contract(advise(bundle, answers, "2026-01-01", "fr"), "apprenticeship")
    assert french["pay"]["notes"][0]["text"].startswith(
        "Employeur pas encore connu\u00a0: ces montants sont calculés pour «\u00a0Une "
        "entreprise ou association privée\u00a0»"
    )
    # At 20 (43 % of the SMIC), nothing is deducted with either employer.
    young_answers = {**answers, "age": 20, "entry_level": "other"}
    young = contract(advise(bundle, young_answers, "2026-01-01"), "apprenticeship")
    assert not any("not known yet" in n["text"] for n in young["pay"]["notes"])
    known = contract(advise(bundle, {**answers, "employer_sector": "private"}), "apprenticeship")
    assert not any("not known yet" in n["text"] for n in known["pay"]["notes"])


def test_professionalisation_net_is_an_ordinary_employee_s(bundle: Bundle) -> None:
    item = contract(
        advise(bundle, person(20, duration_months=12), "2026-01-01"), "professionalisation"
    )
    (year,) = item["pay"]["years"]
    assert year["monthly_gross_eur"] == 1184.97
    assert year["monthly_net_eur"] == pytest.approx(
        _case("professionnalisation", "2026-01-01", 65)["net_eur"], rel=0.01
    )


def test_internship_bonus_at_the_minimum_is_free_of_deductions(bundle: Bundle) -> None:
    item = contract(advise(bundle, person(21, duration_months=4), "2026-01-01"), "internship")
    pay = item["pay"]
    assert pay["monthly_net_eur"] == pay["monthly_estimate_eur"]
    assert pay["total_net_eur"] == pay["total_min_eur"]
    assert "L242-4-1" in pay["net"]["source"]


def test_net_basis_in_every_format(bundle: Bundle) -> None:
    import subprocess
    import sys

    for fmt in ("text", "markdown", "html"):
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "alternance_tui",
                "recommend",
                "-a",
                "age=22",
                "-a",
                "employer_sector=private",
                "-a",
                "diploma=m1",
                "-a",
                "duration_months=12",
                "-a",
                "birth_month=3",
                "--as-of",
                "2026-01-01",
                "--lang",
                "en",
                "--format",
                fmt,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "Net (estimate)" in out, fmt
        assert "1,070.26" in out, fmt
        assert "Month by month" in out, fmt
