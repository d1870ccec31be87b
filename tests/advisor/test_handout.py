"""The handout below the UI: what it leads with, what it leaves out, and that it
prints on at most two A4 pages (through headless Chromium when there is one)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from tests.printing import headings, printed, stranded

from alternance_tui.advice.engine import Engine
from alternance_tui.advice.handout import handout
from alternance_tui.advice.model import Bundle
from alternance_tui.advice.render.handout import render_handout
from alternance_tui.cli.main import main
from alternance_tui.sessions.store import Session, SessionStore

AS_OF = dt.date(2026, 1, 1)
YOUNG = {"age": 20, "employer_sector": "private", "diploma": "bac_general", "duration_months": 24}
# Most open items: a master's degree opens every course, several contracts.
GRADUATE = {**YOUNG, "age": 24, "diploma": "master", "interests": ["culture", "security"]}
LONG_NOTES = "\n".join(f"Note {n}: call the employer back about the start date." for n in range(8))


def written(
    bundle: Bundle, answers: dict[str, object], fmt: str, lang: str = "fr", notes: str = ""
) -> str:
    rec = Engine(bundle).recommend(answers, as_of=AS_OF, lang=lang)  # type: ignore[arg-type]
    h = handout(rec, bundle, name="Zoé", notes=notes, today=AS_OF)
    # French spacing is non-breaking; compared here as plain spaces.
    return render_handout(h, rec, bundle, fmt).replace("\u00a0", " ").replace("\u202f", " ")


def test_it_leads_with_what_the_person_can_do(bundle: Bundle) -> None:
    text = written(bundle, YOUNG, "markdown")
    lead, rest = text.split("## Le détail des contrats")
    # The training contract depends on the person's status, not given here.
    assert "Contrats ouverts (2 ouverts, 1 selon une réponse)" in lead
    assert "783,90 € brut par mois la 1re année" in lead
    # No course open: said so, with the next step that would open one.
    assert "Aucune formation IMPGT n’est ouverte" in lead
    assert "Pour ouvrir une formation : Diplôme le plus élevé : Bac+2" in lead
    # Closed courses with what would open them; those the same change opens share a line.
    closed = [line for line in rest.splitlines() if re.match(r"- ✘ (Master|Licence)", line)]
    assert len(closed) == 3 and all("s’ouvri" in line for line in closed)
    assert sum(line.count("Master 2") for line in closed) == 7
    assert "Conseiller ou conseillère : ____" in text
    assert "1er janvier 2026" in text  # the rates' as-of date


def test_notes_only_when_the_advisor_chooses(bundle: Bundle) -> None:
    assert "Rappeler" not in written(bundle, YOUNG, "html")
    shown = written(bundle, YOUNG, "html", notes="Rappeler lundi <b>")
    assert "Notes du conseiller" in shown and "Rappeler lundi &lt;b&gt;" in shown


def test_json_holds_the_handout_and_the_recommendation(bundle: Bundle) -> None:
    data = json.loads(written(bundle, GRADUATE, "json", "en"))
    assert data["handout"]["counts"]["courses_open"] > 0
    assert data["recommendation"]["answers"]["diploma"] == "master"


def test_a_preferred_campus_without_an_open_course_is_named(bundle: Bundle) -> None:
    # With an M1, the M2s open; only one of them is taught in Marseille... so
    # a bac+3 person preferring Marseille finds M1s in Aix only.
    text = written(bundle, {**YOUNG, "diploma": "licence", "campus": "marseille"}, "markdown")
    assert "Aucune formation ouverte sur le campus choisi (Marseille)" in text


PUBLIC_LICENCE = {
    "age": 22,
    "employer_sector": "public",
    "diploma": "licence",
    "duration_months": 24,
}
SHORT_NOTES = "Rappeler lundi pour la date de début.\nVoir avec la DRH de la mairie."


@pytest.mark.parametrize(
    "answers", [YOUNG, GRADUATE, PUBLIC_LICENCE], ids=["no-course", "most-open", "public"]
)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_it_prints_on_one_a4_page_when_it_fits(
    bundle: Bundle, tmp_path: Path, answers: dict[str, object], lang: str
) -> None:
    """Issue 18, item 13: the notes and the signature line were alone on page 2.
    Printed by headless Chromium: one page, notes and signature line on it."""
    page = written(bundle, answers, "html", lang, SHORT_NOTES)
    pages = printed(page, tmp_path / "handout.pdf")
    assert len(pages) == 1, [p[-200:] for p in pages]
    assert "lundi" in pages[0] and "____" in pages[0]


@pytest.mark.parametrize("answers", [YOUNG, GRADUATE], ids=["no-course", "most-open"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_long_one_takes_two_pages_and_never_strands_a_heading(
    bundle: Bundle, tmp_path: Path, answers: dict[str, object], lang: str
) -> None:
    """Issue 18, item 13: "Vos réponses" was split from its answers across pages."""
    page = written(bundle, answers, "html", lang, LONG_NOTES * 3)
    pages = printed(page, tmp_path / "handout.pdf")
    assert 1 <= len(pages) <= 2
    assert stranded(pages, headings(page)) == []
    # The answers and their heading are on one page.
    answers_heading = "Vos réponses" if lang == "fr" else "Your answers"
    [where] = [i for i, text in enumerate(pages) if answers_heading in text]
    assert ("Âge au début" if lang == "fr" else "Age at the start") in pages[where]


def test_sessions_export_gives_the_handout(
    capsys: pytest.CaptureFixture[str], bundle: Bundle
) -> None:
    SessionStore().save(Session("alternance", dict(YOUNG), name="Zoé", notes="Rappeler"), "Zoé")
    assert main(["sessions", "export", "Zoé", "--format", "markdown", "--as-of", "2026-01-01"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Vos possibilités d’alternance") and "Rappeler" not in out
    assert (
        main(
            [
                "sessions",
                "export",
                "Zoé",
                "--format",
                "markdown",
                "--notes",
                "--as-of",
                "2026-01-01",
            ]
        )
        == 0
    )
    assert "Rappeler" in capsys.readouterr().out


def test_the_html_page_is_in_the_promised_order(bundle: Bundle) -> None:
    """Checked structurally too, for machines without a browser."""
    page = written(bundle, GRADUATE, "html", "en", "Call back")
    headings = re.findall(r"<h([12])>([^<]+)</h\1>", page)
    assert [text for _, text in headings] == [
        "Your work-linked training options",
        "What you can do",
        "The contracts in detail",
        "What is not open (and what would open it)",
        "Your answers",
        "Advisor’s notes",
    ]
    assert page.index('class="lead"') < page.index("The contracts in detail")
    assert "@page{size:A4" in page and page.rstrip().endswith("</html>")


OLDER = {
    "age": 31,
    "employer_sector": "private",
    "diploma": "bac_general",
    "duration_months": 12,
    "jobseeker_or_benefits": False,
}


def test_closed_items_name_labels_and_every_way_to_open_them(bundle: Bundle) -> None:
    """Issue 18, item 10: "s'ouvrirait avec Situations particulières : rqth", one
    way where the results screen lists several."""
    text = written(bundle, OLDER, "markdown")
    [apprenticeship] = [line for line in text.splitlines() if "✘ Contrat d’apprentissage" in line]
    assert "rqth" not in apprenticeship
    assert "Reconnaissance de la qualité de travailleur handicapé (RQTH)" in apprenticeship
    assert "Sportif ou sportive de haut niveau" in apprenticeship
    [internship] = [line for line in text.splitlines() if "✘ Convention de stage" in line]
    assert "Durée prévue : 6 mois ou moins ; ou Heures par semaine : 17 h" in internship


def test_an_item_open_depending_on_an_answer_says_on_which(bundle: Bundle) -> None:
    """Issue 18, item 10: ◐ items did not say what they depend on; "1 ouverts"."""
    text = written(bundle, YOUNG, "markdown", "en")
    [training] = [line for line in text.splitlines() if line.startswith("- ◐ Training contract")]
    assert "depends on your answer to “Current situation”, open with Employee" in training
    assert "Open contracts (2 open, 1 depending on an answer)" in text
    assert "Contrats ouverts (aucun ouvert, 1 selon une réponse)" in written(
        bundle, OLDER, "markdown"
    )


def test_the_english_handout_is_in_english(bundle: Bundle) -> None:
    """Issue 18, item 11: French left in the sources; "(L3) (L3 · Aix-en-Provence)"."""
    rec = Engine(bundle).recommend(PUBLIC_LICENCE, as_of=dt.date(2026, 9, 1), lang="en")  # type: ignore[arg-type]
    text = render_handout(handout(rec, bundle, name="Zoé"), rec, bundle, "markdown")
    assert "revalorisation" not in text and "automatique" not in text
    assert "(arrêté du 22/05/2026, automatic increase of 2.41%)" in text  # the reference kept
    assert "(L3) (L3" not in text
    assert "Public Administration, speciality Public Management (L3) — Aix-en-Provence" in text


def steps(text: str) -> str:
    return text.split("Prochaines étapes")[1].split("##", maxsplit=1)[0]


def test_next_steps_follow_the_employer_and_the_open_items(bundle: Bundle) -> None:
    """Issue 18, item 12: the same three lines for everyone, "monte le dossier
    avec l'OPCO" even for a public employer (who files with the DDETS)."""
    public = steps(written(bundle, PUBLIC_LICENCE, "markdown"))
    private = steps(written(bundle, YOUNG, "markdown"))
    assert "transmet à la DDETS (pas à un OPCO)" in public and "D6275-1" in public
    assert "place-emploi-public.gouv.fr" in public
    assert "contrat de professionnalisation" not in public  # closed with a public employer
    assert "son OPCO" not in public
    assert "son OPCO" in private and "DDETS" not in private and "D6224-1" in private
    assert "labonnealternance.apprentissage.beta.gouv.fr" in private
    assert "francetravail.fr" in private  # the professionalisation contract is open
    # An open course: apply, with the address; none: what would open one.
    assert "impgt.univ-amu.fr" in public and "monmaster.gouv.fr" in public
    assert "impgt.univ-amu.fr" not in private and "Pour ouvrir une formation" in private
    # A training contract open depending on an answer: where its funding is found.
    assert "moncompteformation.gouv.fr" in private
    assert steps(written(bundle, OLDER, "markdown")).count("\n- ") == 2


