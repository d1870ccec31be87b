"""Reports: the same recommendation as JSON, text, Markdown and HTML, in English
and French; the same answers always give the same bytes."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from alternance_tui.advice.engine import recommend
from alternance_tui.advice.model import Bundle
from alternance_tui.advice.render import render
from alternance_tui.flow.answers import parse_answers

from .support import person

NBSP = "\u00a0"
DONE_WHEN = {
    "age": 20,
    "employer_sector": "private",
    "diploma": "bac_general",
    "duration_months": 24,
}
BUSY = person(
    31,
    employer_sector="unknown",
    diploma="m1",
    duration_months=6,
    situations=["top_athlete", "rqth"],
    interests=["security", "culture"],
    campus="marseille",
)


def _render(
    bundle: Bundle, answers: dict[str, object], fmt: str, lang: str, on: str = "2026-01-01"
) -> str:
    parsed, problems = parse_answers(bundle.flow, answers, lang)
    assert not problems
    rec = recommend(bundle, parsed, as_of=dt.date.fromisoformat(on), lang=lang)
    return render(rec, bundle, fmt)


@pytest.mark.parametrize("fmt", ["json", "text", "markdown", "html"])
@pytest.mark.parametrize("answers", [DONE_WHEN, BUSY], ids=["done-when", "unknown-employer"])
def test_same_answers_same_bytes(bundle: Bundle, fmt: str, answers: dict[str, object]) -> None:
    first = _render(bundle, answers, fmt, "fr")
    # the answers in another order, and multi-choice values in another order
    shuffled = dict(reversed(list(answers.items())))
    for key in ("situations", "interests"):
        value = shuffled.get(key)
        if isinstance(value, list):
            shuffled[key] = value[::-1]
    assert _render(bundle, shuffled, fmt, "fr") == first
    assert _render(bundle, answers, fmt, "fr") == first


def test_json_is_the_design_contract(bundle: Bundle) -> None:
    data = json.loads(_render(bundle, DONE_WHEN, "json", "en"))
    assert {"as_of", "rates_known_until", "lang", "answers", "contracts", "courses"} <= set(data)
    assert [c["id"] for c in data["contracts"]] == [
        "apprenticeship",
        "professionalisation",
        "training",
        "internship",
    ]
    for item in data["contracts"]:
        assert {"id", "eligible", "reasons", "pay"} <= set(item)
    for item in data["courses"]:
        assert {"id", "title", "level", "campus", "eligible", "reasons"} <= set(item)
        assert item["level"] in ("L3", "M1", "M2")
    assert data["answers"]["age"] == 20


def test_text_in_french_reads_in_french(bundle: Bundle) -> None:
    text = _render(bundle, DONE_WHEN, "text", "fr")
    assert "Contrat d’apprentissage" in text
    assert f"783,90{NBSP}€" in text
    assert f"1\u202f112,05{NBSP}€" in text
    assert f"43{NBSP}%" in text
    assert f"Pourquoi{NBSP}:" in text
    assert f"Date de calcul{NBSP}: 1er janvier 2026" in text
    # French typography: never an ordinary space, nor none, before a colon
    assert not re.search(r"(?<![\u00a0\u202f]):\s", text.replace("https://", ""))
    assert "Apprenticeship" not in text


def test_text_in_english(bundle: Bundle) -> None:
    text = _render(bundle, DONE_WHEN, "text", "en")
    assert "Apprenticeship contract — ✔ Open to you" in text
    assert "€783.90" in text and "€1,112.05" in text
    assert "As of: 1 January 2026" in text
    assert not any(line != line.rstrip() for line in text.splitlines())


def test_text_shows_the_basis_of_each_amount(bundle: Bundle) -> None:
    text = _render(bundle, DONE_WHEN, "text", "en")
    assert "monthly gross minimum wage (SMIC, 35 h): €1,823.03 from 1 January 2026" in text
    assert "(décret 2025-1228)" in text
    assert "Source: Code du travail D6222-26" in text


def test_markdown_has_tables_and_headings(bundle: Bundle) -> None:
    markdown = _render(bundle, DONE_WHEN, "markdown", "en")
    assert markdown.startswith("\n# Your work-linked options")
    assert "| Year | Age | % of the SMIC | Monthly gross |" in markdown
    assert "| 1 | 20 | 43% | €783.90 |" in markdown
    assert "### Internship agreement — ✘ Not open to you" in markdown


def test_html_is_a_page_with_escaped_text(bundle: Bundle) -> None:
    page = _render(bundle, BUSY, "html", "en")
    assert page.startswith('<!doctype html>\n<html lang="en">')
    assert "<table>" in page and "</table>" in page
    assert "organisations &amp; events" in page
    assert "organisations & events" not in page
    assert page.rstrip().endswith("</body></html>")


def test_html_in_french(bundle: Bundle) -> None:
    page = _render(bundle, DONE_WHEN, "html", "fr")
    assert '<html lang="fr">' in page
    assert f"<td>783,90{NBSP}€</td>" in page


def test_later_date_note_in_every_format(bundle: Bundle) -> None:
    for fmt in ("text", "markdown", "html"):
        out = _render(bundle, DONE_WHEN, fmt, "en", on="2026-07-01")
        assert "Latest known values, from 1 June 2026" in out
        assert bundle.rates_known_until is not None
        january = f"{bundle.rates_known_until.year + 1}-01-01"  # a change with no value yet
        stale = _render(bundle, DONE_WHEN, fmt, "en", on=january)
        assert "These figures may be out of date" in stale
        assert "Latest known values" not in stale


def test_the_latest_reference_value_says_so_before_its_source(bundle: Bundle) -> None:
    english = _render(bundle, DONE_WHEN, "text", "en", on="2026-07-01")
    assert "€1,867.02 from 1 June 2026, the latest known value (arrêté du 22/05/2026," in english
    french = _render(bundle, DONE_WHEN, "text", "fr", on="2026-07-01")
    assert "depuis le 1er juin 2026, dernière valeur connue (arrêté du 22/05/2026," in french
    # A value later replaced is not called the latest.
    assert "latest known value" not in _render(bundle, DONE_WHEN, "text", "en")


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize(
    ("lang", "start", "birth"), [("fr", "Mois de début", "Mars"), ("en", "Start month", "March")]
)
def test_months_are_named_in_every_report(
    bundle: Bundle, fmt: str, lang: str, start: str, birth: str
) -> None:
    out = _render(bundle, {**DONE_WHEN, "start_month": 9, "birth_month": 3}, fmt, lang)
    september = "Septembre" if lang == "fr" else "September"
    assert re.search(rf"{start}(\s|&nbsp;|\u00a0)*:(\s|</[a-z]+>|<[a-z]+>)*{september}", out)
    assert birth in out
    assert not re.search(rf"{start}\W+9\b", out)
    # The JSON keeps the numbers (docs/contract.md).
    answers = json.loads(_render(bundle, {**DONE_WHEN, "birth_month": 3}, "json", lang))
    assert answers["answers"]["birth_month"] == 3 and answers["answers"]["start_month"] == 9
