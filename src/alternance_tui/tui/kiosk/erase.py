"""Erasing everything for the next person at a kiosk (the idle countdown ran out,
or "Finish and erase"): a blank welcome screen in the starting language and
theme, every answer, draft and offer dropped, and the screens that showed
answers rebuilt, so that no widget keeps what was typed or shown."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from alternance_tui.tui.screens import SCREENS

if TYPE_CHECKING:
    from alternance_tui.tui.app import AlternanceApp
    from alternance_tui.tui.base import Page

REBUILT_ON_ERASE = ("question", "review", "results")  # screens that show answers


async def erase_everything(app: AlternanceApp) -> None:
    # It reaches into the app's private state on purpose: forgetting is all of it.
    # Whatever is on top of the page (a prompt, the "too small" screen) goes.
    while len(app.screen_stack) > 2:
        await app.pop_screen()
    app._small = None
    app.clear_notifications()
    app._notices.clear()
    app._offered, app.resume_offer, app.autosave.previous = None, None, None
    app._start_requested, app._restart_asked = False, 0.0
    app.help_open = False
    app.lang = app.options.lang
    app.visit += 1
    if app.theme != app.theme_cycle[0]:
        app.theme = app.theme_cycle[0]
        app._theme_classes()
    welcome = app.get_screen("welcome")
    if app.screen is not welcome:
        await app.switch_screen(welcome)
    if app.interview is not None and app.bundle is not None:
        from alternance_tui.interview.state import Interview

        app.interview = Interview(app.bundle.flow, lang=app.lang)
        for name in REBUILT_ON_ERASE:
            if not app.is_screen_installed(name):
                continue  # the app is closing
            old = app.get_screen(name)
            app.uninstall_screen(name)
            # The new one first: the removal below lets other messages run.
            app.install_screen(SCREENS[name](), name)
            if old.is_mounted:
                await old.remove()
    cast("Page", welcome).show_state()
    app._check_size(app.size)
