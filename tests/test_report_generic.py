"""Reports say what the data says: a flow with no contracts gets no legal caveat,
and every flow's outcome text reaches the person."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from alternance_tui.advice.engine import recommend
from alternance_tui.advice.load import load_bundle
from alternance_tui.advice.model import Bundle
from alternance_tui.advice.report import render

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
