"""Issue 22, item 6: a card leads with what the person can do, then what it pays
(gross and net, a month and a year), then why; the articles and the formulas are
folded under "Sources and calculation", opened on demand (Enter, or a click), and
are in the handout's sources section."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.tui.conftest import SIZE, MakeApp, pilot_test, screen_text

from alternance_tui.advice.engine import Engine
from alternance_tui.advice.model import Bundle
from alternance_tui.sessions.advising import handout_of
from alternance_tui.tui.pages.results import ResultCard, ResultsScreen, SourcesToggle
from alternance_tui.tui.pages.resultview import results_view

YOUNG = {"age": 20, "employer_sector": "private", "diploma": "bac_general", "duration_months": 24}
DAY = dt.date(2026, 1, 1)
ARTICLE = "L6222-1"  # the apprenticeship's age rule
FORMULA = "L6243-2"  # the apprentice's net: contributions above 50 % of the SMIC


def _card_text(card: ResultCard) -> str:
    return "\n".join(str(w.content) for w in card.query("Static"))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_card_leads_with_its_amounts_and_folds_its_sources(bundle: Bundle, lang: str) -> None:
    view = results_view(Engine(bundle).recommend(YOUNG, as_of=DAY, lang=lang), bundle)
    card = view.sections[0].cards[0]
    assert card.id == "apprenticeship"
    shown = "\n".join([*card.pay.lines, *(r.text for r in card.reasons)] if card.pay else [])
    assert ARTICLE not in shown and FORMULA not in shown and "SMIC" not in card.pay.lines[0]
    # Twelve months of year 1 (43 % of the SMIC, €783.90), gross and net.
    assert ("9,406.80" if lang == "en" else "9\u202f406,80") in card.pay.lines[0]
    assert any(ARTICLE in line for line in card.sources)
    assert any(FORMULA in line for line in card.calculation)
    assert any("D6222-26" in line for line in card.calculation)


def test_a_year_with_a_birthday_is_the_sum_of_its_months(bundle: Bundle) -> None:
    answers = {**YOUNG, "duration_months": 18, "birth_month": 11}
    view = results_view(Engine(bundle).recommend(answers, as_of=DAY, lang="en"), bundle)
    line = view.sections[0].cards[0].pay.lines[0]  # type: ignore[union-attr]
    # 3 months at €783.90, then 9 at €966.21 (21 in December); year 2 is 6 months.
    assert "€11,047.59 gross" in line and "in year 2 (6 months)" in line


@pilot_test
async def test_enter_opens_and_closes_sources_and_calculation(make_app: MakeApp) -> None:
    app = make_app("en", answers=YOUNG)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        card = app.screen.query(ResultCard).first()
        body = _card_text(card)
        # What it pays comes before why; the articles and the formula are not shown.
        assert body.index("Over twelve months") < body.index("Why")
        assert ARTICLE not in body and FORMULA not in body
        assert "▸ Sources and calculation" in screen_text(app)
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert app.focused is card
        opened = _card_text(card)
        assert ARTICLE in opened and FORMULA in opened and "▾ Sources" in opened
        assert app.screen.open_sources == {"apprenticeship"}
        # Open across a redraw: another language keeps it open.
        await pilot.press("f2")
        await pilot.pause()
        card = app.screen.query(ResultCard).first()
        assert "▾ Sources et calcul" in _card_text(card) and ARTICLE in _card_text(card)
        card.focus()
        scroll = app.screen.query_one("#results-scroll")
        toggle = card.query_one(SourcesToggle)
        await pilot.pause()
        for _ in range(3):
            await pilot.press("pagedown")
            await pilot.pause()
            if not scroll.region.overlaps(toggle.region):
                break
        assert not scroll.region.overlaps(toggle.region)  # read down past the line
        await pilot.press("enter")
        await pilot.pause()
        assert ARTICLE not in _card_text(card) and app.screen.open_sources == set()
        # Closed from below its line: the line is back in view, not the next card.
        assert scroll.region.contains_region(toggle.region)


@pilot_test
async def test_a_click_on_the_line_opens_it(make_app: MakeApp) -> None:
    app = make_app("fr", answers=YOUNG)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        toggle = app.screen.query(SourcesToggle).first()
        toggle.scroll_visible(animate=False, top=True)
        await pilot.pause()
        await pilot.click(toggle)
        await pilot.pause()
        card = app.screen.query(ResultCard).first()
        assert ARTICLE in _card_text(card)


@pytest.mark.parametrize(("fmt", "lang"), [("markdown", "en"), ("markdown", "fr"), ("html", "en")])
def test_the_handout_has_a_sources_section(bundle: Bundle, fmt: str, lang: str) -> None:
    rec = Engine(bundle).recommend(YOUNG, as_of=DAY, lang=lang)
    text = handout_of(rec, bundle, fmt, name="", notes="")
    heading = {"en": "Sources and calculation", "fr": "Sources et calcul"}[lang]
    assert heading in text
    after = text[text.index(heading) :]
    assert ARTICLE in after and FORMULA in after and "D6222-26" in after
    if fmt == "html":
        assert '<details class="sources">' in text
