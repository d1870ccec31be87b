"""A line never breaks at a no-break space (French amounts, units, colons)."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text
from tests.tui.conftest import pilot_test
from textual.app import App, ComposeResult
from textual.widgets import Static

import alternance_tui.tui.app  # noqa: F401  (what the app sets up at import)

LINE = "1 026,86\u00a0€ brut par mois la 1re année (≈ 802,82\u00a0€ net)"


def test_rich_wrapping_keeps_an_amount_with_its_currency() -> None:
    for width in range(12, len(LINE)):
        lines = Text(LINE).wrap(Console(width=width), width)
        for line in lines:
            assert not line.plain.startswith("€"), (width, [x.plain for x in lines])


@pilot_test
async def test_a_static_at_the_width_that_split_them_keeps_them_together() -> None:
    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield Static(LINE)

    app = One()
    async with app.run_test(size=(47, 6)) as pilot:  # where Rich split them
        await pilot.pause()
        static = app.screen.query_one(Static)
        text = ["".join(s.text for s in strip) for strip in static.render_lines(static.region)]
        assert not any(t.lstrip().startswith("€") for t in text), text
        assert any("802,82\u00a0€" in t for t in text), text
