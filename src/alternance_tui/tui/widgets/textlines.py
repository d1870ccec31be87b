"""Long styled text in a scroll, drawn a screen at a time.

A Static in a scroll lays its whole text out (wrapping every line to measure
its height) on each update and each resize: for the comparison's sixty lines
that alone took about 40 ms of the 50 ms budget. Here the text is wrapped once,
to the width it is drawn for, so its height is its number of lines, and only
the lines on screen are turned into segments (Textual's line API).
"""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip


class TextLines(ScrollView, can_focus=True):
    """Lines of rich text, scrolled by keys, wheel or scrollbar."""

    DEFAULT_CSS = """
    TextLines {
        height: 1fr;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines: list[Text] = []
        self._strips: dict[int, Strip] = {}

    def show(self, text: Text, width: int) -> None:
        """Replace the lines by those of ``text`` wrapped to ``width``."""
        lines = list(text.wrap(self.app.console, max(width, 1)))
        if lines and not lines[-1].plain:
            lines.pop()  # the text's own last newline
        self._lines = lines
        self._strips.clear()
        width = max((line.cell_len for line in lines), default=0)
        self.virtual_size = Size(width, len(lines))
        self.refresh()

    @property
    def plain(self) -> str:
        """The lines as plain text (what a reader of the screen gets)."""
        return "\n".join(line.plain for line in self._lines)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        style = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, style)
        strip = self._strips.get(index)
        if strip is None:
            line = self._lines[index]
            segments = [s for s in line.render(self.app.console) if s.text != "\n"]
            strip = self._strips[index] = Strip(Segment.apply_style(segments, style))
        return strip.crop_extend(scroll_x, scroll_x + width, style)
