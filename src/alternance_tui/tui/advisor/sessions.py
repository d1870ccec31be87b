"""Advisor mode's first screen: the named sessions (name, when saved, progress,
scenarios, notes, language), sorted by date or name, filtered by typing; the
keys to open, start, rename, delete (into a bin) and restore one. The desk does
the work (tui/advisor/actions.py); this screen lists and asks.

The highlighted session stays highlighted whatever happens around it (a
refused rename, a dialog, the list drawn again because another window saved):
the next key acts on the session the advisor is looking at.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Input, Static

from alternance_tui.tui.base import Page
from alternance_tui.tui.widgets.controls import KeyBar
from alternance_tui.tui.widgets.dialogs import AskScreen, ConfirmScreen
from alternance_tui.wording.catalogue.advisor import ADVISOR as a

if TYPE_CHECKING:
    from alternance_tui.sessions.listing import SessionRow
    from alternance_tui.tui.host import Desk

POLL_SECONDS = 2.0  # how often the folder is looked at for another window's changes


def short_date(saved_at: str, lang: str) -> str:
    """ "07/12/2026 14:05" / "2026-12-07 14:05": the list's column stays narrow."""
    import datetime as dt

    try:
        when = dt.datetime.fromisoformat(saved_at)
    except ValueError:
        return "—"
    if when.tzinfo is not None:
        when = when.astimezone()
    return when.strftime("%d/%m/%Y %H:%M" if lang == "fr" else "%Y-%m-%d %H:%M")


def shown_rows(rows: list[SessionRow], sort: str, text: str) -> list[SessionRow]:
    """The rows matching ``text`` (in the name, any case, accents ignored),
    newest first or by name."""
    import unicodedata

    def plain(value: str) -> str:
        return unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode().casefold()

    wanted = plain(text.strip())
    found = [r for r in rows if wanted in plain(r.name)]
    if sort == "name":
        return sorted(found, key=lambda r: plain(r.name))
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


