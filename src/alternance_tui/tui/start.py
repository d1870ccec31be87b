"""Before the app runs: where the flow is, what the welcome screen says, and
whether the flow must be loaded before the first frame.

A normal start draws the welcome screen from cached facts and loads the flow
later, in a thread (see app.py); answers given up front need it at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from alternance_tui.files.paths import default_flow_path
from alternance_tui.tui.facts import WelcomeFacts, cached_facts, facts_of, remember_facts

if TYPE_CHECKING:
    from alternance_tui.advice.model import Bundle
    from alternance_tui.interview.state import Interview
    from alternance_tui.sessions.autosave import Notice
    from alternance_tui.tui.autosave import Autosave
    from alternance_tui.tui.options import TuiOptions


class StartProblem(Exception):
    """The app cannot start; each line says what and how to fix it."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = list(lines)
        super().__init__("\n".join(self.lines))


def load_flow_bundle(path: Path, *, memory_only: bool = False) -> Bundle:
    """The checked flow; ``memory_only`` (kiosk): no cache written, only one
    prepared beforehand read (docs/kiosk.md), else the flow checked in memory."""
    from alternance_tui.advice.load import load_bundle
    from alternance_tui.flow.problems import FlowError

    try:
        return load_bundle(path, write_cache=not memory_only)
    except FlowError as exc:
        raise StartProblem(exc.lines()) from None
    except OSError as exc:
        raise StartProblem([f"{path}: cannot read it ({exc.strerror or exc})"]) from None


def loaded_for_questions(
    flow_path: Path, bundle: Bundle | None, *, memory_only: bool = False
) -> Bundle:
    """The flow (unless already loaded) and the question screens' modules,
    loaded off the UI thread after the first frame; raises StartProblem.
    ``memory_only`` (kiosk): no cache written."""
    if bundle is None:
        try:
            bundle = load_flow_bundle(flow_path, memory_only=memory_only)
        except StartProblem:
            raise
        except Exception as exc:  # never a traceback in front of a person
            raise StartProblem([f"{type(exc).__name__}: {exc}"]) from None
        if not memory_only:  # a kiosk writes no file
            remember_facts(flow_path, facts_of(bundle))
    # Imported here, off the first frame, so that the first question is quick.
    import alternance_tui.tui.pages.question
    import alternance_tui.tui.pages.review  # noqa: F401

    return bundle


def warm_results() -> None:
    """Load the results screen while the person reads (the app builds the
    advice engine after it, in the same thread)."""
    import alternance_tui.tui.pages.results  # noqa: F401


def starting_point(options: TuiOptions) -> tuple[Path, WelcomeFacts, Bundle | None]:
    """The flow's path, the welcome facts, and the flow when it is needed before
    the first frame; raises StartProblem when the flow cannot be used.

    A kiosk writes no file: its facts are those shipped with the package
    (shipped.py), and the flow comes from a cache prepared beforehand
    (`alternance check`, docs/kiosk.md) or is checked in memory, after the first
    frame unless those facts do not match it."""
    flow_path = options.flow or default_flow_path()
    kiosk = options.kiosk
    if kiosk:
        from alternance_tui.tui.shipped import shipped_facts

        facts = shipped_facts(flow_path)
    else:
        facts = cached_facts(flow_path)
    bundle = None
    # Advisor mode lists sessions (with their progress) before anything else.
    if facts is None or options.answers or options.resume is not None or options.advisor:
        bundle = load_flow_bundle(flow_path, memory_only=kiosk)
        facts = facts_of(bundle)
        if not kiosk:
            remember_facts(flow_path, facts)
    return flow_path, facts, bundle


def prepared_interview(
    bundle: Bundle, options: TuiOptions, lang: str, autosave: Autosave
) -> tuple[Interview, list[Notice]]:
    """The interview for ``bundle`` with the answers given at start (``--resume``,
    then ``--answers`` over them), open where they lead; and what to tell the
    person about them (sessions/starting.py)."""
    from alternance_tui.sessions.starting import prepared_interview as prepared

    return prepared(
        bundle,
        autosave,
        lang,
        resume=options.resume,
        answers=options.answers,
        answers_file=options.answers_file,
        lang_given=options.lang_given,
        as_of=options.as_of,
    )
