"""The pieces every rendering of a recommendation shares, as plain strings: labels,
the reference-value line, the pay table, the internship lines, an item's facts
and the answers. The text, Markdown and HTML reports and the results screen all
build from these, so that they cannot disagree. No textual import."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from alternance_tui.advice.model import AttributeLabel
from alternance_tui.advice.result import (
    GridPayResult,
    HourlyPayResult,
    ItemResult,
    Recommendation,
    Reference,
)
from alternance_tui.flow.answers import show_value
from alternance_tui.flow.model import Flow, tr
from alternance_tui.wording import formats as w
from alternance_tui.wording.catalogue.report import REPORT


def label(lang: str, key: str, **values: object) -> str:
    return REPORT(lang, key, **values)


def reference_line(ref: Reference, lang: str) -> str:
    """'SMIC ...: €1,823.03 from 1 January 2026 (décret ...)', saying so when it is the
    latest value known (the source last: it can hold parentheses of its own)."""
    latest = label(lang, "latest") if ref.latest_known else ""
    return label(
        lang,
        "reference",
        label=ref.label,
        value=w.money(ref.value, lang),
        date=w.date(ref.start, lang),
        source=ref.source,
        latest=latest,
    )


def grid_table(pay: GridPayResult, lang: str) -> tuple[list[str], list[list[str]]]:
    """The pay table's header and one row per contract year; a year worked out on an
    answer (an agreement minimum) says so beside its amount."""
    header = [
        label(lang, "year"),
        label(lang, "age"),
        label(lang, "percent", ref=pay.reference.short),
        label(lang, "monthly"),
    ]
    rows = []
    for y in pay.years:
        basis = ""
        if y.basis != "reference":
            basis = (
                f" ({w.percent(y.basis_percent, lang)} × {y.basis_label} "
                f"{w.money(y.basis_value, lang)})"
            )
        amount = w.money(y.monthly_gross_eur, lang) + basis
        rows.append([str(y.year), str(y.age), w.percent(y.percent, lang), amount])
    return header, rows


def hourly_lines(pay: HourlyPayResult, lang: str) -> list[str]:
    """The bonus rule for the planned length, the hourly minimum and the total."""
    bonus = "bonus_required" if pay.bonus_required else "bonus_optional"
    return [
        label(
            lang,
            bonus,
            months=w.number(pay.months, lang),
            weekly=w.number(pay.weekly_hours, lang),
            hours=w.number(pay.hours, lang),
            from_hours=w.number(pay.bonus_from_hour, lang, 0),
        ),
        label(
            lang,
            "hourly",
            hourly=w.money(pay.hourly_min_eur, lang),
            percent=w.percent(pay.percent, lang),
            ref=pay.reference.label,
        ),
        label(
            lang,
            "total",
            hours=w.number(pay.hours, lang),
            total=w.money(pay.total_min_eur, lang),
            monthly=w.money(pay.monthly_estimate_eur, lang),
            per_month=w.number(pay.hours_per_month, lang),
        ),
        *(
            [label(lang, "max_hours", max_hours=w.number(pay.max_hours, lang, 0))]
            if pay.max_hours is not None
            else []
        ),
    ]


def facts_line(
    item: ItemResult, declared: Sequence[AttributeLabel], lang: str, colon: str = ": "
) -> str:
    """``Level: M1 · Campus: Aix-en-Provence``: the attributes the item's advice file
    declares for reports, in its order and words; "" for an item with none."""
    facts = []
    for attribute in declared:
        if attribute.id in item.attributes:
            value = item.attributes[attribute.id]
            shown = tr(attribute.value, lang).format(value=value) if attribute.value else value
            facts.append(f"{tr(attribute.label, lang)}{colon}{shown}")
    return " · ".join(facts)


@dataclass(frozen=True, slots=True)
class AnswerLine:
    question: str
    label: str
    value: str


def answer_lines(rec: Recommendation, flow: Flow) -> list[AnswerLine]:
    """Each answer as a person reads it (question's short label, value in words);
    answers to questions the flow does not have are left out."""
    lang = rec.lang
    return [
        AnswerLine(q, tr(flow.questions[q].short, lang), show_value(flow.questions[q], v, lang))
        for q, v in rec.answers.items()
        if q in flow.questions
    ]
