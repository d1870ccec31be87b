"""Erasing everything for the next person at a kiosk (the idle countdown ran out,
or "Finish and erase"): a blank welcome screen in the starting language and
theme, every answer, draft and offer dropped, and the screens that showed
answers rebuilt, so that no widget keeps what was typed or shown."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from textual.app import App

    from alternance_tui.tui.base import Page
    from alternance_tui.tui.host import PartHost

REBUILT_ON_ERASE = ("question", "review", "results")  # screens that show answers


async def erase_everything(app: App[int], host: PartHost) -> None:
    # Whatever is on top of the page (a prompt, the "too small" screen) goes.
    while len(app.screen_stack) > 2:
        await app.pop_screen()
    app.clear_notifications()
    # An offer to resume, notices, a Ctrl+N pressed once, the theme, the "too small" screen.
    host.forget_person()
    host.help_open = False
    host.lang = host.options.lang
    host.visit += 1
    welcome = app.get_screen("welcome")
    if app.screen is not welcome:
        await app.switch_screen(welcome)
    if host.interview is not None and host.bundle is not None:
        from alternance_tui.interview.state import Interview

        host.interview = Interview(host.bundle.flow, lang=host.lang)
        for name in REBUILT_ON_ERASE:
            if not app.is_screen_installed(name):
                continue  # the app is closing
            old = app.get_screen(name)
            app.uninstall_screen(name)
            # The new one first: the removal below lets other messages run.
            app.install_screen(app.SCREENS[name](), name)  # the registry (screens.py)
            if old.is_mounted:
                await old.remove()
    cast("Page", welcome).show_state()
    host.check_size()
