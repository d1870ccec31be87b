"""Advisor mode's first screen: the named sessions (name, date, progress), and
the keys to open, start, rename and delete one. The app does the work
(tui/advisor/actions.py); this screen lists and asks."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from alternance_tui.tui.base import Page
from alternance_tui.tui.widgets.controls import KeyBar
from alternance_tui.tui.widgets.dialogs import AskScreen, ConfirmScreen
from alternance_tui.wording.catalogue.advisor import ADVISOR as a

if TYPE_CHECKING:
    from alternance_tui.tui.host import Desk


class SessionsScreen(Page):
    CSS_PATH = "sessions.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n,plus", "new", show=False),
        Binding("r", "rename", show=False),
        Binding("d,delete", "delete", show=False),
        Binding("enter,o", "open", show=False, priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.names: dict[str, str] = {}  # each row's key (its file) -> the name shown

    @property
    def desk(self) -> Desk:
        """Advisor mode, through what its screens may ask of it (host.py)."""
        return self.ui.desk

    def compose(self) -> ComposeResult:
        yield Static(id="sessions-title", markup=False)
        yield Static(id="sessions-empty", markup=False)
        yield DataTable(id="sessions-table", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.show_state()

    def show_state(self) -> None:
        lang = self.lang
        self.query_one("#sessions-title", Static).update(a(lang, "sessions_title"))
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_columns(a(lang, "col_name"), a(lang, "col_saved"), a(lang, "col_progress"))
        rows = self.desk.session_rows()
        # Keyed by file (two copies may hold the same name); the cells are Text:
        # a name typed as "Dupont [/]" is shown as typed, never read as markup.
        self.names = {key: name for key, name, _, _ in rows}
        for key, name, saved, progress in rows:
            table.add_row(Text(name), Text(saved), Text(progress), key=key)
        empty = self.query_one("#sessions-empty", Static)
        empty.update(a(lang, "sessions_empty"))
        empty.display = not rows
        table.display = bool(rows)
        table.focus()
        self.set_keys(
            [
                ("Enter", a(lang, "key_open"), "screen.open"),
                ("N", a(lang, "key_new"), "screen.new"),
                ("R", a(lang, "key_rename"), "screen.rename"),
                ("D", a(lang, "key_delete"), "screen.delete"),
            ]
        )

    def selected(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        row = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return str(row.value) if row.value is not None else None

    def action_open(self) -> None:
        name = self.selected()
        if name is not None:
            self.desk.open_session(name)

    def action_new(self) -> None:
        lang = self.lang

        def named(name: str | None) -> None:
            if name:
                self.desk.new_session(name)

        self.app.push_screen(AskScreen(a(lang, "ask_name"), "", a(lang, "ask_name_hint")), named)

    def action_rename(self) -> None:
        old, lang = self.selected(), self.lang
        if old is None:
            return
        shown = self.names.get(old, old)

        def renamed(new: str | None) -> None:
            if new and new != shown:
                self.desk.rename_session(old, new)
                self.show_state()

        self.app.push_screen(
            AskScreen(a(lang, "ask_rename"), shown, a(lang, "ask_name_hint")), renamed
        )

    def action_delete(self) -> None:
        key, lang = self.selected(), self.lang
        if key is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.desk.delete_session(key)
                self.show_state()

        name = self.names.get(key, key)
        self.app.push_screen(ConfirmScreen(a(lang, "ask_delete", name=name)), confirmed)
