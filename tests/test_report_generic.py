"""Reports say what the data says: a flow with no contracts gets no legal caveat,
and every flow's outcome text reaches the person."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from alternance_tui.advice.engine import recommend
from alternance_tui.advice.load import load_bundle
from alternance_tui.advice.model import Bundle
from alternance_tui.advice.render import render

AS_OF = dt.date(2026, 1, 1)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_flow_without_advice_shows_its_outcome_and_no_legal_caveat(
    bike_path: Path, fmt: str
) -> None:
    bike = load_bundle(bike_path)
    rec = recommend(bike, {"usage": "road", "distance_km": 20}, as_of=AS_OF, lang="en")
    shown = render(rec, bike, fmt)
    assert "An electric bike" in shown
    assert "Longer rides without arriving tired." in shown
    assert "legal minimums" not in shown
    assert "Rates known" not in shown  # no dated figures, so no "as of" line


def test_json_carries_the_outcome_text(bike_path: Path) -> None:
    bike = load_bundle(bike_path)
    rec = recommend(bike, {"usage": "road", "distance_km": 20}, as_of=AS_OF, lang="fr")
    data = json.loads(render(rec, bike, "json"))
    assert data["outcome"] == "ebike"
    assert data["outcome_title"] == "Un vélo électrique"
    assert data["outcome_text"] == "De longs trajets sans arriver fatigué."


@pytest.mark.parametrize(
    ("lang", "caveat", "courses"),
    [
        ("en", "Estimates at the legal minimums", "IMPGT work-linked courses"),
        ("fr", "Estimations aux minimums légaux", "Formations de l’IMPGT en alternance"),
    ],
)
def test_the_contracts_caveat_comes_from_the_data_after_the_contracts(
    bundle: Bundle, lang: str, caveat: str, courses: str
) -> None:
    answers = {"age": 20, "employer_sector": "private", "diploma": "m1", "duration_months": 12}
    shown = render(recommend(bundle, answers, as_of=AS_OF, lang=lang), bundle, "text")
    assert shown.count(caveat) == 1
    last_contract = shown.index("Internship agreement" if lang == "en" else "Convention de stage")
    assert last_contract < shown.index(caveat) < shown.index(courses)


def test_item_facts_are_the_attributes_the_advice_file_declares(bundle: Bundle) -> None:
    """No attribute name is known to the code: the file says which to show, in
    which order, and in which words, in the reports and on the results screen."""
    from alternance_tui.advice.model import AttributeLabel
    from alternance_tui.tui.pages.resultview import results_view

    declared = (
        AttributeLabel("training", {"en": "Training", "fr": "Formation"}),
        AttributeLabel(
            "level", {"en": "Stage", "fr": "Étape"}, {"en": "<{value}>", "fr": "«{value}»"}
        ),
    )
    sections = tuple(
        dataclasses.replace(s, attributes=declared) if s.id == "courses" else s
        for s in bundle.sections
    )
    own = dataclasses.replace(bundle, sections=sections)
    answers = {"age": 20, "employer_sector": "private", "diploma": "m1", "duration_months": 12}
    rec = recommend(own, answers, as_of=AS_OF, lang="en")
    shown = render(rec, own, "text")
    assert "Training: Initial or continuing training · Stage: <M1>" in shown
    assert "Level:" not in shown and "Eduniversal" not in shown
    courses = next(s for s in results_view(rec, own).sections if s.id == "courses")
    assert {c.facts.split(" · ")[1] for c in courses.cards} >= {"Stage: <M1>", "Stage: <M2>"}


def test_unused_answers_are_the_given_ones_off_the_path_taken(bundle: Bundle) -> None:
    """What `alternance recommend` notes as not used: read from the recommendation,
    whose answers are exactly the path's (defaults included)."""
    given = {
        "age": 20,
        "jobseeker_or_benefits": True,  # asked only from 26
        "employer_sector": "private",
        "diploma": "m1",
        "duration_months": 12,
    }
    rec = recommend(bundle, given, as_of=AS_OF, lang="en")
    assert rec.unused(given) == ["jobseeker_or_benefits"]
    assert "weekly_hours" in rec.answers  # a default on the path is not "unused"
    assert rec.unused({**given, "weekly_hours": 35}) == ["jobseeker_or_benefits"]


def test_markdown_shows_html_from_a_flow_as_text(tmp_path: Path, bike_path: Path) -> None:
    text = bike_path.read_text(encoding="utf-8").replace(
        "Longer rides without arriving tired.", "<script>alert(1)</script> & <b>bold</b>"
    )
    (tmp_path / "bike.toml").write_text(text, encoding="utf-8")
    bike = load_bundle(tmp_path / "bike.toml")
    rec = recommend(bike, {"usage": "road", "distance_km": 20}, as_of=AS_OF, lang="en")
    shown = render(rec, bike, "markdown")
    assert "<script>" not in shown and "<b>" not in shown
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in shown
