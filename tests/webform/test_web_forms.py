"""``alternance web`` over HTTP, as a browser without JavaScript uses it: the
pages, the checks and their messages, the signed state, what it refuses."""

from __future__ import annotations

import json
import re

import pytest
from tests.webform.support import AS_OF, KEY, answer_all, asked_id, served, shown

from alternance_tui.advice.engine import Engine
from alternance_tui.advice.model import Bundle
from alternance_tui.webform.seal import Seal

YOUNG = {
    "age": ["20"],
    "employer_sector": ["private"],
    "diploma": ["bac_general"],
    "duration_months": ["24"],
    "birth_month": ["3"],
}


@pytest.fixture(scope="module")
def engine(bundle: Bundle) -> Engine:
    return Engine(bundle)


def test_a_whole_interview_from_welcome_to_results(engine: Engine) -> None:
    with served(engine) as browser:
        welcome = browser.get("/")
        assert welcome.status == 200
        assert '<html lang="en">' in welcome.text
        assert welcome.headers["Cache-Control"] == "private"
        assert "default-src 'none'" in welcome.headers["Content-Security-Policy"]
        first = browser.press(welcome, "start")
        assert first.h1 == "How old will you be when the contract starts?"
        review, asked = answer_all(browser, first, YOUNG)
        assert asked[:3] == ["age", "employer_sector", "diploma"]
        assert "birth_month" in asked and "interests" in asked
        assert review.h1 == "Your answers"
        assert 'value="change:age"' in review.text
        results = browser.press(review, "results")
        assert results.h1 == "Your work-linked training options"
        assert "Apprenticeship contract" in results.text
        # From the results, back to the review, change the age, and back to the review.
        again = browser.press(results, "review")
        change = browser.press(again, "change:age")
        assert change.h1.startswith("How old") and "Changing an answer" in change.text
        assert "Save and go back to your answers" in change.text
        saved = browser.press(change, "next", "21")
        assert saved.h1 == "Your answers" and "21 years" in saved.text


def test_a_wrong_answer_is_shown_back_with_the_checks_message_and_a_summary(
    engine: Engine,
) -> None:
    with served(engine) as browser:
        age = browser.press(browser.get("/"), "start")
        wrong = browser.press(age, "next", "12")
        assert wrong.status == 200
        assert wrong.title.startswith("Error: ")
        assert 'class="error-summary" role="alert"' in wrong.text
        assert '<a href="#age">Enter a number between 15 and 99 years.</a>' in wrong.text
        assert 'aria-invalid="true"' in wrong.text
        assert shown(wrong) == ["12"]  # what was typed stays in the field
        # A choice page with nothing chosen links its summary to the first option.
        sector = browser.press(browser.press(wrong, "next", "20"), "next")
        assert asked_id(sector) == "employer_sector"
        assert '<a href="#employer_sector-0">Choose one of the answers.</a>' in sector.text


def test_french_pages_speak_french_and_read_french_numbers(engine: Engine) -> None:
    with served(engine, lang="fr") as browser:
        welcome = browser.get("/")
        assert '<html lang="fr">' in welcome.text
        assert 'lang="en">English</button>' in welcome.text
        age = browser.press(welcome, "start")
        assert age.h1 == "Quel âge aurez-vous au début du contrat\u202f?"  # French spacing
        wrong = browser.press(age, "next", "1_9")
        assert wrong.title.startswith("Erreur\u00a0: ")
        assert "n’est pas écrit avec les chiffres 0 à 9" in wrong.text
        # The switch keeps the page and what its fields held (JavaScript copies them).
        english = browser.post(
            [("state", wrong.state), ("lang", "en"), ("asked", "age"), ("answer", "19")]
        )
        assert english.h1 == "How old will you be when the contract starts?"
        assert '<html lang="en">' in english.text and shown(english) == ["19"]


def test_a_tampered_or_foreign_state_is_refused_with_a_clear_message(engine: Engine) -> None:
    with served(engine) as browser:
        age = browser.press(browser.get("/"), "start")
        body, mac = age.state.split(".")
        data = json.loads(_unb64(body))
        data["a"]["age"] = 99
        forged = _b64(json.dumps(data).encode()) + "." + mac
        for state in (forged, "garbage", "", "a.b", age.state[:-2] + "AA", "x" * 20_000):
            refused = browser.post([("state", state), ("go", "next"), ("answer", "20")])
            assert refused.status == 400, state[:40]
            assert refused.h1 == "This form cannot be used"
            assert "changed outside this page" in refused.text
            assert "Traceback" not in refused.text
        # Made with another key: another server's, not this one's.
        other = Seal(b"o" * 32).seal(_interview_at(engine, "age"), 0)
        assert browser.post([("state", other), ("go", "next")]).status == 400


