"""Scenarios compared below the UI (advice/compare.py) and `recommend --compare`."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from alternance_tui.advice.compare import compare
from alternance_tui.advice.engine import Engine
from alternance_tui.advice.model import Bundle
from alternance_tui.advice.render.compare import render_comparison
from alternance_tui.cli.main import main

AS_OF = dt.date(2026, 1, 1)
SEPTEMBER = dt.date(2026, 9, 1)  # the SMIC of 1 June 2026: the issue's figures
PRIVATE = {"age": 20, "employer_sector": "private", "diploma": "bac_general", "duration_months": 24}
PUBLIC = {**PRIVATE, "employer_sector": "public"}


def comparison(  # type: ignore[no-untyped-def]
    bundle: Bundle, lang: str = "en", as_of: dt.date = AS_OF, **scenarios: dict[str, object]
):
    engine = Engine(bundle)
    recs = {k: engine.recommend(v, as_of=as_of, lang=lang) for k, v in scenarios.items()}  # type: ignore[arg-type]
    return compare(recs, bundle)


def test_a_public_employer_closes_the_professionalisation_contract(bundle: Bundle) -> None:
    cmp = comparison(bundle, A=PRIVATE, B=PUBLIC)
    contracts = {r.id: r for r in cmp.sections[0].rows}
    pro = contracts["professionalisation"]
    assert pro.status_differs and pro.differs
    a, b = pro.cells
    assert a is not None and b is not None
    assert a.status == "eligible" and a.pay[0] == pytest.approx(1002.67)
    assert b.status == "not_eligible" and "public" in b.why.lower() and b.pay == ()
    [employer] = [row for row in cmp.answers if row.differs]
    assert employer.question == "employer_sector"
    assert cmp.differences == 3  # the employer, the professionalisation, the apprentice's net


def test_the_same_gross_with_another_net_is_a_difference(bundle: Bundle) -> None:
    """Issue 18, item 6: a public employer's apprentice has the same gross and
    another net (no unemployment insurance); the comparison said "identical"."""
    cmp = comparison(
        bundle,
        "fr",
        SEPTEMBER,
        A={**PRIVATE, "diploma": "bac2", "duration_months": 12},
        B={**PUBLIC, "diploma": "bac2", "duration_months": 12},
    )
    row = next(r for r in cmp.sections[0].rows if r.id == "apprenticeship")
    a, b = row.cells
    assert a is not None and b is not None
    assert a.pay == b.pay and a.net != b.net
    assert row.pay_differs and row.differs
    text = render_comparison(cmp, "text").replace("\u00a0", " ").replace("\u202f", " ")
    assert "A : ✔ ouvert · 1re année : 1 250,90 € brut, ≈ 1 184,76 € net par mois" in text
    assert "B : ✔ ouvert · 1re année : 1 250,90 € brut, ≈ 1 188,60 € net par mois" in text


def test_a_course_row_says_what_its_pay_assumes(bundle: Bundle) -> None:
    """Issue 18, item 7: a course's pay is for the course's own length (12
    months for the L3), whatever length the scenario plans: said in its cell."""
    base = {**PRIVATE, "diploma": "bac2", "duration_months": 12}
    cmp = comparison(bundle, "en", SEPTEMBER, A=base, C={**base, "duration_months": 24})
    contracts, courses = cmp.sections[0], cmp.sections[1]
    apprenticeship = next(r for r in contracts.rows if r.id == "apprenticeship")
    l3 = next(r for r in courses.rows if r.id == "l3-public-management")
    c_contract, c_course = apprenticeship.cells[1], l3.cells[1]
    assert c_contract is not None and c_course is not None
    assert c_contract.pay[0] != c_course.pay[0]  # 952.18 for 24 months, 1,250.90 for the L3
    assert c_course.assumes == "As an apprentice on this course (12 months), at least"
    out = render_comparison(cmp, "text")
    assert "As an apprentice on this course (12 months), at least · year 1: €1,250.90" in out


def test_french_wording_of_the_comparison(bundle: Bundle) -> None:
    """Issue 18, item 8: "1re année" as the results say it; a no-break space (not
    a narrow one, not none) before every colon; no "bold on screen" in a file."""
    cmp = comparison(bundle, "fr", A=PRIVATE, B=PUBLIC, C={**PRIVATE, "duration_months": 12})
    for fmt in ("text", "markdown", "html"):
        out = render_comparison(cmp, fmt)
        assert "1e année" not in out and "1re année" in out
        assert "\u202f:" not in out
        assert not re.search(r"[^\u00a0]:\s", out), fmt
        assert "en gras" not in out
    # (C, 12 months, is asked about a same-level diploma: one more answer that differs)
    assert "5 différences entre les scénarios" in render_comparison(cmp, "text")


def test_a_reason_shared_by_scenarios_is_written_once(bundle: Bundle) -> None:
    """Issue 18, item 8: each long reason once, with the scenarios it applies to."""
    cmp = comparison(bundle, "en", A=PRIVATE, B=PUBLIC, C={**PUBLIC, "duration_months": 12})
    for fmt in ("text", "markdown", "html"):
        out = render_comparison(cmp, fmt)
        assert out.count("Only private employers") == 1, fmt
    text = render_comparison(cmp, "text")
    assert "    B, C: ✘ closed · Your employer: A public body" in text


def test_a_longer_contract_changes_the_pay_years_not_the_status(bundle: Bundle) -> None:
    cmp = comparison(bundle, A={**PRIVATE, "duration_months": 12}, B=PRIVATE)
    apprenticeship = next(r for r in cmp.sections[0].rows if r.id == "apprenticeship")
    assert apprenticeship.pay_differs and not apprenticeship.status_differs
    a, b = apprenticeship.cells
    assert a is not None and b is not None and len(a.pay) == 1 and len(b.pay) == 2


def test_identical_scenarios_have_no_difference(bundle: Bundle) -> None:
    assert comparison(bundle, A=PRIVATE, B=dict(PRIVATE)).differences == 0


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_every_format_marks_the_difference_in_words(bundle: Bundle, fmt: str) -> None:
    out = render_comparison(comparison(bundle, "fr", A=PRIVATE, B=PUBLIC), fmt)
    if fmt == "json":
        data = json.loads(out)
        pro = next(r for r in data["contracts"] if r["id"] == "professionalisation")
        assert pro["differs"] and pro["scenarios"]["B"]["status"] == "not_eligible"
        assert pro["scenarios"]["A"]["monthly_gross_eur_by_year"][0] == 1002.67
    else:
        assert "≠ diffère" in out
        assert "Contrat de professionnalisation" in out
        assert "✘ fermé" in out and "✔ ouvert" in out


def test_recommend_compare_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(json.dumps(PRIVATE), encoding="utf-8")
    b.write_text('{"employer_sector": "public"}', encoding="utf-8")  # only what changes
    args = [
        "recommend",
        "--answers",
        str(a),
        "--compare",
        str(b),
        "--as-of",
        "2026-01-01",
        "--lang",
        "en",
    ]
    assert main([*args, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["scenarios"] == ["A", "B"]
    assert data["answers"][1]["values"] == {
        "A": "A private company or association",
        "B": "A public body (State, local authority, hospital…)",
    }


def test_recommend_compare_takes_a_session_with_scenarios(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from alternance_tui.sessions.store import Session, SessionStore

    path = SessionStore(tmp_path).save(
        Session("alternance", PRIVATE, name="Zoé", scenarios={"B": PUBLIC}), "Zoé"
    )
    assert main(["recommend", "--compare", str(path), "--as-of", "2026-01-01", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "≠ Professionalisation contract" in out
    assert "Session: Zoé" in out  # issue 18, item 2: whose session it is


def test_recommend_compare_needs_two_scenarios(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    b = tmp_path / "b.json"
    b.write_text(json.dumps(PUBLIC), encoding="utf-8")
    assert main(["recommend", "--compare", str(b), "--lang", "en"]) == 2
    assert "two scenarios" in capsys.readouterr().err
    assert main(["recommend", "--compare", str(b), "--lang", "fr"]) == 2
    assert "deux scénarios" in capsys.readouterr().err
    monkeypatch.setenv("LANG", "en_US.UTF-8")  # no --lang: the terminal's language
    assert main(["recommend", "--compare", str(b)]) == 2
    assert "two scenarios" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "this session has one scenario (A)"), ("fr", "cette session n’a qu’un scénario")],
)
def test_a_session_with_one_scenario_says_how_to_compare_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, words: str
) -> None:
    """Issue 26, item 3: the README's `recommend --compare …/Zoe.json` failed with
    "needs two scenarios" for a session that had none besides A. It still cannot
    compare one scenario with nothing, but says the two ways to get a second."""
    from alternance_tui.sessions.store import Session, SessionStore

    path = SessionStore(tmp_path).save(Session("alternance", PRIVATE, name="Zoé"), "Zoé")
    assert main(["recommend", "--compare", str(path), "--lang", lang]) == 2
    err = capsys.readouterr().err
    assert words in err and "F5" in err
    assert f"--answers {path} --compare B.json" in err
    # ... and the second way works as said.
    b = tmp_path / "B.json"
    b.write_text(json.dumps({"employer_sector": "public"}), encoding="utf-8")
    args = ["--as-of", "2026-01-01", "--lang", lang]
    assert main(["recommend", "--answers", str(path), "--compare", str(b), *args]) == 0


THREE = {
    "A": {**PRIVATE, "diploma": "bac2", "duration_months": 12},
    "B": {**PUBLIC, "diploma": "bac2", "duration_months": 12},
    "C": {**PRIVATE, "diploma": "bac2", "duration_months": 24},
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_printed_comparison_of_three_scenarios_takes_two_pages_at_most(
    bundle: Bundle, tmp_path: Path, lang: str
) -> None:
    """Issue 18, item 8: four A4 pages with an orphaned table header before;
    printed by headless Chromium, at most two, no heading alone at a page's foot."""
    from tests.printing import headings, printed, stranded

    page = render_comparison(comparison(bundle, lang, SEPTEMBER, **THREE), "html")
    pages = printed(page, tmp_path / f"compare-{lang}.pdf")
    assert 1 <= len(pages) <= 2
    assert stranded(pages, headings(page)) == []
    every = " ".join(pages)
    assert ("1 250,90" if lang == "fr" else "1,250.90") in every


def test_stacked_lines_keep_their_indent_when_wrapped(bundle: Bundle) -> None:
    """Issue 18, item 8: at 80 columns a wrapped reason went back to the margin."""
    from alternance_tui.tui.advisor.compare import drawn

    cmp = comparison(bundle, "en", SEPTEMBER, **THREE)
    lines = drawn(cmp, 76).plain.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("  B: ✘ closed"))
    follow = lines[start + 1 : start + 4]
    assert all(line.startswith(" " * len("  B: ")) for line in follow), follow
    assert max(len(line) for line in lines if not line.startswith("  =")) <= 76
