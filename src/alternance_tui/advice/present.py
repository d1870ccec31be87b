"""The pieces every rendering of a recommendation shares, as plain strings: labels,
the reference-value line, the pay table, the internship lines, an item's facts
and the answers. The text, Markdown and HTML reports and the results screen all
build from these, so that they cannot disagree. No textual import."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from alternance_tui.advice.model import AttributeLabel
from alternance_tui.advice.result import (
    Deduction,
    GridPayResult,
    HourlyPayResult,
    ItemResult,
    NetBasis,
    PayMonth,
    Recommendation,
    Reference,
)
from alternance_tui.flow.answers import show_value
from alternance_tui.flow.model import Flow, tr
from alternance_tui.wording import formats as w
from alternance_tui.wording.catalogue.report import REPORT
from alternance_tui.wording.typography import typography


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
    answer (an agreement minimum) says so beside its amount; the grid's year when the
    position in the training cycle moves it, and the net estimate when there is one."""
    header = [
        label(lang, "year"),
        label(lang, "age"),
        label(lang, "percent", ref=pay.reference.short),
        label(lang, "monthly"),
    ]
    shifted = any(y.grid_year != y.year for y in pay.years)
    if shifted:
        header.insert(1, label(lang, "grid_year"))
    net = pay.net is not None
    if net:
        header.append(label(lang, "net"))
    rows = []
    for y in pay.years:
        basis = ""
        if y.basis != "reference":
            basis = (
                f" ({w.percent(y.basis_percent, lang)} × {y.basis_label} "
                f"{w.money(y.basis_value, lang)})"
            )
        amount = w.money(y.monthly_gross_eur, lang) + basis
        row = [str(y.year), str(y.age), w.percent(y.percent, lang), amount]
        if shifted:
            row.insert(1, str(y.grid_year))
        if net:
            row.append(_net_cell(y.monthly_net_eur, lang))
        rows.append(row)
    return header, rows


def _net_cell(value: float | None, lang: str) -> str:
    return "" if value is None else "≈\u00a0" + w.money(value, lang)  # never ≈ alone at a line end


def month_runs(pay: GridPayResult) -> list[tuple[int, int, PayMonth]]:
    """The month schedule as runs of months paid alike: (first, last, first month)."""
    runs: list[tuple[int, int, PayMonth]] = []
    for month in pay.months:
        if runs:
            first, _, head = runs[-1]
            if (head.percent, head.monthly_gross_eur, head.age, head.year) == (
                month.percent,
                month.monthly_gross_eur,
                month.age,
                month.year,
            ):
                runs[-1] = (first, month.month, head)
                continue
        runs.append((month.month, month.month, month))
    return runs


def month_table(pay: GridPayResult, lang: str) -> tuple[list[str], list[list[str]]]:
    """One row per run of months paid alike, with the calendar month it starts (the
    contract year is in the yearly table; narrow enough for 80 columns)."""
    header = [
        label(lang, "months"),
        label(lang, "age"),
        label(lang, "percent", ref=pay.reference.short),
        label(lang, "monthly"),
    ]
    if pay.net is not None:
        header.append(label(lang, "net"))
    rows = []
    for first, last, head in month_runs(pay):
        span = f"{first}–{last}" if last > first else str(first)
        row = [
            f"{span} ({w.month_name(head.calendar_month, lang)})",
            str(head.age),
            w.percent(head.percent, lang),
            w.money(head.monthly_gross_eur, lang),
        ]
        if pay.net is not None:
            row.append(_net_cell(head.monthly_net_eur, lang))
        rows.append(row)
    return header, rows


def pay_lines(pay: GridPayResult, lang: str) -> list[str]:
    """What the table rests on beyond the reference: the cycle, the net basis (not
    for a pay borrowed from another item, whose own card says it)."""
    lines = [
        label(lang, "cycle", source=pay.cycle_source, year=y.year, grid=y.grid_year)
        for y in pay.years
        if pay.cycle_source and y.grid_year != y.year
    ]
    if pay.net is not None and not pay.title:
        lines.append(net_line(pay.net, lang))
    return lines


def deduction_text(item: Deduction, lang: str) -> str:
    base = label(lang, "base_share", base=w.percent(item.base, lang)) if item.base != 100 else ""
    return (
        label(
            lang,
            "deduction" if item.above else "deduction_all",
            label=item.label,
            percent=w.percent(item.percent, lang),
            base=base,
            above=w.percent(item.above, lang),
            series=item.series,
        )
        + f" ({item.source})"
    )


def net_line(net: NetBasis, lang: str) -> str:
    text = label(lang, "net_basis", label=net.label, source=net.source)
    if net.deductions:
        joiner = " ; " if lang == "fr" else "; "
        text += ": " + joiner.join(deduction_text(d, lang) for d in net.deductions)
    return typography(text + ".", lang)


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
            [
                label(
                    lang,
                    "net_total",
                    monthly=w.money(pay.monthly_net_eur, lang),
                    total=w.money(pay.total_net_eur or 0, lang),
                ),
                net_line(pay.net, lang),
            ]
            if pay.net is not None and pay.monthly_net_eur is not None
            else []
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
