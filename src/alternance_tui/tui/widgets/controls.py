"""The app's own widgets: a choice list for every choice question, and the key bar.

One ChoiceList serves single choices, several choices and yes/no: it is
refilled for each question rather than rebuilt, which keeps moving from one
question to the next within a frame. The state of each choice is drawn with
characters — (•) ( ) for one choice, [✔] [ ] for several — so it reads the
same without colour (NO_COLOR, the high-contrast theme, a monochrome kiosk).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.css.styles import RulesMap
from textual.markup import escape
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widget import Widget
from textual.widgets import Button, Input, OptionList, Static

RADIO_ON, RADIO_OFF = "(•)", "( )"
CHECK_ON, CHECK_OFF = "[✔]", "[ ]"


async def handled_in_order(widget: Widget, event: events.Key) -> bool:
    """Handle ``event`` now, in the order it was typed, when it is one of the
    widget's own bound keys or no longer the widget's at all; True if so.

    Keys typed in one burst (a fast typist, a paste, a slow machine, a browser
    session) go to the widget focused when they arrive, to be handled one after
    the other. Two things then went wrong. Textual runs a widget's bound keys
    (Enter, Backspace, arrows) only once the key has bubbled up to the app,
    after the characters that followed it (Textualize/textual#6605): "20",
    Enter, "1" gave an age of 201. And a key queued behind one that moved the
    interview on still reached the old widget: the number meant for the next
    question answered this one. So a widget's own bindings run here, and a key
    that is no longer this widget's goes back to the app, as if typed now, to
    reach whatever has the focus.
    """
    app = widget.app
    if app.focused is not widget:
        event.stop()
        event.prevent_default()
        # An app that queues keys typed ahead (app.py) takes it back first in line.
        put_back: Callable[[events.Key], None] | None = getattr(app, "put_back_key", None)
        if put_back is not None:
            put_back(event)
        else:
            app.post_message(events.Key(event.key, event.character))
        return True
    for binding in widget._bindings.key_to_bindings.get(event.key, ()):
        if not binding.priority:
            event.stop()
            event.prevent_default()
            await widget.run_action(binding.action)
            return True
    return False


class HangingChoice(Visual):
    """A choice's mark and number, then its label, which wraps under itself
    rather than under the mark.

    A two-column Rich table drew the same, but Rich measured and rendered it
    about fifteen times per frame: most of the time between an answer and
    the next question. This wraps the label once per width.
    """

    def __init__(self, mark: Content, label: Content) -> None:
        self.mark = mark
        self.label = label
        self._wrapped: tuple[int, Content, int] | None = None

    def __str__(self) -> str:
        return f"{self.mark.plain}{self.label.plain}"

    def _lines(self, width: int) -> tuple[Content, int]:
        if self._wrapped is not None and self._wrapped[0] == width:
            return self._wrapped[1], self._wrapped[2]
        indent = self.mark.cell_length
        wrapped = self.label.wrap(max(1, width - indent)) or [Content("")]
        under = Content(" " * indent)
        lines = [self.mark + wrapped[0], *(under + line for line in wrapped[1:])]
        joined = Content("\n").join(lines)
        self._wrapped = (width, joined, len(lines))
        return joined, len(lines)

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        if width <= 0:
            return []
        lines, _ = self._lines(width)
        return lines.render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.mark.cell_length + self.label.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.mark.cell_length + self.label.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self._lines(width)[1] if width > 0 else 0


class ChoiceList(OptionList):
    """Choices with number keys: Enter takes the highlighted one (several
    choices: Enter goes on with those ticked), Space or a number ticks."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Next", show=False),
        Binding("space", "pick", "Choose", show=False),
    ]

    class Picked(Message):
        """A person chose (one choice) or went on (several choices)."""

        def __init__(self, choice_list: ChoiceList, ids: frozenset[str], submit: bool) -> None:
            super().__init__()
            self.choice_list = choice_list
            self.ids = ids
            # False when a choice was only marked (Space, or a number on the
            # welcome screen): the person has not asked to go on yet.
            self.submit = submit

        @property
        def control(self) -> ChoiceList:
            return self.choice_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.ids: list[str] = []
        self.labels: list[str] = []
        # The number typed to take each choice, shown beside it ("" for none).
        self.numbers: list[str] = []
        # Digits typed so far towards a number that more digits could still make
        # another one: "1" waits, as it may become "10", "11" or "12".
        self.typed = ""
        self.selected: set[str] = set()
        # True when ``selected`` holds a choice submitted without a redraw: the
        # marks on screen are the old ones, so the next load must draw again even
        # if it brings the same choices and the same selection (two yes/no
        # questions in a row, "N" on the first, "No" the second's default).
        self.stale = False
        self.multi = False
        self.letters: dict[str, str] = {}  # extra keys: "y" -> "yes"
        # On the welcome screen a number only marks the language; in a
        # question it answers and moves on, which is what makes answering fast.
        self.submit_on_pick = True
        # Called directly when set: a Picked message would bubble up the DOM
        # one widget (one event-loop turn) at a time before the screen saw it.
        self.on_picked: Callable[[frozenset[str], bool], None] | None = None

    def _tell(self, submit: bool) -> None:
        ids = frozenset(self.selected)
        if self.on_picked is not None:
            self.on_picked(ids, submit)
        else:
            self.post_message(self.Picked(self, ids, submit=submit))

    def load(
        self,
        ids: Sequence[str],
        labels: Sequence[str],
        selected: set[str],
        *,
        multi: bool = False,
        letters: dict[str, str] | None = None,
        numbers: Sequence[str] | None = None,
    ) -> None:
        """``numbers``: what to type for each choice; 1, 2, 3… by default."""
        shown = list(numbers) if numbers is not None else [str(i + 1) for i in range(len(ids))]
        same = (list(ids), list(labels), multi, shown) == (
            self.ids,
            self.labels,
            self.multi,
            self.numbers,
        )
        self.letters = dict(letters or {})
        self.typed = ""
        if same and not self.stale and set(selected) == self.selected:
            return
        self.stale = False
        self.ids = list(ids)
        self.labels = list(labels)
        self.numbers = shown
        self.selected = set(selected) & set(self.ids)
        self.multi = multi
        self.set_options([self._prompt(i) for i in range(len(self.ids))])
        first = next((i for i, c in enumerate(self.ids) if c in self.selected), 0)
        self.highlighted = first if self.ids else None

    def _prompt(self, index: int) -> HangingChoice:
        chosen = self.ids[index] in self.selected
        if self.multi:
            mark = CHECK_ON if chosen else CHECK_OFF
        else:
            mark = RADIO_ON if chosen else RADIO_OFF
        width = max(map(len, self.numbers), default=1)
        number = self.numbers[index].rjust(width)
        return HangingChoice(
            Content.assemble(f"{mark} ", (number, "bold"), " "), Content(self.labels[index])
        )

    def _redraw(self) -> None:
        for index in range(len(self.ids)):
            self.replace_option_prompt_at_index(index, self._prompt(index))

    def pick(self, index: int, *, submit: bool) -> None:
        """Choose (or, with several choices, tick or untick) the choice at ``index``."""
        if not 0 <= index < len(self.ids):
            return
        choice = self.ids[index]
        if submit and not self.multi:
            # Change nothing on screen: the next question refills this list, and
            # a repaint now would take this frame and push the next question's
            # drawing to the following one (Textual draws at most 60 a second).
            self.selected = {choice}
            self.stale = True
            self._tell(submit=True)
            return
        self.highlighted = index
        if self.multi:
            self.selected ^= {choice}
            self.replace_option_prompt_at_index(index, self._prompt(index))
            self._tell(submit=False)
            return
        self.selected = {choice}
        self._redraw()
        self._tell(submit=False)

    def action_submit(self) -> None:
        if self.multi:
            self._tell(submit=True)
        elif self.highlighted is not None:
            self.pick(self.highlighted, submit=True)

    def action_pick(self) -> None:
        if self.highlighted is not None:
            self.pick(self.highlighted, submit=False)

    async def _on_click(self, event: events.Click) -> None:
        # Not OptionList's own click handler as well: Textual runs each class's
        # handler in turn, and that one came after a choice had answered and
        # refilled this list with the next question, and highlighted the line
        # tapped there (Next then took that line, not the choice marked (•)),
        # or failed when that question had fewer choices (the app stopped).
        event.prevent_default()
        index = event.style.meta.get("option")
        if isinstance(index, int):
            self.pick(index, submit=self.submit_on_pick and not self.multi)

    async def on_key(self, event: events.Key) -> None:
        if await handled_in_order(self, event):
            return
        character = event.character or ""
        if character.isdigit():
            index, waits = self._typed_number(character)
            if index is None:
                return
            event.stop()
            event.prevent_default()
            if waits and self.multi:
                self.highlighted = index  # Space ticks it; the next digit may go on
                return
            # A number more digits could make another one is only marked: Enter
            # takes it, or the next digit makes the other ("1", then "2": 12).
            self.pick(index, submit=self.submit_on_pick and not self.multi and not waits)
            return
        self.typed = ""
        if character.lower() not in self.letters:
            return
        event.stop()
        event.prevent_default()
        index = self.ids.index(self.letters[character.lower()])
        self.pick(index, submit=self.submit_on_pick and not self.multi)

    def _typed_number(self, digit: str) -> tuple[int | None, bool]:
        """The choice the digits typed so far name, and whether more digits could
        still name another; the digit alone when it does not go on a number."""
        for typed in (self.typed + digit, digit):
            if typed in self.numbers:
                waits = any(n.startswith(typed) and n != typed for n in self.numbers)
                self.typed = typed if waits else ""
                return self.numbers.index(typed), waits
        self.typed = ""
        return None, False


