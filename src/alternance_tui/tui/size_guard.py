"""Below 60x20 the layout cannot be used: a "please enlarge the window" screen
covers it until the window is large enough again, and the interview ignores
keys meanwhile (the app's step function asks ``too_small``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.geometry import Size

from alternance_tui.tui.part import Part

if TYPE_CHECKING:
    from textual.app import App

    from alternance_tui.tui.pages.small import TooSmallScreen

MINIMUM = Size(60, 20)


class SizeGuard(Part):
    """The part of the app that watches the window's size."""

    def __init__(self, app: App[int]) -> None:
        super().__init__(app)
        self.screen: TooSmallScreen | None = None  # shown while the window is too small

    @property
    def too_small(self) -> bool:
        return self.screen is not None

    def check(self, size: Size) -> None:
        small = size.width < MINIMUM.width or size.height < MINIMUM.height
        if small and self.screen is None:
            from alternance_tui.tui.pages.small import TooSmallScreen

            # A new one each time: a popped screen that is not installed is gone.
            self.screen = TooSmallScreen(MINIMUM)
            self.app.push_screen(self.screen)
        if small and self.screen is not None:
            self.screen.show_size(size, self.host.lang)
        elif not small and self.screen is not None:
            self.screen = None
            self.app.pop_screen()
            self.host.sync()

    def show_language(self) -> None:
        """The language changed: the covering screen says it again in the new one."""
        if self.screen is not None:
            self.screen.show_size(self.app.size, self.host.lang)

    def forget(self) -> None:
        """The covering screen was popped by someone else (the kiosk's erase)."""
        self.screen = None
