"""A flow that was not checked can leave answers with no rule to follow (issue 25,
item 2): the recommendation then says that these answers reach no outcome at
that question, not that an answer it was given is missing."""

from __future__ import annotations

import datetime as dt

import pytest

from alternance_tui.advice.engine import IncompleteAnswers, recommend
from alternance_tui.advice.model import Bundle
from alternance_tui.flow.build import build_flow
from alternance_tui.flow.schema import FlowFile

WIDE = {"kind": "number", "integer": True, "min": 0, "max": 200}
# The flow, built without the check that would refuse it.
UNCHECKED = {
    "id": "ties",
    "title": {"en": "Ties", "fr": "Liens"},
    "languages": ["en", "fr"],
    "questions": [
        {"id": "a", "prompt": {"en": "a?", "fr": "a ?"}, **WIDE, "next": [{"goto": "b"}]},
        {
            "id": "b",
            "prompt": {"en": "b?", "fr": "b ?"},
            **WIDE,
            "next": [{"when": "a + b == 137 and a - b == 3", "goto": "c"}, {"goto": "done"}],
        },
        {
            "id": "c",
            "kind": "yes_no",
            "prompt": {"en": "Go on?", "fr": "Continuer ?"},
            "short": {"en": "Go on", "fr": "Continuer"},
            "next": [{"when": "c", "goto": "done"}],
        },
    ],
    "outcomes": [{"id": "done", "title": {"en": "Done", "fr": "Fini"}}],
}
AS_OF = dt.date(2026, 1, 1)


def _bundle() -> Bundle:
    flow, problems = build_flow(FlowFile.model_validate(UNCHECKED), "ties.toml")
    assert problems == []
    return Bundle(flow)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "These answers reach no outcome at question “Go on” (c):"),
        ("fr", "Ces réponses ne mènent à aucun résultat à la question « Continuer » (c)"),
    ],
)
def test_answers_with_no_rule_to_follow_say_so(lang: str, said: str) -> None:
    with pytest.raises(IncompleteAnswers) as caught:
        recommend(_bundle(), {"a": 70, "b": 67, "c": False}, as_of=AS_OF, lang=lang)
    assert caught.value.missing == ["c"]
    (message,) = caught.value.messages
    assert said in message.replace("\u00a0", " ").replace("\u202f", " ")
    assert "needs an answer" not in message and "demande une réponse" not in message


def test_a_missing_answer_is_still_a_missing_answer() -> None:
    with pytest.raises(IncompleteAnswers) as caught:
        recommend(_bundle(), {"a": 70, "b": 67}, as_of=AS_OF, lang="en")
    assert caught.value.messages == [
        "“Go on” needs an answer: give it with -a c=… or in the answers file."
    ]
