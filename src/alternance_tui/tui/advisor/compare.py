"""Scenarios side by side (advisor mode, F5): the results of A, B and C in
columns at 100 columns and more, stacked one under another below that; what
differs is marked "≠ differs" in bold, not only by colour.

The comparison itself is advice/compare.py (pure); this screen lays it out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from rich import box
from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from alternance_tui.tui.base import Page
from alternance_tui.tui.widgets.controls import KeyBar
from alternance_tui.tui.widgets.textlines import TextLines
from alternance_tui.wording.catalogue.advisor import ADVISOR as a
from alternance_tui.wording.catalogue.compare import COMPARE, summary
from alternance_tui.wording.typography import colon

if TYPE_CHECKING:
    from alternance_tui.advice.compare import Cell, Comparison
    from alternance_tui.advice.engine import Engine
    from alternance_tui.advice.result import Recommendation
    from alternance_tui.tui.host import Desk

COLUMNS_FROM = 100  # narrower than this, the scenarios are stacked
DIFFERS = "bold reverse"  # readable without colour: reversed and bold, and "≠" in words


def _recommend(engine: Engine, raw: Mapping[str, Any], as_of: dt.date, lang: str) -> Recommendation:
    """One scenario's recommendation; the unchanged scenarios (all but the one just
    edited) are the engine's last ones (Engine.recommend keeps them)."""
    from alternance_tui.sessions.advising import parsed

    return engine.recommend(parsed(engine.bundle, raw, lang), as_of=as_of, lang=lang)


def comparison_of(
    engine: Engine,
    scenarios: Mapping[str, Mapping[str, Any]],
    as_of: dt.date,
    lang: str,
    *,
    name: str = "",
) -> tuple[Comparison | None, str]:
    """The comparison of every scenario that can be worked out, or why none can;
    ``name``: the session's, said on the comparison."""
    from alternance_tui.advice.compare import compare
    from alternance_tui.advice.engine import IncompleteAnswers

    recs = {}
    problems = []
    for letter, raw in scenarios.items():
        try:
            recs[letter] = _recommend(engine, raw, as_of, lang)
        except IncompleteAnswers as exc:
            problems.append(f"{letter}: {'; '.join(exc.messages)}")
    if not recs:
        return None, "\n".join(problems)
    return compare(recs, engine.bundle, name=name), "\n".join(problems)


def _cell(cell: Cell | None) -> str:
    from alternance_tui.advice.compare import cell_parts

    return "\n".join(cell_parts(cell))


def hanging(prefix: str, text: str, width: int) -> str:
    """``prefix`` then ``text`` wrapped to ``width``, the wrapped lines indented
    under the text rather than back at the margin (stacked layout, 80 columns)."""
    import textwrap

    # textwrap breaks at ASCII spaces only: French no-break spaces hold.
    lines = textwrap.wrap(
        prefix + text,
        width=max(width, len(prefix) + 10),
        subsequent_indent=" " * len(prefix),
        break_on_hyphens=False,
    )
    return "\n".join(lines) + "\n"


def _table(cmp: Comparison) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_lines=True, pad_edge=False)
    table.add_column("", ratio=2)
    for letter in cmp.letters:
        table.add_column(COMPARE(cmp.lang, "scenario", letter=letter), ratio=3)
    return table


def flattened(table: Table, width: int) -> Text:
    """The table laid out once at ``width``, as styled text: a rich Table is laid
    out again on every paint of a Static, which would cost the 50 ms budget."""
    from rich.console import Console

    console = Console(width=max(width, 20), color_system="truecolor", legacy_windows=False)
    out = Text(no_wrap=True, overflow="crop")
    for line in console.render_lines(table, pad=False):
        for segment in line:
            out.append(segment.text, segment.style)
        out.append("\n")
    return out


def _same(cell: Cell | None) -> str:
    """A row the same in every scenario, on one line: status, why, first year's pay."""
    if cell is None:
        return "—"
    why = [cell.why] if cell.why else []
    assumes = [cell.assumes] if cell.assumes else []
    return " · ".join([cell.words, *why, *assumes, *cell.pay_lines[:1]])


