"""`alternance recommend`: the command-line contract of docs/contract.md, through
``cli.main()`` (and a subprocess where the process itself matters)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from alternance_tui.cli.main import main

from .reference import percent_of, smic_monthly

DONE_WHEN = [
    "recommend",
    "-a",
    "age=20",
    "-a",
    "employer_sector=private",
    "-a",
    "diploma=bac_general",
    "-a",
    "duration_months=24",
    "--as-of",
    "2026-01-01",
]
NBSP = "\u00a0"


def run(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    stdin: str | None = None,
) -> tuple[int, str, str]:
    """Exit code, standard output and standard error of ``alternance ARGS``."""
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    try:
        code = main(args)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def contracts(out: str) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in json.loads(out)["contracts"]}


def pay_years(item: dict[str, Any]) -> list[tuple[int, int, int, float]]:
    return [
        (y["year"], y["age"], y["percent_of_smic"], y["monthly_gross_eur"])
        for y in item["pay"]["years"]
    ]


# --- the "Done when" --------------------------------------------------------


def test_done_when_json(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run(capsys, monkeypatch, [*DONE_WHEN, "--format", "json", "--lang", "en"])
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert (data["as_of"], data["lang"], data["rates_known_until"]) == (
        "2026-01-01",
        "en",
        "2026-06-01",
    )
    found = contracts(out)
    smic = smic_monthly("2026-01-01")
    assert found["apprenticeship"]["eligible"] is True
    assert pay_years(found["apprenticeship"]) == [
        (1, 20, 43, 783.90),
        (2, 21, 61, 1112.05),
    ]
    assert float(percent_of(61, smic)) == 1112.05
    assert found["professionalisation"]["eligible"] is True
    assert [y[2] for y in pay_years(found["professionalisation"])] == [55, 70]
    assert found["training"]["eligible"] is True
    assert found["training"]["pay"] is None
    internship = found["internship"]
    assert internship["eligible"] is False
    assert "24 months at 35 h a week is beyond that" in " ".join(internship["reasons"])


def test_done_when_in_french(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, monkeypatch, [*DONE_WHEN, "--format", "json", "--lang", "fr"])
    assert code == 0
    data = json.loads(out)
    assert data["lang"] == "fr"
    found = contracts(out)
    assert found["apprenticeship"]["title"] == "Contrat d’apprentissage"
    assert found["apprenticeship"]["reasons"][0] == "20 ans : dans la tranche de 16 à 29 ans."
    assert (
        found["training"]["pay_note"]["funding_routes"][0] == "Compte personnel de formation (CPF)"
    )
    assert found["internship"]["reasons"][1].startswith("Pas en stage")
    assert data["courses"][0]["title"].startswith("Licence 3 Administration publique")
    assert pay_years(found["apprenticeship"])[0] == (1, 20, 43, 783.90)


def test_done_when_text_in_french(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, monkeypatch, [*DONE_WHEN, "--format", "text", "--lang", "fr"])
    assert code == 0
    assert f"783,90{NBSP}€" in out
    assert f"1\u202f112,05{NBSP}€" in out
    assert "Contrat d’apprentissage — ✔ Ouvert pour vous" in out
    assert "Convention de stage — ✘ Pas ouvert pour vous" in out
    assert f"Durée prévue{NBSP}: 6 mois ou moins" in out


def test_language_defaults_to_the_locale(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    code, out, _ = run(capsys, monkeypatch, [*DONE_WHEN, "--format", "json"])
    assert (code, json.loads(out)["lang"]) == (0, "en")
    monkeypatch.delenv("LANG")
    code, out, _ = run(capsys, monkeypatch, [*DONE_WHEN, "--format", "json"])
    assert (code, json.loads(out)["lang"]) == (0, "fr")


# --- where answers come from ---------------------------------------------------------

FILE_ANSWERS = {
    "age": 31,
    "situations": ["top_athlete", "rqth"],
    "jobseeker_or_benefits": True,
    "employer_sector": "private",
    "diploma": "m1",
    "duration_months": 24,
}


def test_answers_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "me.json"
    path.write_text(json.dumps(FILE_ANSWERS), encoding="utf-8")
    args = ["recommend", "--answers", str(path), "--as-of", "2026-01-01", "--format", "json"]
    code, out, err = run(capsys, monkeypatch, args)
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["answers"]["situations"] == ["rqth", "top_athlete"]
    assert data["answers"]["jobseeker_or_benefits"] is True
    found = contracts(out)
    assert found["apprenticeship"]["eligible"] is True
    assert found["professionalisation"]["eligible"] is True


def test_answers_from_stdin_with_yes_no_words(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = dict(FILE_ANSWERS, jobseeker_or_benefits="no")
    args = ["recommend", "--answers", "-", "--as-of", "2026-01-01", "--format", "json"]
    code, out, _ = run(capsys, monkeypatch, args, stdin=json.dumps(answers))
    assert code == 0
    assert json.loads(out)["answers"]["jobseeker_or_benefits"] is False
    assert contracts(out)["professionalisation"]["eligible"] is False


def test_dash_a_multi_choice_and_yes_no(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    args = [
        "recommend",
        "-a",
        "age=40",
        "-a",
        "situations=rqth,top_athlete",
        "-a",
        "jobseeker_or_benefits=yes",
        "-a",
        "employer_sector=public",
        "-a",
        "diploma=master",
        "-a",
        "duration_months=12",
        "--as-of",
        "2026-01-01",
        "--format",
        "json",
    ]
    code, out, _ = run(capsys, monkeypatch, args)
    assert code == 0
    data = json.loads(out)
    assert data["answers"]["situations"] == ["rqth", "top_athlete"]
    assert data["answers"]["jobseeker_or_benefits"] is True
    assert contracts(out)["apprenticeship"]["eligible"] is True
    code, out, _ = run(capsys, monkeypatch, [*args, "-a", "jobseeker_or_benefits=non"])
    assert json.loads(out)["answers"]["jobseeker_or_benefits"] is False


def test_dash_a_overrides_the_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "me.json"
    path.write_text(json.dumps(FILE_ANSWERS), encoding="utf-8")
    args = ["recommend", "--answers", str(path), "-a", "diploma=bac2", "--format", "json"]
    code, out, _ = run(capsys, monkeypatch, [*args, "--as-of", "2026-01-01"])
    assert (code, json.loads(out)["answers"]["diploma"]) == (0, "bac2")


def test_answer_not_asked_is_noted_not_used(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    args = [*DONE_WHEN, "-a", "employer_sector=public", "-a", "agreement_minimum_eur=3000"]
    code, out, err = run(capsys, monkeypatch, [*args, "--format", "json", "--lang", "en"])
    assert code == 0
    assert "agreement_minimum_eur" not in json.loads(out)["answers"]
    assert err.splitlines() == [
        "alternance: note: -a employer_sector is given 2 times (private, public); "
        "the last one, public, was used",
        "alternance: note: agreement_minimum_eur is not asked for these answers; "
        "its value was not used",
    ]
    _, _, err = run(capsys, monkeypatch, [*args, "--format", "json", "--lang", "fr"])
    assert err.splitlines()[1] == (
        f"alternance: remarque: agreement_minimum_eur n’est pas demandé pour ces réponses{NBSP}; "
        "sa valeur n’a pas servi"
    )


# --- bad input: exit 2, one line per problem, no traceback ---------------------------


def _bad(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    stdin: str | None = None,
) -> list[str]:
    code, out, err = run(capsys, monkeypatch, [*args, "--lang", "en"], stdin)
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    return err.splitlines()


@pytest.mark.parametrize(
    ("extra", "line"),
    [
        (
            ["-a", "colour=blue"],
            "alternance: -a colour: “colour” is not a question of this interview. Questions: age,",
        ),
        (
            ["-a", "employer_sector=nasa"],
            "alternance: -a employer_sector: “nasa” is not one of the choices: "
            "private, public, individual, unknown.",
        ),
        (["-a", "age=12"], "alternance: -a age: Enter a number between 15 and 99 years."),
        (["-a", "age=120"], "alternance: -a age: Enter a number between 15 and 99 years."),
        (["-a", "age=20.5"], "alternance: -a age: Enter a whole number (no decimals)."),
        (["-a", "age=abc"], "alternance: -a age: “abc” is not a number: type digits, e.g. 15."),
        (["-a", "duration_months=0"], "alternance: -a duration_months: Enter a number between"),
        (["-a", "situations=rqth,astronaut"], "alternance: -a situations: “astronaut” is not one"),
        (
            ["-a", "jobseeker_or_benefits=maybe"],
            "alternance: -a jobseeker_or_benefits: Answer yes or no, not “maybe”.",
        ),
        (["-a", "age"], "alternance: -a age: write it as id=value, e.g. -a age=20"),
        (["-a", "=20"], "alternance: -a =20: write it as id=value, e.g. -a age=20"),
        (
            ["--as-of", "2018-12-31"],
            "alternance: --as-of: No reference values are known before 1 January 2019: "
            "choose a date from 1 January 2019 on.",
        ),
    ],
)
def test_one_bad_answer_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, extra: list[str], line: str
) -> None:
    lines = _bad(capsys, monkeypatch, [*DONE_WHEN, *extra])
    assert len(lines) == 1
    assert lines[0].startswith(line)


def test_several_problems_one_line_each(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    args = [*DONE_WHEN, "-a", "colour=blue", "-a", "age=abc", "-a", "employer_sector=nasa"]
    lines = _bad(capsys, monkeypatch, args)
    assert sorted(line.split(":")[1].strip() for line in lines) == [
        "-a age",
        "-a colour",
        "-a employer_sector",
    ]


def test_missing_required_answers_one_line_each(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = _bad(capsys, monkeypatch, ["recommend", "-a", "age=27", "--as-of", "2026-01-01"])
    fix = "give it with -a {}=… or in the answers file."
    assert lines == [
        f"alternance: jobseeker_or_benefits: “Job seeker or RSA/ASS/AAH” needs an answer: "
        f"{fix.format('jobseeker_or_benefits')}",
        f"alternance: employer_sector: “Employer” needs an answer: {fix.format('employer_sector')}",
        f"alternance: diploma: “Highest diploma” needs an answer: {fix.format('diploma')}",
        f"alternance: duration_months: “Planned length” needs an answer: "
        f"{fix.format('duration_months')}",
    ]


def test_missing_answers_read_in_french(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(capsys, monkeypatch, ["recommend", "--lang", "fr", "-a", "age=20"], None)
    assert code == 2
    assert err.splitlines()[0] == (
        "alternance: employer_sector: «\u00a0Employeur\u00a0» demande une réponse\u00a0: "
        "donnez-la avec "
        "-a employer_sector=… ou dans le fichier de réponses."
    )


def test_no_answers_at_all(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (line,) = _bad(capsys, monkeypatch, ["recommend"])
    assert line.startswith("alternance: recommend needs answers: --answers FILE.json")


def test_malformed_json_names_its_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "me.json"
    path.write_text('{\n  "age": 20,\n  "diploma": "m1",\n}\n', encoding="utf-8")
    (line,) = _bad(capsys, monkeypatch, ["recommend", "--answers", str(path)])
    assert line.startswith(f"alternance: --answers: {path}: line 4, column 1: not valid JSON")


def test_malformed_json_on_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (line,) = _bad(capsys, monkeypatch, ["recommend", "--answers", "-"], stdin='{"age": 20,')
    assert line.startswith("alternance: --answers: standard input: line 1, column 12: not valid")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("[1, 2]", "a list"),
        ('"age=20"', "a text"),
        ("20", "a number"),
        ("null", "null (nothing)"),  # not "a NoneType"
        ("true", "true or false"),
    ],
)
def test_json_that_is_not_an_object(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, text: str, found: str
) -> None:
    (line,) = _bad(capsys, monkeypatch, ["recommend", "--answers", "-"], stdin=text)
    assert line == (
        "alternance: --answers: standard input: expected a JSON object of question id -> "
        f"answer, found {found}"
    )


def test_bad_values_in_a_json_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = {"age": True, "situations": "rqth", "employer_sector": 3, "diploma": "phd"}
    lines = _bad(capsys, monkeypatch, ["recommend", "--answers", "-"], stdin=json.dumps(answers))
    assert [line.split(":")[2].strip() for line in lines] == [
        "age",
        "employer_sector",
        "diploma",
    ]


def test_missing_answers_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    missing = tmp_path / "nothing.json"
    (line,) = _bad(capsys, monkeypatch, ["recommend", "--answers", str(missing)])
    assert line == f"alternance: --answers: {missing}: no such file"


@pytest.mark.parametrize("date", ["2026-13-01", "01/09/2026", "soon"])
def test_bad_as_of(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, date: str
) -> None:
    lines = _bad(capsys, monkeypatch, [*DONE_WHEN, "--as-of", date])
    # One line: what is wrong, how to write it, where to read more (no usage block).
    assert lines == [
        f"alternance recommend: error: argument --as-of: '{date}' is not a date: "
        "write it as YYYY-MM-DD, e.g. 2026-09-01 (see: alternance recommend -h)"
    ]


# --- formats and files ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "marker"),
    [
        ("text", "Apprenticeship contract — ✔ Open to you"),
        ("markdown", "### Apprenticeship contract — ✔ Open to you"),
        ("html", "<h3>Apprenticeship contract — ✔ Open to you</h3>"),
    ],
)
def test_formats_render(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, fmt: str, marker: str
) -> None:
    code, out, _ = run(capsys, monkeypatch, [*DONE_WHEN, "--format", fmt, "--lang", "en"])
    assert code == 0
    assert marker in out
    assert "€783.90" in out


def test_html_escapes_and_has_tables(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    args = [*DONE_WHEN, "-a", "diploma=master", "--format", "html", "--lang", "en"]
    code, out, _ = run(capsys, monkeypatch, args)
    assert code == 0
    assert out.startswith("<!doctype html>")
    assert "<table>" in out
    assert "cultural organisations &amp; events" in out
    assert "organisations & events" not in out


def test_output_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "handout.html"
    args = [*DONE_WHEN, "--format", "html", "--lang", "fr", "-o", str(target)]
    code, out, err = run(capsys, monkeypatch, args)
    assert (code, out, err) == (0, "", "")
    page = target.read_text(encoding="utf-8")
    assert '<html lang="fr">' in page and f"783,90{NBSP}€" in page


def test_output_file_that_cannot_be_written(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    target = blocker / "handout.json"  # a file where a folder should be
    (line,) = _bad(capsys, monkeypatch, [*DONE_WHEN, "-o", str(target)])
    assert line.startswith(f"alternance: --output: {target}: cannot write it")


# --- the process itself --------------------------------------------------------------


def _process(args: list[str], seed: str, stdin: str = "") -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env["PYTHONHASHSEED"] = seed
    return subprocess.run(
        [sys.executable, "-m", "alternance_tui", *args],
        input=stdin.encode(),
        capture_output=True,
        env=env,
        check=False,
        timeout=60,
    )


def test_byte_identical_json_across_processes() -> None:
    args = [
        *DONE_WHEN,
        "-a",
        "employer_sector=unknown",
        "-a",
        "interests=security,culture,health_social",
        "--format",
        "json",
    ]
    first, second = _process(args, "1"), _process(args, "2")
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout
    assert json.loads(first.stdout)["answers"]["interests"] == [
        "culture",
        "health_social",
        "security",
    ]


def test_bad_input_in_a_process_has_no_traceback() -> None:
    done = _process(["recommend", "--answers", "-", "--lang", "en"], "0", stdin="{oops")
    assert done.returncode == 2
    assert done.stdout == b""
    err = done.stderr.decode()
    assert "Traceback" not in err
    assert err.count("\n") == 1 and "line 1, column 2: not valid JSON" in err
