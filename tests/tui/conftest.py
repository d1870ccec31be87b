"""Building the app as `alternance` would, with the date fixed, and reading the screen."""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import io
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.content import Content
from textual.widgets import Button, Input, OptionList, Static

from alternance_tui.advice.load import default_flow_path
from alternance_tui.advice.model import Bundle
from alternance_tui.tui.app import AlternanceApp
from alternance_tui.tui.facts import facts_of
from alternance_tui.tui.options import TuiOptions
from alternance_tui.tui.widgets.controls import HangingChoice
from alternance_tui.tui.widgets.textlines import TextLines

AS_OF = dt.date(2026, 1, 1)
SIZE = (80, 24)

MakeApp = Callable[..., AlternanceApp]


def pilot_test(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async Pilot test in its own event loop (no asyncio plugin needed)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


@pytest.fixture(autouse=True)
def steady_rules_version(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """In screen snapshots, the rules version's fingerprint is fixed: it changes with
    every edit of the data, which would otherwise redraw every results snapshot."""
    if "snapshots" not in request.module.__name__:
        return
    from alternance_tui.advice import engine
    from alternance_tui.advice.version import rules_version

    monkeypatch.setattr(
        engine, "rules_version", lambda bundle: rules_version(bundle).split("+")[0] + "+snapshot"
    )


@pytest.fixture
def make_app(bundle: Bundle) -> MakeApp:
    """An app on the shipped flow, already loaded (the start-up path is tested apart)."""

    def make(
        lang: str = "en",
        *,
        answers: dict[str, Any] | None = None,
        kiosk: bool = False,
        resume: str | None = None,
        lang_given: bool = False,
        theme: str | None = None,
        flow_bundle: Bundle | None = None,
        flow_path: Path | None = None,
    ) -> AlternanceApp:
        used = flow_bundle or bundle
        options = TuiOptions(
            flow=flow_path,
            lang=lang,
            lang_given=lang_given,
            as_of=AS_OF,
            kiosk=kiosk,
            resume=resume,
            answers=answers or {},
            answers_file="me.json" if answers else None,
        )
        return AlternanceApp(
            options,
            facts_of(used),
            flow_path or default_flow_path(),
            used,
            theme=theme,
        )

    return make


def screen_text(app: AlternanceApp) -> str:
    """The words on the current screen, roughly as a person sees them."""
    parts: list[str] = []
    for widget in app.screen.query("*"):
        if not widget.display or not widget.is_mounted:
            continue
        if isinstance(widget, Static) and not isinstance(widget, Button):
            parts.append(_plain(widget.content))
        elif isinstance(widget, Button):
            parts.append(str(widget.label))
        elif isinstance(widget, Input):
            parts.append(widget.value)
        elif isinstance(widget, OptionList):
            parts.extend(_plain(option.prompt) for option in widget.options)
        elif isinstance(widget, TextLines):
            parts.append(widget.plain)
    return "\n".join(parts)


def _plain(prompt: object) -> str:
    if isinstance(prompt, str | Content | HangingChoice):
        return str(prompt)
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(prompt)
    return console.export_text()


def notifications(app: AlternanceApp) -> str:
    return "\n".join(n.message for n in app._notifications)