def test_the_handout_names_its_scenario_and_session(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 18, item 9: the handout printed whichever scenario was active, unnamed."""
    from alternance_tui.sessions.advising import default_handout_name

    session = Session("alternance", dict(YOUNG), name="Zoé", scenarios={"B": PUBLIC_LICENCE})
    SessionStore().save(session, "Zoé")
    args = ["sessions", "export", "Zoé", "--format", "markdown", "--as-of", "2026-01-01"]
    assert main([*args, "--scenario", "B"]) == 0
    out = capsys.readouterr().out.replace("\u00a0", " ")
    assert "Pour : Zoé · Scénario B" in out and "DDETS" in out
    assert main(args) == 0
    assert "Scénario A" in capsys.readouterr().out
    assert main([*args, "--scenario", "C"]) == 2
    assert "no scenario C" in capsys.readouterr().err
    assert default_handout_name("Zoé", "fr", "html", "B") == "handout-Zoe-B-fr.html"


def test_rqth_is_printed_only_when_declared(bundle: Bundle) -> None:
    """Issue 17, item 9: RQTH is asked of nearly everyone now; a paper lists it only
    when the person said yes (a disability status is not printed as "no" for all)."""
    said = written(bundle, {**YOUNG, "rqth": True}, "markdown", "fr")
    assert "RQTH (travailleur handicapé) : Oui" in said
    assert "RQTH" not in written(bundle, YOUNG, "markdown", "fr").split("Vos réponses")[1]
