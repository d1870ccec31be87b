"""How a choice is drawn: its mark and number, then a label that wraps under itself."""

from __future__ import annotations

from textual.content import Content
from textual.style import Style
from textual.visual import RenderOptions

from alternance_tui.tui.widgets.controls import HangingChoice


def _drawn(choice: HangingChoice, width: int) -> list[str]:
    options = RenderOptions(lambda s: Style.parse(s) if isinstance(s, str) else s, {})
    return [strip.text.rstrip() for strip in choice.render_strips(width, None, Style(), options)]


def test_a_long_label_wraps_under_itself_not_under_the_mark() -> None:
    choice = HangingChoice(
        Content.assemble("(•) ", ("1", "bold"), " "),
        Content("A rather long label that must wrap twice over"),
    )
    assert _drawn(choice, 26) == [
        "(•) 1 A rather long label",
        "      that must wrap twice",
        "      over",
    ]
    assert choice.get_height({}, 26) == 3
    # Wider, on one line; and back again: each width is wrapped afresh.
    assert _drawn(choice, 80) == ["(•) 1 A rather long label that must wrap twice over"]
    assert choice.get_height({}, 80) == 1
    assert choice.get_height({}, 26) == 3


def test_the_number_stays_bold_and_the_label_plain() -> None:
    choice = HangingChoice(Content.assemble("( ) ", ("2", "bold"), " "), Content("English"))
    options = RenderOptions(lambda s: Style.parse(s) if isinstance(s, str) else s, {})
    (strip,) = choice.render_strips(20, None, Style(), options)
    bold = {segment.text.strip() for segment in strip if segment.style and segment.style.bold}
    assert bold == {"2"}
    assert str(choice) == "( ) 2 English"
