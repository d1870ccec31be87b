"""What would open a result, as the results overview, the handout and the web
page say it: "or higher" only where the flow says its choices are ordered."""

from __future__ import annotations

import pytest

from alternance_tui.advice.model import Bundle
from alternance_tui.advice.openers import opener
from alternance_tui.advice.result import Change, ChangePart


def _said(bundle: Bundle, question: str, values: tuple[str, ...], lang: str) -> str:
    return opener(Change((ChangePart(question, "engine text", values),), "x"), bundle.flow, lang)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_last_diplomas_read_as_the_first_of_them_or_higher(bundle: Bundle, lang: str) -> None:
    diploma = bundle.flow.questions["diploma"]
    tail = tuple(c.id for c in diploma.choices if not c.unknown)[-3:]
    text = _said(bundle, "diploma", tail, lang)
    assert text.endswith(" or higher" if lang == "en" else " ou plus"), text


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_situations_that_have_no_order_are_each_named(bundle: Bundle, lang: str) -> None:
    """Found walking the web results: "Current situation: Employee or higher"."""
    status = bundle.flow.questions["status"]
    tail = tuple(c.id for c in status.choices if not c.unknown)[-3:]
    text = _said(bundle, "status", tail, lang)
    assert "higher" not in text and "ou plus" not in text, text
    for choice in tail:
        label = status.choice(choice)
        assert label is not None and label.label.get(lang, "")[:8] in text
