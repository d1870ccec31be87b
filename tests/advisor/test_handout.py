"""The handout below the UI: what it leads with, what it leaves out, and that it
prints on at most two A4 pages (through headless Chromium when there is one)."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

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
    # Closed courses one line each, with what would open them.
    closed = [line for line in rest.splitlines() if re.match(r"- ✘ (Master|Licence)", line)]
    assert len(closed) == 10 and all("s’ouvrirait avec" in line for line in closed)
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


def chromium() -> str | None:
    return (
        shutil.which("chromium")
        or shutil.which("chromium-browser")
        or shutil.which("google-chrome")
    )


def pages(pdf: Path) -> int:
    # Each page is one "/Type /Page" object (not "/Pages", the tree's nodes).
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))


@pytest.mark.parametrize("answers", [YOUNG, GRADUATE], ids=["no-course", "most-open"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_it_prints_on_at_most_two_a4_pages(
    bundle: Bundle, tmp_path: Path, answers: dict[str, object], lang: str
) -> None:
    browser = chromium()
    if browser is None:
        pytest.skip("no chromium on this machine: the page count needs a browser to print")
    page = tmp_path / "handout.html"
    page.write_text(written(bundle, answers, "html", lang, LONG_NOTES), encoding="utf-8")
    pdf = tmp_path / "handout.pdf"
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert 1 <= pages(pdf) <= 2


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
