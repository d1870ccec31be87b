"""Paths of the shipped flow, walked through the TUI's own logic (the
interview and the results view-model), show what `alternance recommend
--format json` says for the same answers: same contracts and courses, same
statuses, same amounts.

Answers: every answer that changes where the interview goes (the flow
checker's cells, plus the numbers and choices the advice rules compare with)
is a candidate at its question. Since the 2026 pay questions the cross product
of those is about 20,000 paths (minutes to build), so the test walks a seeded
sample of distinct paths, each answer drawn among the candidates; it checks
that the sample still reaches every question and both outcomes of each
contract.
"""

from __future__ import annotations

import itertools
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.tui.conftest import AS_OF

from alternance_tui.advice.document_json import to_json
from alternance_tui.advice.engine import Engine
from alternance_tui.advice.model import Bundle
from alternance_tui.advice.present import label
from alternance_tui.cli.answers import gather_answers
from alternance_tui.flow import cond
from alternance_tui.flow.check.run import PathExplorer
from alternance_tui.flow.cond import Value
from alternance_tui.flow.model import Question
from alternance_tui.interview.state import Interview
from alternance_tui.tui.pages.resultview import Card, ResultsView, compute_results
from alternance_tui.wording import formats
from alternance_tui.wording.typography import typography

STATUS_ORDER = {"eligible": 0, "conditional": 1, "not_eligible": 2}
COLUMNS = ("year", "age", "percent", "monthly", "net")


def advice_conditions(bundle: Bundle) -> list[cond.Condition]:
    found: list[cond.Condition] = []
    for section in bundle.sections:
        for item in section.items:
            for rule in item.rules:
                if rule.when is not None:
                    found.append(rule.when)
                found.extend(a.when for a in rule.alternatives)
            found.extend(n.when for n in item.notes if n.when is not None)
            found.extend(f.when for f in item.fit)
    return found


def representative_answers(bundle: Bundle) -> dict[str, list[Value]]:
    """Per question, answers that the flow or the advice can tell apart."""
    flow = bundle.flow
    explorer = PathExplorer(flow)
    numbers: dict[str, set[float]] = {}
    members: dict[str, set[str]] = {}
    for condition in advice_conditions(bundle):
        for name, found in cond.thresholds(condition.tree).items():
            numbers.setdefault(name, set()).update(found)
        for name, tested in cond.tested_members(condition.tree).items():
            members.setdefault(name, set()).update(tested)
    # The flow's own arithmetic thresholds: a later contract year reaching 21.
    numbers.setdefault("age", set()).update({19, 20, 21})
    values: dict[str, list[Value]] = {}
    for question in flow.questions.values():
        cells: list[Value] = [cell.value for cell in explorer.cells(question)]
        if question.kind == "number":
            for bound in numbers.get(question.id, set()):
                for point in (bound - 1, bound, bound + 1):
                    if _fits(question, point):
                        cells.append(int(point) if float(point).is_integer() else point)
        if question.kind == "multi":
            for choice in sorted(members.get(question.id, set())):
                cells.append(frozenset({choice}))
            cells.append(frozenset(question.choice_ids))
        values[question.id] = list(dict.fromkeys(cells))
    return values


def _fits(question: Question, value: float) -> bool:
    low, high = question.minimum, question.maximum
    return (low is None or value >= low) and (high is None or value <= high)


def every_path(bundle: Bundle, count: int = 700, seed: int = 20261129) -> Iterator[Interview]:
    """Interviews driven to the review: ``count`` distinct paths drawn with ``seed``
    (see the module docstring)."""
    flow = bundle.flow
    values = representative_answers(bundle)
    rng = random.Random(seed)
    seen: set[str] = set()
    for _ in range(count * 4):
        if len(seen) >= count:
            return
        interview = Interview(flow, lang="en")
        interview.begin()
        while interview.place == "question":
            question_id = interview.current
            assert question_id is not None
            interview.answer(rng.choice(values[question_id]))
        assert interview.place == "review"
        key = json.dumps(interview.answers_json(), sort_keys=True)
        if key not in seen:
            seen.add(key)
            yield interview


def cli_json(engine: Engine, answers: dict[str, Any], lang: str, tmp: Path) -> dict[str, Any]:
    """What `alternance recommend --answers FILE --format json` computes."""
    tmp.write_text(json.dumps(answers), encoding="utf-8")
    parsed = gather_answers(engine.bundle, str(tmp), [], lang)
    return to_json(engine.recommend(parsed, as_of=AS_OF, lang=lang))


