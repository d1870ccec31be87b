"""Below 60x20 the layout cannot be used: a "please enlarge the window" screen
covers it until the window is large enough again, and the interview ignores
keys meanwhile (the app's step function checks ``_small``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.app import App
from textual.geometry import Size

if TYPE_CHECKING:
    from alternance_tui.tui.pages.small import TooSmallScreen

MINIMUM = Size(60, 20)


class SizeGuard(App[int]):
    """The part of the app that watches the window's size."""

    lang: str

    def __init__(self) -> None:
        super().__init__()
        self._mounted = False  # before on_mount there is no screen of ours to cover
        self._small: TooSmallScreen | None = None  # shown while the window is too small

    def sync(self) -> None:
        """Show the interview's current place (the app draws it)."""
        raise NotImplementedError

    def on_resize(self, event: events.Resize) -> None:
        if self._mounted:
            self._check_size(event.size)

    def _check_size(self, size: Size) -> None:
        small = size.width < MINIMUM.width or size.height < MINIMUM.height
        if small and self._small is None:
            from alternance_tui.tui.pages.small import TooSmallScreen

            # A new one each time: a popped screen that is not installed is gone.
            self._small = TooSmallScreen(MINIMUM)
            self.push_screen(self._small)
        if small and self._small is not None:
            self._small.show_size(size, self.lang)
        elif not small and self._small is not None:
            self._small = None
            self.pop_screen()
            self.sync()
