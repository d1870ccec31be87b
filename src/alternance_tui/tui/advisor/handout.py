"""F6: the handout of the answers shown, in the language shown; where it goes
depends on who is at the keyboard.

- **At a terminal** (the person's own machine): a file they name, the
  documents folder suggested; written as ``-o FILE`` writes (``output_file``:
  atomic, permissions kept, a link followed, a pipe or a device written
  through), an existing file replaced only after a yes.
- **In a browser** (``alternance serve``): a download, through the browser
  (textual-serve's delivery). The visitor types no path and is shown none: a
  path typed in a browser would name a file on the server, which a visitor
  must never write nor learn anything about.
- **Kiosk**: not offered. A kiosk writes nothing, and a download would land
  on the kiosk's own disk for the next person to find.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Literal

from alternance_tui.tui.part import Part
from alternance_tui.wording.catalogue.advisor import ADVISOR as a

FORMATS = {".md": "markdown", ".json": "json"}  # any other name: HTML
Place = Literal["browser", "file", "none"]


class Handout(Part):
    """F6, for the advisor desk (advisor/actions.py), in and out of advisor mode."""

    def where(self) -> Place:
        """Where F6 puts the handout."""
        options = self.host.options
        if options.kiosk:
            return "none"
        if self.app.is_web:
            return "browser"
        if options.served:
            # Served, yet not drawn by textual-serve's page (another web terminal):
            # a path typed there names a server file, and there is no download.
            return "none"
        return "file"

    def give(self) -> None:
        """F6; from the comparison of several scenarios, first: this scenario's
        handout, or all of them side by side (a printable comparison)."""
        from alternance_tui.tui.advisor.compare import CompareScreen
        from alternance_tui.tui.widgets.dialogs import PickScreen

        if self.host.interview is None or self.host.bundle is None:
            return
        place = self.where()
        if place == "none":
            key = "handout_kiosk" if self.host.options.kiosk else "handout_served"
            self._say(a(self.host.lang, key), severity="warning")
            return
        lang, letter = self.host.lang, self._letter()
        if letter and isinstance(self.app.screen, CompareScreen):

            def picked(number: int | None) -> None:
                if number == 1:
                    self._give(place)
                elif number == 2:
                    self._give(place, side_by_side=True)

            choices = [a(lang, "handout_this", letter=letter), a(lang, "handout_all")]
            self.app.push_screen(PickScreen(a(lang, "handout_which"), choices), picked)
            return
        self._give(place)

    def _give(self, place: Place, *, side_by_side: bool = False) -> None:
        self.side_by_side = side_by_side
        if place == "browser":
            self._download()
        else:
            self._ask_for_a_file()

    def _letter(self) -> str:
        """The scenario shown, when the session has several ("" otherwise): said on
        the handout and in its file name, so that B is never handed over as A."""
        state = self.host.advisor
        return state.active if state is not None and len(state.letters()) > 1 else ""

    def _say(self, message: str, *, severity: Literal["information", "warning", "error"]) -> None:
        # Paths and errors are the person's or the system's words: never markup.
        self.app.notify(message, severity=severity, timeout=10, markup=False)

    def _with_notes(self) -> bool:
        state = self.host.advisor
        return state is not None and state.notes_on_handout and bool(state.notes.strip())

    def _name(self, fmt: str) -> str:
        from alternance_tui.sessions.advising import default_handout_name
        from alternance_tui.sessions.store import safe_name

        state = self.host.advisor
        name = state.name if state else ""
        if getattr(self, "side_by_side", False):
            return f"comparison-{safe_name(name) or 'session'}-{self.host.lang}.html"
        return default_handout_name(name, self.host.lang, fmt, self._letter())

    def _text(self, fmt: str, lang: str, with_notes: bool) -> str:
        """The handout; raises ExportProblem when the answers give none."""
        from alternance_tui.sessions.advising import handout_of, recommendation

        host = self.host
        interview, bundle, state = host.interview, host.bundle, host.advisor
        assert interview is not None and bundle is not None
        if getattr(self, "side_by_side", False):
            return self._comparison(fmt, lang)
        engine = host.engine()  # the results screen's: its recommendation is reused
        rec = recommendation(bundle, interview.answers_json(), lang, host.as_of, engine)
        return handout_of(
            rec,
            bundle,
            fmt,
            name=state.name if state is not None else "",
            notes=state.notes if (state is not None and with_notes) else "",
            scenario=self._letter(),
        )

    def _comparison(self, fmt: str, lang: str) -> str:
        """Every scenario side by side, naming the session (as `recommend --compare`)."""
        from alternance_tui.advice.render.compare import render_comparison
        from alternance_tui.sessions.advising import ExportProblem
        from alternance_tui.tui.advisor.compare import comparison_of

        state = self.host.advisor
        name = state.name if state is not None else ""
        scenarios = self.host.desk.scenario_answers()
        cmp, problem = comparison_of(
            self.host.engine(), scenarios, self.host.as_of, lang, name=name
        )
        if cmp is None:
            raise ExportProblem(problem)
        return render_comparison(cmp, fmt)

    def _download(self) -> None:
        from alternance_tui.sessions.advising import ExportProblem

        lang = self.host.lang
        name = self._name("html")
        try:
            text = self._text("html", lang, self._with_notes())
        except ExportProblem as exc:
            self._say(a(lang, "handout_failed", error=exc), severity="error")
            return
        self.app.deliver_text(
            io.StringIO(text),
            save_filename=name,
            open_method="download",
            encoding="utf-8",
            mime_type="text/html",
        )
        self._say(a(lang, "handout_download", file=name), severity="information")

    def _ask_for_a_file(self) -> None:
        from alternance_tui.sessions.advising import documents_dir
        from alternance_tui.tui.widgets.dialogs import AskScreen

        lang = self.host.lang
        with_notes = self._with_notes()
        folder = documents_dir()
        settings = self.host.settings
        if settings is not None and settings.advisor.handout_folder:
            folder = Path(settings.advisor.handout_folder).expanduser()
        hint = a(lang, "handout_hint", notes=a(lang, "yes" if with_notes else "no"))

        def chosen(typed: str | None) -> None:
            if typed:
                self._to_file(Path(typed).expanduser(), lang, with_notes)

        suggested = str(folder / self._name("html"))
        self.app.push_screen(AskScreen(a(lang, "handout_path"), suggested, hint), chosen)

    def _to_file(self, path: Path, lang: str, with_notes: bool) -> None:
        from alternance_tui.tui.widgets.dialogs import ConfirmScreen

        if path.is_file():  # a device, a pipe or a folder: for the writer to judge

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self.write(path, lang, with_notes)

            self.app.push_screen(ConfirmScreen(a(lang, "handout_overwrite", path=path)), confirmed)
            return
        self.write(path, lang, with_notes)

    def write(self, path: Path, lang: str, with_notes: bool) -> bool:
        """The handout into ``path`` as ``-o`` writes it; says how it went. Only
        at a terminal (``where``): never in a browser or a kiosk."""
        from alternance_tui.files.output_file import OutputError, write_output
        from alternance_tui.sessions.advising import ExportProblem
        from alternance_tui.wording.catalogue.cli import CLI

        if self.where() != "file":
            return False
        fmt = FORMATS.get(path.suffix.lower(), "html")
        try:
            text = self._text(fmt, lang, with_notes)
            # The documents folder suggested may not exist yet (a new account).
            path.parent.mkdir(parents=True, exist_ok=True)
            write_output(path, text)
        except ExportProblem as exc:
            error: object = exc
        except OutputError as exc:
            key = "output_failed" if exc.reason == "failed" else f"output_{exc.reason}"
            error = CLI(lang, key, file=path, detail=exc.detail)
        except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
            detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            error = CLI(lang, "output_failed", file=path, detail=detail)
        else:
            self._say(a(lang, "handout_saved", path=path), severity="information")
            return True
        self._say(a(lang, "handout_failed", error=error), severity="error")
        return False