def drawn(cmp: Comparison, width: int) -> Text:
    """What differs first, side by side (columns when ``width`` allows, else
    stacked), marked "≠ differs" in bold; then, per section, what is the same
    in every scenario, one line each."""
    lang = cmp.lang
    differs = COMPARE(lang, "differs")
    wide = width >= COLUMNS_FROM - 4
    out = Text()

    def side_by_side(rows: list[tuple[str, tuple[str, ...], bool]]) -> None:
        # A row whose status and pay are the same but whose words are not (a
        # reason quoting the length) is laid out in full, unmarked.
        if not rows:
            return
        if wide:
            table = _table(cmp)
            for name, cells, marked in rows:
                if marked:
                    table.add_row(f"{differs}\n{name}", *cells, style=DIFFERS)
                else:
                    table.add_row(name, *cells)
            out.append_text(flattened(table, width))
            return
        sep = colon(lang)
        for name, cells, marked in rows:
            if marked:
                out.append(f"{differs} {name}\n", style=DIFFERS)
            else:
                out.append(f"{name}\n", style="bold")
            shared: dict[str, list[str]] = {}
            for letter, text in zip(cmp.letters, cells, strict=True):
                shared.setdefault(text, []).append(letter)
            for text, letters in shared.items():
                prefix = f"  {', '.join(letters)}{sep}"
                out.append(hanging(prefix, text.replace(chr(10), " · "), width))

    changed = [(r.label, r.values, True) for r in cmp.answers if r.differs]
    if changed:
        out.append(f"{COMPARE(lang, 'answers')}\n", style="bold underline")
        side_by_side(changed)
    for section in cmp.sections:
        out.append(f"\n{section.title}\n", style="bold underline")
        rows = [r for r in section.rows if r.differs or len(set(r.cells)) > 1]
        side_by_side([(r.title, tuple(_cell(c) for c in r.cells), r.differs) for r in rows])
        same = [r for r in section.rows if not r.differs and len(set(r.cells)) == 1]
        if same:
            letters = "/".join(cmp.letters)
            out.append(f"{COMPARE(lang, 'same_in', letters=letters)}\n", style="bold")
            for row in same:
                line = Text(f"  = {row.title}{colon(lang)}{_same(row.cells[0])}", no_wrap=True)
                line.truncate(width, overflow="ellipsis")
                out.append_text(line)
                out.append("\n")
    return out


class CompareScreen(Page):
    CSS_PATH = "compare.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("plus,equals_sign", "new", show=False),
        Binding("minus", "drop", show=False),
        *(Binding(k.lower(), f"edit('{k}')", show=False) for k in "ABC"),
        Binding("escape", "close", show=False),
        Binding("pagedown,space", "page(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.comparison: Comparison | None = None
        self.problem = ""
        self.wide: bool | None = None

    @property
    def desk(self) -> Desk:
        """Advisor mode, through what its screens may ask of it (host.py)."""
        return self.ui.desk

    def compose(self) -> ComposeResult:
        yield Static(id="compare-head")
        yield TextLines(id="compare-body")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show_state()
        self.query_one("#compare-body").focus()

    def show_state(self) -> None:
        scenarios = self.desk.scenario_answers()
        self.comparison, self.problem = comparison_of(
            self.ui.engine(), scenarios, self.ui.as_of, self.lang
        )
        self.draw()
        self.query_one("#compare-body", TextLines).scroll_home(animate=False)

    def draw(self) -> None:
        lang, cmp = self.lang, self.comparison
        active = self.ui.active_scenario
        head = [COMPARE(lang, "title"), a(lang, "compare_editing", letter=active)]
        if cmp is not None:
            head.append(summary(lang, cmp.differences) + " " + COMPARE(lang, "legend"))
            if len(cmp.letters) == 1:
                head.append(a(lang, "compare_one"))
        if self.problem:
            head.append(self.problem)
        self.query_one("#compare-head", Static).update(Text("\n".join(head)))
        self.wide = self.size.width >= COLUMNS_FROM
        body = self.query_one("#compare-body", TextLines)
        # The scroll's padding and scrollbar take 4 columns of the screen.
        width = self.size.width - 4
        body.show(Text() if cmp is None else drawn(cmp, width), width)
        letters = "/".join(cmp.letters) if cmp else "A"
        self.set_keys(
            [
                ("Esc", a(lang, "key_back"), "screen.close"),
                ("+", a(lang, "compare_keys_new"), "screen.new"),
                ("-", a(lang, "compare_keys_drop"), "screen.drop"),
                (letters, a(lang, "compare_keys_edit"), "screen.edit('A')"),
            ]
        )

    def on_resize(self, event: events.Resize) -> None:
        if self.comparison is not None and (event.size.width >= COLUMNS_FROM) != self.wide:
            self.draw()

    def action_new(self) -> None:
        self.desk.new_scenario()

    def action_drop(self) -> None:
        self.desk.drop_scenario()

    def action_edit(self, letter: str) -> None:
        if self.comparison is not None and letter in self.comparison.letters:
            self.desk.edit_scenario(letter)

    def action_close(self) -> None:
        self.app.pop_screen()

    def action_page(self, direction: int) -> None:
        scroll = self.query_one("#compare-body", TextLines)
        if direction > 0:
            scroll.scroll_page_down(animate=False)
        else:
            scroll.scroll_page_up(animate=False)
