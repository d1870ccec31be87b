"""What would open a closed item, in the words the results screen uses: "Highest
diploma: Bac+2 (L2, BTS…) or higher". Pure: the results, the handout and the
lines of advice/course_gap.py say it the same way."""

from __future__ import annotations

from alternance_tui.advice.result import Change, ChangePart, ItemResult
from alternance_tui.flow.answers import show_value
from alternance_tui.flow.model import Flow, tr
from alternance_tui.wording.catalogue.handout import HANDOUT
from alternance_tui.wording.typography import colon


def _h(lang: str, key: str, **values: object) -> str:
    return HANDOUT(lang, key, **values)


def _part(part: ChangePart, flow: Flow, lang: str) -> str:
    """One changed answer in words: its label, then the values that would do,
    the smallest one "or higher" when they run to the end of choices the flow
    says are ordered (a diploma, not a situation), each by its label (never its
    id); a range as the engine says it."""
    question = flow.questions.get(part.question)
    if question is None or not part.values or question.kind not in ("choice", "multi"):
        return part.text
    multi = question.kind == "multi"
    labels = [show_value(question, frozenset({str(v)}) if multi else v, lang) for v in part.values]
    ids = [c.id for c in question.choices if not c.unknown]
    tail = (
        question.ordered and len(part.values) > 1 and list(part.values) == ids[-len(part.values) :]
    )
    shown = _h(lang, "or_higher", value=labels[0]) if tail and not multi else None
    return f"{tr(question.short, lang)}{colon(lang)}{shown or _h(lang, 'or').join(labels)}"


def opener(change: Change, flow: Flow, lang: str) -> str:
    """ "Highest diploma: Bac+2 (L2, BTS…) or higher", "Special situations: RQTH or
    Top-level athlete": what would open the item, in the labels the screen uses."""
    return " + ".join(_part(p, flow, lang) for p in change.parts) or change.text


def openers(item: ItemResult, flow: Flow, lang: str) -> str:
    """Every way to open the item that a person can act on (not their age), "; or "
    between them, as the results screen lists them; "" when there is none."""
    ways = [opener(c, flow, lang) for c in item.changes if not c.fixed]
    return _h(lang, "either_way").join(ways)