class KeyBar(Static):
    """The keys that work here, in the person's language; each one clickable.

    Keys that do not fit on one line go on a second one, whole: a key is never
    cut from its words, nor a label at the window's edge (80 columns in advisor
    mode hold about nine of its twelve keys)."""

    def show_keys(self, keys: Sequence[tuple[str, str, str]]) -> None:
        """``keys``: (key as shown, what it does, the action a click runs)."""
        shown = tuple(keys)
        if shown == getattr(self, "_keys", None):
            return
        self._keys = shown
        self._lay_out()

    def on_resize(self) -> None:
        if getattr(self, "_keys", None) is not None:
            self._lay_out()

    def _lay_out(self) -> None:
        keys: tuple[tuple[str, str, str], ...] = self._keys
        # The bar's own width once laid out; the screen's before (less the padding).
        width = (self.content_region.width or self.app.size.width - 2) if self.app else 78
        lines: list[list[str]] = [[]]
        used = 0
        for key, words, action in keys:
            size = len(key) + (1 + len(words) if words else 0)
            if lines[-1] and used + 2 + size > width:
                lines.append([])
                used = 0
            used += size + (2 if lines[-1] else 0)
            text = f"[b]{escape(key)}[/b]" + (f" {escape(words)}" if words else "")
            lines[-1].append(f"[@click={action}]{text}[/]")
        self.update(Content.from_markup("\n".join("  ".join(line) for line in lines)))


class TapButton(Button):
    """A button that every click (or tap) presses.

    Textual's Button takes no click while it shows its last press (the
    "-active" class, for 0.2 s after it). Next and Back stay on screen from one
    question to the next, and a number pad's keys from one digit to the next:
    "Next" tapped on a question drawn a moment after the last "Next", the
    second "2" of 22, or two taps a browser delivers close together were
    dropped without a sign. The press still shows.
    """

    async def _on_click(self, event: events.Click) -> None:
        event.stop()
        # Not Button's own handler as well (Textual runs each class's in turn).
        event.prevent_default()
        self.press()


class NumberInput(Input):
    """A text field whose Enter calls the screen directly (see ChoiceList.on_picked)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.on_enter: Callable[[], None] | None = None

    async def _on_key(self, event: events.Key) -> None:
        if not await handled_in_order(self, event):
            await super()._on_key(event)

    async def action_submit(self) -> None:
        if self.on_enter is not None:
            self.on_enter()
        else:
            await super().action_submit()
