"""F6 in advisor mode: the handout of the scenario shown (named on it and in its
file name when the session has several), or, from the comparison, all the
scenarios side by side as a printable comparison. To a file the advisor names:
the documents folder by default; an existing file is never replaced unasked."""

from __future__ import annotations

from pathlib import Path

from alternance_tui.tui.part import Part
from alternance_tui.wording.catalogue.advisor import ADVISOR as a


class Handouts(Part):
    def ask(self, scenarios: dict[str, dict[str, object]]) -> None:
        """F6: the handout of the answers shown, in the language shown, to a file:
        the documents folder by default; an existing file is never replaced unasked."""
        from alternance_tui.sessions.advising import documents_dir

        if self.host.interview is None or self.host.bundle is None:
            return
        if self.host.options.kiosk:
            self.app.notify(a(self.host.lang, "handout_kiosk"), severity="warning")
            return
        from alternance_tui.tui.advisor.compare import CompareScreen
        from alternance_tui.tui.widgets.dialogs import PickScreen

        lang = self.host.lang
        state = self.host.advisor
        name = state.name if state is not None else ""
        with_notes = state is not None and state.notes_on_handout and bool(state.notes.strip())
        folder = documents_dir()
        if self.host.settings is not None and self.host.settings.advisor.handout_folder:
            folder = Path(self.host.settings.advisor.handout_folder).expanduser()
        several = state is not None and len(state.letters()) > 1
        letter = state.active if state is not None and several else ""
        if several and isinstance(self.app.screen, CompareScreen):
            # From the comparison: this scenario's handout, or all of them side by side.
            def picked(number: int | None) -> None:
                if number == 1:
                    self._ask_handout_path(folder, name, letter, lang, with_notes)
                elif number == 2:
                    self._ask_comparison_path(folder, name, lang, scenarios)

            choices = [a(lang, "handout_this", letter=letter), a(lang, "handout_all")]
            self.app.push_screen(PickScreen(a(lang, "handout_which"), choices), picked)
            return
        self._ask_handout_path(folder, name, letter, lang, with_notes)

    def _ask_comparison_path(
        self, folder: Path, name: str, lang: str, scenarios: dict[str, dict[str, object]]
    ) -> None:
        from alternance_tui.sessions.store import safe_name
        from alternance_tui.tui.widgets.dialogs import AskScreen

        suggested = folder / f"comparison-{safe_name(name) or 'session'}-{lang}.html"

        def chosen(path: str | None) -> None:
            if path:
                self._write_comparison(Path(path).expanduser(), lang, name, scenarios)

        hint = a(lang, "ask_name_hint")
        self.app.push_screen(AskScreen(a(lang, "compare_path"), str(suggested), hint), chosen)

    def _write_comparison(
        self, path: Path, lang: str, name: str, scenarios: dict[str, dict[str, object]]
    ) -> None:
        from alternance_tui.advice.render.compare import render_comparison
        from alternance_tui.sessions.store import write_atomic
        from alternance_tui.tui.advisor.compare import comparison_of

        fmt = {".md": "markdown", ".json": "json", ".txt": "text"}.get(path.suffix.lower(), "html")
        cmp, problem = comparison_of(
            self.host.engine(), scenarios, self.host.as_of, lang, name=name
        )
        if cmp is None:
            self.app.notify(a(lang, "handout_failed", error=problem), severity="error")
            return
        try:
            write_atomic(path, render_comparison(cmp, fmt))
        except OSError as exc:
            error = exc.strerror or exc
            self.app.notify(a(lang, "handout_failed", error=error), severity="error", timeout=10)
            return
        self.app.notify(a(lang, "handout_saved", path=path), timeout=10)

    def _ask_handout_path(
        self, folder: Path, name: str, letter: str, lang: str, with_notes: bool
    ) -> None:
        from alternance_tui.sessions.advising import default_handout_name
        from alternance_tui.tui.widgets.dialogs import AskScreen

        suggested = folder / default_handout_name(name, lang, "html", letter)
        hint = a(lang, "handout_hint", notes=a(lang, "yes" if with_notes else "no"))

        def chosen(path: str | None) -> None:
            if path:
                self._handout_to(Path(path).expanduser(), lang, with_notes)

        self.app.push_screen(AskScreen(a(lang, "handout_path"), str(suggested), hint), chosen)

    def _handout_to(self, path: Path, lang: str, with_notes: bool) -> None:
        from alternance_tui.tui.widgets.dialogs import ConfirmScreen

        if path.exists():

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self._write_handout(path, lang, with_notes)

            self.app.push_screen(ConfirmScreen(a(lang, "handout_overwrite", path=path)), confirmed)
            return
        self._write_handout(path, lang, with_notes)

    def _write_handout(self, path: Path, lang: str, with_notes: bool) -> None:
        from alternance_tui.sessions.advising import ExportProblem, handout_of
        from alternance_tui.sessions.store import write_atomic

        interview, bundle, state = self.host.interview, self.host.bundle, self.host.advisor
        if interview is None or bundle is None:
            return
        fmt = {".md": "markdown", ".json": "json"}.get(path.suffix.lower(), "html")
        try:
            from alternance_tui.sessions.advising import recommendation

            engine = self.host.engine()  # the results screen's: its recommendation is reused
            rec = recommendation(bundle, interview.answers_json(), lang, self.host.as_of, engine)
            text = handout_of(
                rec,
                bundle,
                fmt,
                name=state.name if state is not None else "",
                notes=state.notes if (state is not None and with_notes) else "",
                # Named on it when the session has several, so B is never taken for A.
                scenario=state.active if state is not None and len(state.letters()) > 1 else "",
            )
            write_atomic(path, text)
        except (ExportProblem, OSError) as exc:
            error = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            self.app.notify(a(lang, "handout_failed", error=error), severity="error", timeout=10)
            return
        self.app.notify(a(lang, "handout_saved", path=path), timeout=10)
