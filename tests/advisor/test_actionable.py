"""Results a student can act on (results view-model, below the UI): closed courses
say what would open them, a section with nothing open says the next step, the
counts keep "open" and "open depending on an answer" apart, a preferred campus
without an open course is named, and F1's glossary explains the words."""

from __future__ import annotations

import datetime as dt

import pytest

from alternance_tui.advice.engine import Engine
from alternance_tui.advice.model import Bundle
from alternance_tui.tui.pages.resultview import ResultsView, results_view

AS_OF = dt.date(2026, 1, 1)
YOUNG = {"age": 20, "employer_sector": "private", "diploma": "bac_general", "duration_months": 24}


def view(bundle: Bundle, answers: dict[str, object], lang: str = "en") -> ResultsView:
    rec = Engine(bundle).recommend(answers, as_of=AS_OF, lang=lang)  # type: ignore[arg-type]
    return results_view(rec, bundle)


def section(v: ResultsView, section_id: str):  # type: ignore[no-untyped-def]
    return next(s for s in v.sections if s.id == section_id)


def test_closed_courses_say_what_would_open_them(bundle: Bundle) -> None:
    courses = section(view(bundle, YOUNG), "courses")
    l3 = next(c for c in courses.cards if c.id == "l3-public-management")
    assert l3.status == "not_eligible"
    assert "would open with:" in l3.headline and "Two years after the bac" in l3.headline
    assert all("would open with" in c.headline for c in courses.cards)


def test_no_course_open_says_so_and_the_next_step(bundle: Bundle) -> None:
    courses = section(view(bundle, YOUNG, "fr"), "courses")
    assert courses.open_count == 0
    # Contracts are open: the nearest course and why, then what to do (issue 22, item 7).
    nearest, todo = courses.advice
    assert nearest.startswith("Aucune formation de l’IMPGT ne vous est encore ouverte")
    assert "Licence 3" in nearest and "L2 (bac+2)" in nearest
    assert "autre école ou un CFA" in todo and "Bac+2" in todo
    assert section(view(bundle, YOUNG), "contracts").advice == ()


def test_open_and_open_depending_on_an_answer_are_counted_apart(bundle: Bundle) -> None:
    contracts = section(view(bundle, {**YOUNG, "employer_sector": "unknown"}), "contracts")
    statuses = [c.status for c in contracts.cards]
    assert contracts.depends_count == statuses.count("conditional") > 0
    opened, depends = statuses.count("eligible"), contracts.depends_count
    shown = contracts.count_text("en")
    assert shown == f"{opened} open, {depends} depending on an answer, of 4"


@pytest.mark.parametrize(
    ("employer", "expected"),
    [
        # Public employer: the apprenticeship alone is open (the internship is too long).
        ("public", "1 ouvert, 1 selon une réponse, sur 4"),
        ("private", "2 ouverts, 1 selon une réponse, sur 4"),
    ],
)
def test_the_french_count_writes_its_plural(bundle: Bundle, employer: str, expected: str) -> None:
    contracts = section(view(bundle, {**YOUNG, "employer_sector": employer}, "fr"), "contracts")
    assert contracts.count_text("fr") == expected


def test_the_handout_heading_writes_its_plural(bundle: Bundle) -> None:
    from alternance_tui.advice.engine import recommend
    from alternance_tui.advice.handout import handout

    answers = {**YOUNG, "employer_sector": "public"}
    rec = recommend(bundle, answers, as_of=dt.date(2026, 1, 1), lang="fr")
    assert handout(rec, bundle).contracts_heading == (
        "Contrats ouverts (1 ouvert, 1 selon une réponse)"
    )


def test_a_campus_with_no_open_course_is_named(bundle: Bundle) -> None:
    v = view(bundle, {**YOUNG, "diploma": "licence", "campus": "marseille"})
    courses = section(v, "courses")
    assert courses.open_count > 0
    assert courses.advice == ("No open course on the campus you chose (Marseille).",)
    assert section(v, "contracts").advice == ()
    aix = view(bundle, {**YOUNG, "diploma": "licence", "campus": "aix"})
    assert section(aix, "courses").advice == ()


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", ["Brut", "SMIC", "OPCO", "CFA", "Minimum conventionnel"]),
        ("en", ["Gross", "SMIC", "OPCO", "CFA", "Agreement minimum"]),
    ],
)
def test_the_glossary_explains_the_words_of_the_results(
    bundle: Bundle, lang: str, words: list[str]
) -> None:
    from alternance_tui.flow.glossary import explained, sorted_entries

    entries = sorted_entries(bundle.flow.glossary, lang)
    text = "\n".join(explained(e, lang) for e in entries)
    for word in [*words, "RSA", "RQTH", "PSS", "DDETS"]:
        assert f"\n{word}" in f"\n{text}", word