def check_card(card: Card, item: dict[str, Any], lang: str) -> None:
    assert card.title == item["title"]
    assert [r.text for r in card.reasons] == [typography(r, lang) for r in item["reasons"]]
    pay = item["pay"]
    if pay is None:
        if "pay_note" in item:
            assert card.pay is not None and card.pay.kind == "none"
            assert card.pay.lines == (typography(item["pay_note"]["text"], lang),)
        else:
            assert card.pay is None
        return
    assert card.pay is not None
    if pay["kind"] == "grid":
        key = next(k for k in pay["years"][0] if k.startswith("percent_of_"))
        assert len(card.pay.rows) == len(pay["years"])
        column = {heading: index for index, heading in enumerate(card.pay.header)}
        for row, year in zip(card.pay.rows, pay["years"], strict=True):
            cell = {
                name: row[column[heading]]
                for name in COLUMNS
                if (heading := label(lang, name, ref="SMIC")) in column
            }
            assert cell["year"] == str(year["year"]) and cell["age"] == str(year["age"])
            assert cell["percent"] == formats.percent(year[key], lang)
            assert cell["monthly"].startswith(formats.money(year["monthly_gross_eur"], lang))
            if year["monthly_net_eur"] is not None:
                assert formats.money(year["monthly_net_eur"], lang) in cell.get("net", "")
            if year["grid_year"] != year["year"]:
                assert row[column[label(lang, "grid_year")]] == str(year["grid_year"])
        # With a birth month, the month each rate starts: as many months as the JSON.
        months = pay.get("months", [])
        counted = 0
        for row in card.pay.month_rows:
            first, _, last = row[0].split(" ")[0].partition("–")
            counted += int(last or first) - int(first) + 1
        assert counted == len(months)
        # The overview line at the top says the first year's amount too.
        first = formats.money(pay["years"][0]["monthly_gross_eur"], lang)
        assert first in card.headline or card.facts
        # How it is worked out is folded under "Sources and calculation".
        reference = pay["reference"]
        assert formats.money(reference["value"], lang) in card.calculation[0]
        assert formats.date(dt_date(reference["from"]), lang) in card.calculation[0]
        assert typography(pay["source"], lang) in card.calculation[1]
    else:
        text = "\n".join(card.pay.lines)
        assert formats.money(pay["hourly_min_eur"], lang) in text
        assert formats.money(pay["total_min_eur"], lang) in text
        compulsory = {"en": "compulsory", "fr": "obligatoire"}[lang]
        assert (compulsory in card.pay.lines[0]) is pay["bonus_required"]


def dt_date(text: str) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(text)


def check_view(view: ResultsView, expected: dict[str, Any], lang: str) -> None:
    assert view.as_of == formats.date(AS_OF, lang)
    assert view.known_until == formats.date(dt_date(expected["rates_known_until"]), lang)
    assert list(view.rate_notes) == expected["rate_notes"]
    sections = {s.id: s for s in view.sections}
    assert set(sections) == {"contracts", "courses"}
    for section_id, section in sections.items():
        items = expected[section_id]
        # Eligible first, then open depending on an unknown answer, then closed.
        ordered = sorted(items, key=lambda i: STATUS_ORDER[i["status"]])
        assert [(c.id, c.status) for c in section.cards] == [
            (i["id"], i["status"]) for i in ordered
        ]
        for card, item in zip(section.cards, ordered, strict=True):
            check_card(card, item, lang)


def test_every_path_shows_what_recommend_says(bundle: Bundle, tmp_path: Path) -> None:
    engine = Engine(bundle)
    paths = list(every_path(bundle))
    assert len(paths) >= 200  # a meaningful number of paths, not a handful
    seen_questions: set[str] = set()
    statuses: set[tuple[str, str]] = set()
    for index, interview in enumerate(paths):
        seen_questions.update(interview.walk().path)
        for lang in ("fr", "en") if index % 4 == 0 else (("fr", "en")[index % 2],):
            interview.lang = lang
            view, problem = compute_results(engine, interview.applicable(), AS_OF, lang)
            assert view is not None, problem
            # The CLI gets every answer typed, applicable or not: it must ignore the rest too.
            expected = cli_json(engine, interview.answers_json(), lang, tmp_path / "a.json")
            check_view(view, expected, lang)
            statuses.update((c.id, c.status) for s in view.sections for c in s.cards)
    assert seen_questions == set(bundle.flow.questions)  # every question is on some path
    for contract in ("apprenticeship", "professionalisation", "internship"):
        assert {(contract, "eligible"), (contract, "not_eligible")} <= statuses


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_cli_itself_agrees_on_a_few_paths(
    bundle: Bundle, tmp_path: Path, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from alternance_tui.cli.main import main

    for interview in itertools.islice(every_path(bundle), 0, 400, 100):
        answers_file = tmp_path / "answers.json"
        answers_file.write_text(json.dumps(interview.answers_json()), encoding="utf-8")
        code = main(
            [
                "recommend",
                "--answers",
                str(answers_file),
                "--as-of",
                AS_OF.isoformat(),
                "--lang",
                lang,
                "--format",
                "json",
            ]
        )
        assert code == 0
        expected = json.loads(capsys.readouterr().out)
        view, _ = compute_results(Engine(bundle), interview.applicable(), AS_OF, lang)
        assert view is not None
        check_view(view, expected, lang)
