"""Running the engine the way the CLI does, and reading its JSON (the public contract)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from alternance_tui.advice.document_json import to_json
from alternance_tui.advice.engine import Engine
from alternance_tui.advice.model import Bundle
from alternance_tui.flow.answers import parse_answers


def advise(
    bundle: Bundle | Engine,
    answers: Mapping[str, object],
    as_of: str | dt.date = "2026-01-01",
    lang: str = "en",
) -> dict[str, Any]:
    """The JSON recommendation for answers written as in a JSON answers file (from
    a fresh engine unless given one)."""
    engine = bundle if isinstance(bundle, Engine) else Engine(bundle)
    parsed, problems = parse_answers(engine.bundle.flow, answers, lang)
    assert not problems, problems
    when = dt.date.fromisoformat(as_of) if isinstance(as_of, str) else as_of
    return to_json(engine.recommend(parsed, as_of=when, lang=lang))


def person(age: int, **answers: object) -> dict[str, object]:
    """A complete set of answers for ``age``, answering what the interview asks at
    that age in the way that opens the most (override any of them)."""
    base: dict[str, object] = {
        "age": age,
        "employer_sector": "private",
        "diploma": "licence",
        "duration_months": 36,
        "status": "employee",
        # No position in a cycle: the grid's own years (tests of the cycle set it).
        "entry_level": "other",
    }
    if age == 15:
        base["lower_secondary_done"] = True
    if age >= 26:
        base["jobseeker_or_benefits"] = True
    if age >= 30:
        base["situations"] = ["rqth"]
    base.update(answers)
    duration = base["duration_months"]
    if isinstance(duration, int | float) and duration > 24:
        # Beyond 24 months the professionalisation contract's length asks this.
        base.setdefault("long_term_jobseeker_or_benefits", True)
    if (
        base["diploma"] == "none"
        and age <= 25
        and isinstance(duration, int | float)
        and 12 < duration <= 36
    ):
        # No bac, over a year: whether a CAP or BEP is held decides the 36 months.
        base.setdefault("vocational_diploma", False)
    return base


def contract(data: Mapping[str, Any], contract_id: str) -> dict[str, Any]:
    found = [c for c in data["contracts"] if c["id"] == contract_id]
    assert len(found) == 1, [c["id"] for c in data["contracts"]]
    return found[0]


def years(item: Mapping[str, Any]) -> list[tuple[int, int, int, float]]:
    """(year, age, percent of the SMIC, monthly gross) for each contract year."""
    assert item["pay"] is not None, f"{item['id']} has no pay: {item['status']}"
    return [
        (y["year"], y["age"], y["percent_of_smic"], y["monthly_gross_eur"])
        for y in item["pay"]["years"]
    ]


def changes(item: Mapping[str, Any]) -> list[str]:
    return [c["text"] for c in item["what_would_change"]]


def course(data: Mapping[str, Any], course_id: str) -> dict[str, Any]:
    found = [c for c in data["courses"] if c["id"] == course_id]
    assert len(found) == 1, [c["id"] for c in data["courses"]]
    return found[0]
