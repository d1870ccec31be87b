"""``alternance --plain`` driven through a real pseudo-terminal, as a person
using a screen reader or a braille display meets it: whole interviews in both
languages with back, a bad answer, help and a change from the review; resume
after the process is killed; Ctrl+D and Ctrl+C; and never an escape sequence
in anything it prints."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.plain.pty_plain import CTRL_C, CTRL_D, PlainTerminal
from tests.tui.pty_app import environment

AS_OF = "2026-12-07"
ESCAPES = (b"\x1b", b"\x9b", "\x9b".encode())  # ESC, and CSI in one byte or in UTF-8


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path


@pytest.fixture
def terminals() -> Iterator[list[PlainTerminal]]:
    started: list[PlainTerminal] = []
    yield started
    for terminal in started:
        terminal.close()


def start(started: list[PlainTerminal], home: Path, *args: str, **env: str) -> PlainTerminal:
    terminal = PlainTerminal(home, *args, **env)
    started.append(terminal)
    return terminal


def assert_no_escape(terminal: PlainTerminal) -> None:
    for escape in ESCAPES:
        assert escape not in terminal.output, terminal.text[-2000:]


def saved(home: Path, name: str = "autosave") -> dict[str, object]:
    found = list(home.rglob(f"sessions/{name}.json"))
    assert len(found) == 1, found
    data = json.loads(found[0].read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_a_whole_interview_in_english(home: Path, terminals: list[PlainTerminal]) -> None:
    t = start(terminals, home, "--plain", "--lang", "en", "--as-of", AS_OF)
    t.wait_for("These words work at any question: back goes to the question before")
    t.wait_for("How old will you be when the contract starts?")
    t.wait_for("Type a number: ")
    # A bad answer: what is wrong, and what to type.
    said = t.answer("abc", "Type a number: ")
    assert "“abc” is not a number: type digits" in said
    t.answer("20", "With what kind of employer or host?")
    said = t.wait_for("Type a number from 1 to 4: ")
    assert "1. A private company or association" in said and "4. Not known yet" in said
    said = t.answer("9", "Type a number from 1 to 4: ")
    assert "There is no answer 9 here: type a number from 1 to 4." in said
    said = t.answer("help", "Type a number from 1 to 4: ")
    assert "Type the number of your answer, or its words" in said
    assert "If you do not know yet, choose “Not known yet”" in said  # the flow's help
    t.answer("a private company or association", "What is your highest diploma?")
    # Back: the question before, with the answer kept.
    t.wait_for("Type a number from 1 to 8: ")
    said = t.answer("back", "Type a number from 1 to 4: ")
    assert "With what kind of employer or host?" in said
    assert "Your answer now: A private company or association. Press Enter to keep it." in said
    t.answer("", "What is your highest diploma?")
    t.answer("2", "What is your situation today?")
    said = t.wait_for("Type a number from 1 to 5: ")
    assert "Press Enter for: I would rather not say." in said
    t.answer("", "Which year of study")
    t.answer("", "How many months")
    t.answer("24", "Do you have RQTH")
    t.answer("", "Have you been an apprentice before?")
    t.answer("", "In which month would the contract start?")
    t.answer("October", "In which month were you born?")
    t.answer("not known", "How many hours a week?")
    t.answer("", "collective agreement’s minimum")
    t.answer("", "Which fields interest you?")
    t.answer("1, 3", "Which campus do you prefer?")
    # The review: every answer numbered; one changed by its number, then back to it.
    said = t.answer("2", "Type the number of an answer to change it")
    assert "Your answers, 14 in all:" in said
    assert "7. RQTH (disabled-worker status): No" in said
    assert "9. Start month: October" in said
    assert "10. Birth month: not given" in said
    assert "13. Fields of interest: Public management and administration, Health" in said
    t.answer("2", "With what kind of employer or host?")
    said = t.answer("2", "Type the number of an answer to change it")
    assert "2. Employer: A public body (State, local authority, hospital…)" in said
    said = t.answer("", "Type review to change an answer, or quit to leave: ")
    # The results, as the text report says them, read line by line.
    assert "Your results follow." in said and "End of the results." in said
    assert "Apprenticeship contract — Open to you" in said
    assert "  Met: Aged 20: within the 16 to 29 range." in said
    assert "Year: 1; Age: 20; % of the SMIC: 43%; Monthly gross: €802.82" in said
    assert "====" not in said and "----" not in said
    said = t.answer("quit", "alternance --plain --resume")
    assert "Goodbye." in said and "Your answers are saved." in said
    assert t.wait_exit() == 0
    assert_no_escape(t)
    session = saved(home)
    assert session["answers"] == {
        "age": 20,
        "employer_sector": "public",
        "diploma": "bac_general",
        "status": "unknown",
        "entry_level": "other",
        "duration_months": 24,
        "rqth": False,
        "previous_apprenticeship": "none",
        "start_month": 10,
        "birth_month": None,
        "weekly_hours": 35,
        "agreement_minimum_eur": None,
        "interests": ["health_social", "public_management"],
        "campus": "marseille",
    }


def test_a_whole_interview_in_french_with_the_french_words(
    home: Path, terminals: list[PlainTerminal]
) -> None:
    t = start(terminals, home, "--plain", "--lang", "fr", "--as-of", AS_OF)
    t.wait_for("Ces mots marchent à toute question\u00a0: retour revient")
    t.wait_for("Tapez un nombre\u00a0: ")
    said = t.answer("vingt", "Tapez un nombre\u00a0: ")
    assert "«\u00a0vingt\u00a0» n’est pas un nombre" in said
    said = t.answer("retour", "Tapez un nombre\u00a0: ")
    assert "C’est la première question\u00a0: il n’y en a pas avant." in said
    t.answer("20", "Avec quel type d’employeur")
    t.wait_for("Tapez un nombre de 1 à 4\u00a0: ")
    said = t.answer("aide", "Tapez un nombre de 1 à 4\u00a0: ")
    assert "Tapez le numéro de votre réponse, ou ses mots" in said
    t.answer("1", "Quel est votre diplôme le plus élevé")
    said = t.answer("retour", "Tapez un nombre de 1 à 4\u00a0: ")
    assert "Votre réponse actuelle\u00a0: Une entreprise ou association privée." in said
    t.answer("1", "Quel est votre diplôme le plus élevé")
    t.answer("bac général", "Quelle est votre situation aujourd’hui")
    t.answer("", "Quelle année de formation")
    t.answer("", "Combien de mois")
    t.answer("12", "Avez-vous une RQTH")
    t.answer("", "Avez-vous déjà été apprenti")
    said = t.answer("réponses", "Tapez le numéro d’une réponse pour la changer")
    assert "Vos réponses, 15 en tout\u00a0:" in said
    row = re.search(r"([0-9]+)\. Durée prévue\u00a0: 12\s+mois", said)
    assert row is not None
    assert "Apprentissage précédent\u00a0: Non, par défaut" in said
    t.answer(row[1], "Combien de mois")
    said = t.answer("18", "Tapez le numéro d’une réponse pour la changer")
    assert re.search(rf"{row[1]}\. Durée prévue\u00a0: 18\s+mois", said)
    said = t.answer("", "Tapez réponses pour changer une réponse, ou quitter pour partir")
    assert "Contrat d’apprentissage — Ouvert pour vous" in said
    assert "  Rempli\u00a0: 20 ans\u00a0: dans la tranche de 16 à 29 ans." in said
    assert "Fin des résultats." in said
    said = t.answer("quitter", "alternance --plain --resume")
    assert "Au revoir." in said and "Vos réponses sont enregistrées." in said
    assert t.wait_exit() == 0
    assert_no_escape(t)
    assert saved(home)["lang"] == "fr"


def test_an_interview_killed_mid_way_is_resumed_where_it_stood(
    home: Path, terminals: list[PlainTerminal]
) -> None:
    first = start(terminals, home, "--plain", "--lang", "en", "--as-of", AS_OF)
    first.wait_for("Type a number: ")
    first.answer("20", "Type a number from 1 to 4: ")
    first.answer("1", "Type a number from 1 to 8: ")
    first.answer("2", "What is your situation today?")
    os.killpg(first.process.pid, signal.SIGKILL)  # no goodbye: only what was saved remains
    assert first.wait_exit() == -signal.SIGKILL
    # --resume: where it stood, with every answer.
    second = start(terminals, home, "--plain", "--resume", "--as-of", AS_OF)
    said = second.wait_for("Type a number from 1 to 5: ")
    assert "Session resumed (3 answers)." in said
    assert re.search(r"Question 4 of about [0-9]+\.", said)
    assert "What is your situation today?" in said
    second.answer("back", "What is your highest diploma?")
    said = second.wait_for("Type a number from 1 to 8: ")
    assert "Your answer now: General baccalaureate." in said
    os.killpg(second.process.pid, signal.SIGKILL)
    second.wait_exit()
    # Without --resume, the saved interview is offered.
    third = start(terminals, home, "--plain", "--lang", "en", "--as-of", AS_OF)
    said = third.wait_for("Type yes or no: ")
    assert "with 3 answers, can be continued. Continue it?" in said
    said = third.answer("yes", "Type a number from 1 to 8: ")
    assert "What is your highest diploma?" in said  # where the last one stood
    third.type(CTRL_D, enter=False)
    said = third.wait_for("alternance --plain --resume")
    assert "End of input." in said and "Your answers are saved." in said
    assert third.wait_exit() == 0
    for terminal in (first, second, third):
        assert_no_escape(terminal)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_ctrl_d_and_ctrl_c_save_and_say_how_to_resume_at_any_prompt(
    home: Path, terminals: list[PlainTerminal], tmp_path: Path, lang: str
) -> None:
    answers = tmp_path / "me.json"
    answers.write_text(json.dumps({"age": 20, "employer_sector": "private", "diploma": "licence"}))
    ways = {"en": ("End of input.", "Stopped."), "fr": ("Fin de la saisie.", "Arrêté.")}
    eof, stopped = ways[lang]
    number = {"en": "Type a number: ", "fr": "Tapez un nombre\u00a0: "}[lang]
    # At the results (the answers given open on them once nothing required is missing).
    results = start(terminals, home, "--plain", "--lang", lang, "--as-of", AS_OF,
                    "--answers", str(answers))  # fmt: skip
    said = results.wait_for(number)  # the planned length is still missing
    assert "Changing an answer" not in said and "Modification" not in said
    results.answer("12", "IMPGT")
    results.wait_for(": ")
    results.type(CTRL_D, enter=False)
    said = results.wait_for("alternance --plain --resume")
    assert eof in said
    assert results.wait_exit() == 0
    # At the review, from a resumed session.
    review = start(terminals, home, "--plain", "--resume", "--as-of", AS_OF)
    review.wait_for(": ")
    review.answer("review" if lang == "en" else "réponses", "5. ")
    review.wait_for(": ")
    review.type(CTRL_C, enter=False)
    said = review.wait_for("alternance --plain --resume")
    assert stopped in said
    assert review.wait_exit() == 130
    # At the offer to continue.
    offer = start(terminals, home, "--plain", "--lang", lang, "--as-of", AS_OF)
    offer.wait_for("?")
    offer.wait_for(": ")
    offer.type(CTRL_D, enter=False)
    offer.wait_for("alternance --plain --resume")
    assert offer.wait_exit() == 0
    assert saved(home)["answers"] == {
        "age": 20,
        "employer_sector": "private",
        "diploma": "licence",
        "duration_months": 12,
    }
    for terminal in (results, review, offer):
        assert_no_escape(terminal)


def test_hostile_lines_are_refused_with_what_to_type(
    home: Path, terminals: list[PlainTerminal]
) -> None:
    t = start(terminals, home, "--plain", "--lang", "en", "--as-of", AS_OF)
    t.wait_for("Type a number: ")
    said = t.answer("2\x1b]0;pwned\x07\x1b[2J0", "Type a number: ")
    assert "The line holds a control character" in said
    said = t.answer(b"\xff\xfe20", "Type a number: ")
    assert "is not UTF-8 text" in said and "A number always works." in said
    said = t.answer("\ud800".encode("utf-8", "surrogatepass"), "Type a number: ")
    assert "is not UTF-8 text" in said
    said = t.answer("[/]", "Type a number: ")
    assert "“[/]” is not a number" in said
    # A terminal line holds at most 4095 characters: the rest is the terminal's to drop.
    said = t.answer("9" * 10_000, "Type a number: ")
    assert "Enter a number between 15 and 99 years" in said
    t.answer("20", "Type a number from 1 to 4: ")
    said = t.answer("[bold]1[/bold]", "Type a number from 1 to 4: ")
    assert "“[bold]1[/bold]” is not one of the answers" in said
    t.answer("1", "Type a number from 1 to 8: ")
    t.type(CTRL_C, enter=False)
    assert t.wait_exit() == 130
    assert_no_escape(t)
    assert saved(home)["answers"] == {"age": 20, "employer_sector": "private"}


def test_a_kiosk_writes_nothing_erases_on_quit_and_after_idle_time(
    home: Path, terminals: list[PlainTerminal]
) -> None:
    t = start(terminals, home, "--plain", "--kiosk", "--lang", "en", "--as-of", AS_OF,
              "--idle-seconds", "4", "--countdown-seconds", "1")  # fmt: skip
    said = t.wait_for("Type a number: ")
    assert "Nothing is sent or saved" in said and "quit erases everything" in said
    t.answer("20", "Type a number from 1 to 4: ")
    said = t.answer("quit", "Type a number: ")
    assert "Everything was erased. The next person can start." in said
    assert re.search(r"Question 1 of about [0-9]+\.", said)
    t.answer("20", "Type a number from 1 to 4: ")
    said = t.wait_for("Everything was erased.", timeout=30)
    assert "Still there? Press Enter within 1 second to" in said
    said = t.wait_for("Type a number: ")
    assert "Your answer now" not in said  # the age is gone
    t.type(CTRL_C, enter=False)  # no way out: erased again
    t.wait_for("Everything was erased.")
    t.wait_for("Type a number: ")
    t.type(CTRL_D, enter=False)  # nor at the end of input on a terminal
    t.wait_for("Everything was erased.")
    assert t.process.poll() is None
    assert_no_escape(t)
    written = [p for p in home.rglob("*") if p.is_file()]
    assert written == []


def test_a_dumb_terminal_gets_plain_lines_and_sigterm_saves(
    home: Path, terminals: list[PlainTerminal]
) -> None:
    # No --plain: TERM=dumb cannot take the full-screen app.
    t = start(terminals, home, "--lang", "en", "--as-of", AS_OF, TERM="dumb")
    said = t.wait_for("Type a number: ")
    assert re.search(r"Question 1 of about [0-9]+\.", said)
    t.answer("20", "Type a number from 1 to 4: ")
    os.killpg(t.process.pid, signal.SIGTERM)
    said = t.wait_for("alternance --plain --resume")
    assert "Stopped." in said and "Your answers are saved." in said
    assert t.wait_exit() == 128 + signal.SIGTERM
    assert_no_escape(t)
    assert saved(home)["answers"] == {"age": 20}


def test_piped_in_and_out_it_reads_as_a_transcript(home: Path) -> None:
    # Output that is not a terminal: plain lines, each typed line written after its prompt.
    typed = "20\n1\nback\n\n2\n"
    done = subprocess.run(
        [sys.executable, "-m", "alternance_tui", "--lang", "en", "--as-of", AS_OF],
        input=typed.encode(),
        capture_output=True,
        env=environment(home),
        timeout=120,
        check=False,
    )
    out = done.stdout.decode()
    assert done.returncode == 0, done.stderr.decode()
    assert done.stderr == b""
    assert "Type a number: 20\n" in out
    assert "Type a number from 1 to 4: back\n" not in out  # "back" was typed at question 3
    assert "Type a number from 1 to 8: back\n" in out
    assert "Your answer now: A private company or association. Press Enter to keep it." in out
    assert out.endswith("End of input.\nYour answers are saved. To continue later, type: "
                        "alternance --plain --resume\n")  # fmt: skip
    assert b"\x1b" not in done.stdout
    assert saved(home)["answers"] == {
        "age": 20,
        "employer_sector": "private",
        "diploma": "bac_general",
    }
