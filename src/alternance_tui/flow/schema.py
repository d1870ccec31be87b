"""The file format of flows: pydantic models of the TOML as written.

``alternance schema`` prints their JSON Schema for editors; build.py checks
what a schema cannot say and turns them into ``model.Flow``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from alternance_tui.flow.files import CHOICE_ID_PATTERN, LANGUAGE_PATTERN
from alternance_tui.flow.kinds import QuestionKind

NodeId = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z_][a-z0-9_]*$", max_length=64),
    Field(description="lowercase letters, digits and _; starts with a letter or _"),
]
ChoiceId = Annotated[
    str,
    StringConstraints(pattern=CHOICE_ID_PATTERN, max_length=64),
    Field(description="lowercase letters, digits, _ and -"),
]
LanguageCode = Annotated[str, StringConstraints(pattern=LANGUAGE_PATTERN)]
TextField = Annotated[
    dict[LanguageCode, Annotated[str, StringConstraints(min_length=1, max_length=4000)]],
    Field(description='one text per language, e.g. { fr = "Votre âge", en = "Your age" }'),
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class ChoiceFile(_Strict):
    id: ChoiceId
    label: TextField
    help: TextField | None = None
    unknown: bool = Field(
        False, description="'not known yet': advice then covers each other choice in turn"
    )


class NextFile(_Strict):
    when: str | None = Field(None, description='a condition, e.g. size >= 26 or "red" in colours')
    goto: NodeId = Field(description="the id of a question or an outcome")


class DerivedDefaultFile(_Strict):
    when: str = Field(description="a condition on other answers")
    value: Any = Field(description="the default while the condition holds")


class QuestionFile(_Strict):
    id: NodeId
    kind: QuestionKind
    prompt: TextField
    short: TextField | None = Field(None, description="a short label for reviews and reports")
    help: TextField | None = None
    choices: list[ChoiceFile] = Field(default_factory=list)
    min: float | None = None
    max: float | None = None
    integer: bool = False
    unit: TextField | None = None
    shown_as: Literal["month"] | None = Field(
        None,
        description='"month": a whole number from 1 (January) to 12 (December), asked as '
        "the months and written as the month's name in the reader's language",
    )
    ordered: bool = Field(
        False,
        description="the choices run from lowest to highest (a diploma), so that the last "
        'few can be said as "the first of them or higher"',
    )
    optional: bool = False
    default: Any = None
    defaults: list[DerivedDefaultFile] = Field(
        default_factory=list,
        description="defaults that follow other answers, tried in order before `default`",
    )
    next: list[NextFile] | None = Field(
        None, description="rules tried in order; without it, the next question in the file"
    )

    @field_validator("next", mode="before")
    @classmethod
    def _single_target(cls, value: Any) -> Any:
        # `next = "outcome_id"` is shorthand for one unconditional rule.
        return [{"goto": value}] if isinstance(value, str) else value


class GlossaryFile(_Strict):
    term: str | TextField = Field(
        description='the word as written: "VAT", or one per language { fr = "TVA", en = "VAT" }'
    )
    means: TextField = Field(description="what it means, in a sentence a student reads")
    short: TextField | None = Field(
        None, description='a few words for a printed page: { en = "value added tax" }'
    )
    matches: list[Annotated[str, StringConstraints(min_length=1, max_length=64)]] = Field(
        default_factory=list,
        description='the spellings a text may use (default: the term): ["VAT", "vat"]',
    )


class OutcomeFile(_Strict):
    id: NodeId
    title: TextField
    text: TextField | None = None


class FlowFile(_Strict):
    kind: Literal["flow"] = "flow"
    id: NodeId
    title: TextField
    description: TextField | None = None
    languages: list[LanguageCode] = Field(min_length=1)
    start: NodeId | None = Field(None, description="the first question; default: the first listed")
    uses: list[str] = Field(default_factory=list, description="data files this flow brings")
    questions: list[QuestionFile] = Field(min_length=1)
    outcomes: list[OutcomeFile] = Field(min_length=1)
    glossary: list[GlossaryFile] = Field(
        default_factory=list,
        description="words a person may not know, each explained where it first appears",
    )