def test_hostile_input_is_text_in_the_page_never_markup_or_a_crash(engine: Engine) -> None:
    with served(engine) as browser:
        age = browser.press(browser.get("/"), "start")
        for typed in ("<script>alert(1)</script>", "[/]\x1b[31m", "\u202e", "9" * 5000, "\x00"):
            page = browser.post(
                [("state", age.state), ("go", "next"), ("asked", "age"), ("answer", typed)]
            )
            assert page.status == 200
            assert "<script>alert" not in page.text
            assert "\x1b" not in page.text and "\x00" not in page.text
            assert "error-summary" in page.text
        # A lone surrogate (as UTF-8 would encode it), bytes that are not UTF-8 at all.
        for answer in (b"%ED%A0%80", b"%ff%fe\xff"):
            raw = b"state=" + age.state.encode() + b"&go=next&asked=age&answer=" + answer
            page = browser.post(raw)
            assert page.status == 200 and "\ufffd" in page.text and "error-summary" in page.text
        # A choice that is not one.
        sector = browser.press(age, "next", "20")
        odd = browser.press(sector, "next", "astronaut")
        assert "“astronaut” is not one of the choices" in odd.text
        # A form larger than any page sends is not read.
        huge = browser.post([("state", age.state), ("answer", "1" * 40_000)])
        assert huge.status == 413 and "Form too long" in huge.text


def test_any_process_with_the_same_key_answers_any_page(engine: Engine) -> None:
    """No sticky sessions: each page is posted to another process."""
    with served(engine) as one, served(engine) as two, served(engine, key=b"z" * 32) as third:
        page = one.press(one.get("/"), "start")
        servers = [two, one]
        for question, answer in (("age", "20"), ("employer_sector", "public")):
            assert asked_id(page) == question
            page = servers[0].press(page, "next", answer)
            servers.reverse()
        assert asked_id(page) == "diploma"
        assert third.press(page, "next", "licence").status == 400


def test_a_kiosk_keeps_nothing_and_refuses_an_old_form(engine: Engine) -> None:
    with served(engine, kiosk=True, idle_seconds=60, countdown_seconds=20) as browser:
        welcome = browser.get("/?lang=fr")
        assert '<html lang="en">' in welcome.text  # a kiosk starts in its own language
        age = browser.press(welcome, "start")
        assert age.headers["Cache-Control"] == "no-store"
        assert 'autocomplete="off"' in age.text
        assert 'data-idle="60" data-countdown="20"' in age.text
        sector = browser.press(age, "next", "20")
        # The same form, replayed once the kiosk has reset: nothing comes back.
        old = Seal(KEY).seal(_interview_at(engine, "employer_sector", age=20), 1_000)
        erased = browser.post([("state", old), ("go", "next"), ("answer", "private")])
        assert erased.h1.startswith("Work-linked training at IMPGT")
        assert "Everything was erased" in erased.text and "20 years" not in erased.text
        # Finish and erase: the welcome page in the kiosk's language, no answer kept.
        done = browser.press(sector, "restart")
        assert "Start" in done.text
        assert json.loads(_unb64(done.state.split(".")[0]))["a"] == {}


def test_pages_that_do_not_exist_and_health(engine: Engine) -> None:
    with served(engine) as browser:
        missing = browser.get("/nowhere")
        assert missing.status == 404 and missing.h1 == "Page not found"
        assert browser.get("/healthz").text == "ok\n"
        assert re.search(r"body\{", browser.get("/static/web.css").text)


def _interview_at(engine: Engine, question: str, **answers: object):  # type: ignore[no-untyped-def]
    from alternance_tui.interview.state import Interview

    interview = Interview(engine.bundle.flow, lang="en")
    interview.load_answers(answers)
    interview.begin()
    interview.current = question
    return interview


def _b64(data: bytes) -> str:
    import base64

    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    import base64

    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


assert AS_OF.year == 2026


def test_the_results_give_the_month_by_month_pay_when_the_birth_month_is_known(
    engine: Engine,
) -> None:
    """Born in March, 20 at a September start: 21 in March, so an apprentice's pay
    rises from April (43 % then 53 %), as `recommend` and the TUI say; the yearly
    table alone read 43 % for the whole first year."""
    with served(engine) as browser:
        review, _ = answer_all(browser, browser.press(browser.get("/"), "start"), YOUNG)
        results = browser.press(review, "results")
        assert "Month by month (a new age counts from the month after the birthday)" in (
            results.text
        )
        cells = re.sub(r"<[^>]+>", "|", results.text)
        assert re.search(r"8–12 \(April\)\|+21\|+53%", cells), cells[-4000:]


@pytest.mark.parametrize(("lang", "rsa"), [("en", "RSA: "), ("fr", "RSA\u00a0: ")])
def test_words_are_explained_under_the_question_that_first_uses_them(
    engine: Engine, lang: str, rsa: str
) -> None:
    """Issue 22, item 3, in the browser too: at 27 the job-seeker question names RSA,
    ASS and AAH; the app and --plain explain them under it, the web page did not."""
    with served(engine) as browser:
        page = browser.press(browser.get(f"/?lang={lang}"), "start")
        seen: dict[str, str] = {}
        for _ in range(40):
            question = asked_id(page)
            if not question:
                break
            seen[question] = page.text
            answer = {"age": ["27"]}.get(question, shown(page))
            page = browser.press(page, "next", *answer)
        words = seen["jobseeker_or_benefits"]
        listed = re.search(
            r'<ul class="hint words" id="jobseeker_or_benefits-words">(.*?)</ul>', words, re.S
        )
        assert listed is not None, words
        for term in (rsa, "ASS", "AAH"):
            assert term in listed.group(1)
        assert re.search(r"aria-describedby=\"[^\"]*jobseeker_or_benefits-words", words)
        later = [text for q, text in seen.items() if q != "jobseeker_or_benefits"]
        assert not any(rsa in re.sub(r"<[^>]+>", "", text) for text in later if "words" in text)
