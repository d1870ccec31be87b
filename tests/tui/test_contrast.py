"""Every text stays readable, in every theme and focus state (issue 19, item 1):
the kiosk's highlighted row turned white on white when its list lost the
focus. Each screen is rendered by Textual, and every character of text on it
is checked as drawn: its foreground against its background, WCAG's contrast
ratio at least 4.5:1 (RGAA, WCAG 2.1 AA, 1.4.3)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from rich.segment import Segment
from tests.tui.conftest import SIZE, MakeApp, pilot_test
from tests.tui.test_kiosk import kiosk_app, wait_until
from textual.pilot import Pilot

from alternance_tui.advice.model import Bundle
from alternance_tui.tui.app import AlternanceApp
from alternance_tui.tui.pages.question import QuestionScreen
from alternance_tui.tui.pages.results import ResultsScreen
from alternance_tui.tui.pages.review import ReviewScreen
from alternance_tui.tui.themes import KIOSK_ORDER, ORDER

WCAG_AA = 4.5
# Box drawing, block elements and spaces are frames and bars, not text.
NOT_TEXT = frozenset(" ─│┌┐└┘━┃┏┓┗┛═║╔╗╚╝▔▁▊▎▐▌█▀▄╭╮╯╰┤├┬┴┼▏▕▂▃▅▆▇▉▋▍")


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: tuple[int, int, int], other: tuple[int, int, int]) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def texts(app: AlternanceApp) -> Iterator[tuple[int, Segment]]:
    """Every segment of text on the screen as Textual renders it, with its line."""
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        for segment in strip:
            if segment.style is not None and not set(segment.text) <= NOT_TEXT:
                yield y, segment


def unreadable(app: AlternanceApp, where: str) -> list[str]:
    found = []
    for y, segment in texts(app):
        style = segment.style
        assert style is not None
        fore = style.color.get_truecolor() if style.color else None
        back = style.bgcolor.get_truecolor() if style.bgcolor else None
        if style.reverse:
            fore, back = back, fore
        assert fore is not None and back is not None, (where, y, segment.text)
        ratio = contrast(tuple(fore), tuple(back))
        if ratio < WCAG_AA:
            found.append(f"{where}, line {y}: {segment.text.strip()!r} {ratio:.2f}:1 {fore}/{back}")
    return found


async def check_theme(app: AlternanceApp, pilot: Pilot[Any], theme: str) -> list[str]:
    app.theme = theme
    app.looks.set_classes()
    await pilot.pause()
    problems = unreadable(app, f"{theme}: welcome, the language list focused")
    await pilot.press("tab")  # the focus on Start: the language list's row blurred
    await pilot.pause()
    problems += unreadable(app, f"{theme}: welcome, the list blurred, Start focused")
    await pilot.press("shift+tab", "enter")
    await wait_until(pilot, lambda: isinstance(app.screen, QuestionScreen))
    await pilot.press("2", "0", "enter")
    await pilot.pause(0.2)
    problems += unreadable(app, f"{theme}: a choice question, focused")
    await pilot.press("down", "tab")  # a row highlighted, then the focus on the buttons
    await pilot.pause()
    problems += unreadable(app, f"{theme}: a choice question, the list blurred")
    await pilot.press("shift+tab", "1", "2", "enter", "enter", "2", "4", "enter")
    await pilot.press(*["enter"] * 8)  # the defaults, to the review (test_journeys.py)
    await wait_until(pilot, lambda: isinstance(app.screen, ReviewScreen))
    await pilot.pause(0.2)
    problems += unreadable(app, f"{theme}: the review, focused")
    await pilot.press("tab")
    await pilot.pause()
    problems += unreadable(app, f"{theme}: the review, the list blurred")
    await pilot.press("r")
    await wait_until(pilot, lambda: isinstance(app.screen, ResultsScreen))
    await pilot.pause(0.2)
    problems += unreadable(app, f"{theme}: the results")
    return problems


@pytest.mark.parametrize("theme", KIOSK_ORDER)
@pilot_test
async def test_every_text_is_readable_in_every_focus_state(bundle: Bundle, theme: str) -> None:
    app = kiosk_app(bundle, idle=600)
    async with app.run_test(size=SIZE) as pilot:
        problems = await check_theme(app, pilot, theme)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("theme", ORDER)
@pilot_test
async def test_an_app_started_in_a_theme_draws_it_readable(make_app: MakeApp, theme: str) -> None:
    app = make_app("en", theme=theme)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        problems = unreadable(app, f"{theme} from the start: welcome")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, QuestionScreen))
        await pilot.pause(0.2)
        problems += unreadable(app, f"{theme} from the start: a number field, empty")
        await pilot.press("2", "0", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, QuestionScreen))
        await pilot.pause(0.2)
        problems += unreadable(app, f"{theme} from the start: a choice question")
    assert not problems, "\n".join(problems)


@pilot_test
async def test_the_next_visitor_after_an_idle_reset_with_a_button_focused(bundle: Bundle) -> None:
    app = kiosk_app(bundle, idle=600)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab")  # Start has the focus when everything is erased
        assert app.kiosk is not None
        await app.kiosk.erase()
        await pilot.pause()
        problems = unreadable(app, "welcome after an idle reset")
    assert not problems, "\n".join(problems)
