"""Statements of the IMPGT page (and of the law where the page is silent) that
the recommendation repeats in words: summaries and notes of each contract, and
a legal source behind every reason."""

from __future__ import annotations

import pytest

from alternance_tui.advice.model import Bundle

from .support import advise, contract, person


def _words(item: dict[str, object]) -> str:
    """Everything a person reads about a contract, in one string."""
    parts = [str(item["title"]), str(item.get("summary", ""))]
    parts += [str(r) for r in item["reasons"]]  # type: ignore[union-attr]
    parts += [n["text"] for n in item["notes"]]  # type: ignore[union-attr]
    pay = item.get("pay")
    if isinstance(pay, dict):
        parts += [n["text"] for n in pay.get("notes", [])]
    return " ".join(parts)


@pytest.fixture(scope="module")
def english(bundle: Bundle) -> dict[str, dict[str, object]]:
    data = advise(bundle, person(22, duration_months=5))
    data_long = advise(bundle, person(22, duration_months=12))
    found = {c["id"]: c for c in data["contracts"]}
    found["apprenticeship"] = contract(data_long, "apprenticeship")
    return found


def test_summaries_of_the_four_contracts(bundle: Bundle) -> None:
    items = advise(bundle, person(22))["contracts"]
    assert [c["title"] for c in items] == [
        "Apprenticeship contract",
        "Professionalisation contract",
        "Training contract",
        "Internship agreement",
    ]


def test_apprenticeship_page_statements(english: dict[str, dict[str, object]]) -> None:
    text = _words(english["apprenticeship"])
    assert "both student and employee" in text
    assert "contribute towards your retirement" in text
    assert "CFA EPURE Méditerranée" in text
    assert "CROUS" in text and "CAF" in text
    assert "driving licence, first equipment" in text


def test_apprenticeship_age_band_changes_after_the_birthday(
    english: dict[str, dict[str, object]],
) -> None:
    pay = english["apprenticeship"]["pay"]
    assert isinstance(pay, dict)
    (note,) = [n for n in pay["notes"] if n["source"] == "Code du travail D6222-31"]
    assert "first day of the month after the birthday" in note["text"]


def test_professionalisation_page_statements(english: dict[str, dict[str, object]]) -> None:
    text = _words(english["professionalisation"])
    assert "fixed-term or permanent" in text
    assert "private employer" in text
    assert "branch’s OPCO" in text


def test_training_contract_page_statements(english: dict[str, dict[str, object]]) -> None:
    text = _words(english["training"])
    assert "public or private organisation" in text
    # "No age limit": no upper one; the lower one is the end of compulsory schooling.
    assert "No upper age limit" in text


def test_internship_page_statements(english: dict[str, dict[str, object]]) -> None:
    text = _words(english["internship"])
    assert "three parties: you, the host organisation and IMPGT (Aix-Marseille University)" in text
    assert "approved by the course’s director" in text
    assert "that rate in fact held until the end of 2022" in text


def test_in_french(bundle: Bundle) -> None:
    items = {
        c["id"]: c for c in advise(bundle, person(22, duration_months=12), lang="fr")["contracts"]
    }
    assert "CFA EPURE Méditerranée" in _words(items["apprenticeship"])
    assert "dans les 5 jours" in _words(items["professionalisation"])


@pytest.mark.parametrize(
    "answers",
    [
        person(22, duration_months=5),
        person(36, situations=[], jobseeker_or_benefits=False, employer_sector="public"),
        person(15, lower_secondary_done=False, employer_sector="individual", duration_months=48),
    ],
)
def test_every_reason_has_its_source(bundle: Bundle, answers: dict[str, object]) -> None:
    data = advise(bundle, answers)
    for item in [*data["contracts"], *data["courses"]]:
        assert item["rules"], item["id"]
        for rule in item["rules"]:
            assert rule["text"] and rule["source"], (item["id"], rule["id"])
        pay = item["pay"]
        if pay is not None:
            assert pay["source"]
            assert pay["reference"]["source"] and pay["reference"]["from"]