class SessionsScreen(Page):
    CSS_PATH = "sessions.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n,plus", "new", show=False),
        Binding("r", "rename", show=False),
        Binding("d,delete", "delete", show=False),
        Binding("u", "undo", show=False),
        Binding("s", "sort", show=False),
        Binding("slash", "filter", show=False),
        # Enter before the table takes it; "o" not before the filter field does.
        Binding("enter", "open", show=False, priority=True),
        Binding("o", "open", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sort = "date"
        self.rows: list[SessionRow] = []
        self._version: int | None = None

    @property
    def desk(self) -> Desk:
        """Advisor mode, through what its screens may ask of it (host.py)."""
        return self.ui.desk

    def compose(self) -> ComposeResult:
        yield Static(id="sessions-title", markup=False)
        yield Input(id="sessions-filter")
        yield Static(id="sessions-empty", markup=False)
        yield DataTable(id="sessions-table", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        field = self.query_one("#sessions-filter", Input)
        field.display = False
        field.blur()
        self.show_state()
        self.set_interval(POLL_SECONDS, self._poll)

    def on_screen_resume(self) -> None:
        self.show_state()  # back from a session: what it saved shows

    def _poll(self) -> None:
        if self.is_current and self.desk.sessions_version() != self._version:
            self.show_state()

    def show_state(self) -> None:
        lang = self.lang
        self._version = self.desk.sessions_version()
        self.rows = self.desk.session_rows()
        text = self.query_one("#sessions-filter", Input).value
        shown = shown_rows(self.rows, self.sort, text)
        title = f"{a(lang, 'sessions_title')} · {a(lang, f'sorted_by_{self.sort}')}"
        if text.strip():
            title += f" · {a(lang, 'filtered', shown=len(shown), total=len(self.rows), text=text)}"
        self.query_one("#sessions-title", Static).update(title)
        self.query_one("#sessions-filter", Input).placeholder = a(lang, "filter_placeholder")
        table = self.query_one(DataTable)
        keep, at = self.selected(), table.cursor_row
        table.clear(columns=True)
        labels = [
            a(lang, k)
            for k in ("col_name", "col_saved", "col_progress", "col_scenarios", "col_notes")
        ] + [a(lang, "col_lang")]
        from alternance_tui.sessions.listing import shown_names

        # Two files holding one name (a copy) are told apart by their keys.
        names = dict(zip((r.key for r in self.rows), shown_names(self.rows), strict=True))
        cells = [
            (
                names[r.key],
                short_date(r.saved_at, lang),
                r.progress(lang).split(", ")[0] + (a(lang, "progress_done") if r.complete else ""),
                str(r.scenarios),
                a(lang, "has_notes" if r.notes else "no_notes"),
                r.lang,
            )
            for r in shown
        ]
        # Widths given, not measured by the table as rows come: the columns were
        # drawn at their headings' widths ("Mme" for "Mme Dupont") until redrawn.
        for i, label in enumerate(labels):
            table.add_column(label, width=max([len(label), *(len(c[i]) for c in cells)]))
        for r, row_cells in zip(shown, cells, strict=True):
            # Text cells: a name typed as "Dupont [/]" is shown as typed, never markup.
            table.add_row(*(Text(c) for c in row_cells), key=r.key)
        keys = [r.key for r in shown]
        # The cursor stays on the session it was on; if that one went, on its row.
        if keep in keys:
            table.cursor_coordinate = Coordinate(keys.index(keep), 0)
        elif keys:
            table.cursor_coordinate = Coordinate(min(at, len(keys) - 1), 0)
        empty = self.query_one("#sessions-empty", Static)
        if self.rows and not shown:
            empty.update(a(lang, "no_match", text=text))
        else:
            empty.update(a(lang, "sessions_empty"))
        empty.display = not shown
        table.display = bool(shown)
        field = self.query_one("#sessions-filter", Input)
        if not (field.display and field.has_focus):
            table.focus()
        self.set_keys(
            [
                ("Enter", a(lang, "key_open"), "screen.open"),
                ("N", a(lang, "key_new"), "screen.new"),
                ("R", a(lang, "key_rename"), "screen.rename"),
                ("D", a(lang, "key_delete"), "screen.delete"),
                ("U", a(lang, "key_undo"), "screen.undo"),
                ("S", a(lang, "key_sort"), "screen.sort"),
                ("/", a(lang, "key_filter"), "screen.filter"),
            ]
        )

    def selected(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        row = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return str(row.value) if row.value is not None else None

    def _row(self, key: str | None) -> SessionRow | None:
        return next((r for r in self.rows if r.key == key), None)

    def action_open(self) -> None:
        if self.query_one("#sessions-filter", Input).has_focus:
            self._end_filter()
            return
        row = self._row(self.selected())
        if row is not None:
            self.desk.open_session(row.key)

    def action_new(self) -> None:
        lang = self.lang

        def named(name: str | None) -> None:
            if name:
                self.desk.new_session(name)

        self.app.push_screen(AskScreen(a(lang, "ask_name"), "", a(lang, "ask_name_hint")), named)

    def action_rename(self) -> None:
        row, lang = self._row(self.selected()), self.lang
        if row is None:
            return

        def renamed(new: str | None) -> None:
            if new and new != row.name:
                self.desk.rename_session(row.key, new)
            self.show_state()

        self.app.push_screen(
            AskScreen(a(lang, "ask_rename"), row.name, a(lang, "ask_name_hint")), renamed
        )

    def action_delete(self) -> None:
        from alternance_tui.sessions.bin import KEEP_DAYS

        row, lang = self._row(self.selected()), self.lang
        if row is None:
            return
        holds = row.progress(lang) + (a(lang, "holds_notes") if row.notes else "")
        question = a(lang, "ask_delete_what", name=row.name, holds=holds, days=KEEP_DAYS)

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.desk.delete_session(row.key)
            self.show_state()

        self.app.push_screen(ConfirmScreen(question), confirmed)

    def action_undo(self) -> None:
        self.desk.undo_delete()
        self.show_state()

    def action_sort(self) -> None:
        self.sort = "name" if self.sort == "date" else "date"
        self.show_state()

    def action_filter(self) -> None:
        field = self.query_one("#sessions-filter", Input)
        field.display = True
        field.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.show_state()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._end_filter()

    def key_escape(self) -> None:
        if self.query_one("#sessions-filter", Input).has_focus:
            self._end_filter()

    def _end_filter(self) -> None:
        field = self.query_one("#sessions-filter", Input)
        field.display = bool(field.value.strip())
        self.query_one(DataTable).focus()
