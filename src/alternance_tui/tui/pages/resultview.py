"""What the results screen shows, as plain strings: the view-model of the results.

Built from the advice engine's Recommendation (the same one `alternance
recommend` renders), so the screen and the command line cannot disagree; the
screen only lays these strings out. No textual import: tests check every path
of the flow against `recommend()` through this module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from alternance_tui.advice.pay.base import cents
from alternance_tui.advice.present import (
    AnswerLine,
    answer_lines,
    facts_line,
    grid_table,
    hourly_lines,
    label,
    month_table,
    pay_lines,
    reference_line,
)
from alternance_tui.advice.result import (
    GridPayResult,
    HourlyPayResult,
    ItemResult,
    NoPayResult,
    Recommendation,
    SectionResult,
    Status,
)
from alternance_tui.flow.cond import Value
from alternance_tui.flow.model import tr
from alternance_tui.wording import formats as w
from alternance_tui.wording.catalogue.act import ACT
from alternance_tui.wording.catalogue.tui import TUI as t
from alternance_tui.wording.typography import colon, typography

if TYPE_CHECKING:
    from alternance_tui.advice.engine import Engine
    from alternance_tui.advice.model import AttributeLabel, Bundle

MARKS: dict[bool | None, str] = {True: "✔", False: "✘", None: "◐"}
_ORDER: dict[Status, int] = {"eligible": 0, "conditional": 1, "not_eligible": 2}


@dataclass(frozen=True, slots=True)
class ReasonLine:
    mark: str  # ✔ holds, ✘ does not, ◐ depends on an answer not known yet
    text: str
    source: str


@dataclass(frozen=True, slots=True)
class PayView:
    kind: Literal["grid", "hourly", "none"]
    header: tuple[str, ...] = ()  # grid: year, age, percent, monthly gross
    rows: tuple[tuple[str, ...], ...] = ()
    # What a person reads first: a year's amounts (grid), the bonus rule and its
    # amounts (hourly), what is said instead of an amount (none).
    lines: tuple[str, ...] = ()
    # How it is worked out, folded under "Sources and calculation": the reference
    # value and its source, the pay's source, the cycle, the net formula.
    basis: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # the calculation's own notes (folded with the basis)
    routes: tuple[str, ...] = ()  # no pay: the funding routes
    # grid with a birth month: runs of months paid alike, the month each starts
    month_title: str = ""
    month_header: tuple[str, ...] = ()
    month_rows: tuple[tuple[str, ...], ...] = ()
    title: str = ""  # a heading of its own (another item's pay); "" for the usual one


@dataclass(frozen=True, slots=True)
class Card:
    id: str
    title: str
    status: Status
    badge: str  # symbol and words: never colour alone
    summary: str
    facts: str  # level · campus · rhythm · ranking
    reasons: tuple[ReasonLine, ...]
    fit: tuple[str, ...]
    changes: tuple[str, ...]
    depends: tuple[str, ...]
    pay: PayView | None
    notes: tuple[str, ...]
    headline: str = ""  # one line for the overview: what it pays, or what would open it
    # The sources of the notes (the reasons' are on each ReasonLine), for the fold.
    note_sources: tuple[str, ...] = ()

    @property
    def calculation(self) -> tuple[str, ...]:
        """How the pay is worked out: the reference value, the sources, the net
        formula and the calculation's notes (folded until asked for)."""
        if self.pay is None:
            return ()
        return (*self.pay.basis, *(f"• {n}" for n in self.pay.notes))

    @property
    def sources(self) -> tuple[str, ...]:
        """The texts each reason (in the order of "Why", with its mark) and each
        note rests on (folded until asked for)."""
        return (
            *(f"{r.mark} {r.source}" for r in self.reasons if r.source),
            *(f"• {s}" for s in dict.fromkeys(self.note_sources)),
        )


@dataclass(frozen=True, slots=True)
class SectionView:
    id: str
    title: str
    cards: tuple[Card, ...]
    note: str = ""  # the data's own caveat for the section (what its figures are)
    # What to do when nothing is open, or a preferred campus has no open course.
    advice: tuple[str, ...] = ()

    @property
    def open_count(self) -> int:
        return sum(1 for c in self.cards if c.status != "not_eligible")

    @property
    def depends_count(self) -> int:
        """Open only with some values of an answer not known yet: counted apart."""
        return sum(1 for c in self.cards if c.status == "conditional")

    def count_text(self, lang: str) -> str:
        """ "2 ouverts, 1 selon une réponse, sur 4": the plural written, not "(s)"."""
        open_now = self.open_count - self.depends_count
        return ACT.plural(
            lang,
            "open_count",
            open_now,
            open=open_now,
            depends=self.depends_count,
            total=len(self.cards),
        )


@dataclass(frozen=True, slots=True)
class ResultsView:
    title: str
    text: str
    as_of: str
    known_until: str
    rate_notes: tuple[str, ...]
    sections: tuple[SectionView, ...]
    answers: tuple[AnswerLine, ...]
    rules_version: str = ""  # advice.version.rules_version: which rules these results follow

    @property
    def advice(self) -> bool:
        """False for a flow that only ends in an outcome (no contracts, no rates)."""
        return bool(self.sections)


def _year_line(pay: GridPayResult, lang: str) -> str:
    """What each contract year pays in all: the sum of its months when they are
    known (a birthday changes the rate part-way), else twelve months of its rate."""

    def total(values: list[float]) -> str:
        return w.money(cents(sum((Decimal(str(v)) for v in values), Decimal(0))), lang)

    parts = []
    for year in pay.years:
        months = [m for m in pay.months if m.year == year.year]
        gross = [m.monthly_gross_eur for m in months] or [year.monthly_gross_eur] * 12
        net = [m.monthly_net_eur for m in months] or [year.monthly_net_eur] * 12
        values = {"year": year.year, "gross": total(gross)}
        if months and len(months) < 12:
            values["year"] = t(lang, "results_year_part", year=year.year, count=len(months))
        if all(n is not None for n in net):
            values["net"] = total([n for n in net if n is not None])
            parts.append(t(lang, "results_year_net", **values))
        else:
            parts.append(t(lang, "results_year", **values))
    joiner = " ; " if lang == "fr" else "; "
    key = "results_by_year" if pay.months else "results_per_year"
    return t(lang, key, years=joiner.join(parts))


def pay_view(item: ItemResult, lang: str) -> PayView | None:
    pay = item.pay
    if isinstance(pay, GridPayResult):
        header, rows = grid_table(pay, lang)
        notes = [y.note for y in pay.years if y.note]
        month_header, month_rows = month_table(pay, lang) if pay.months else ([], [])
        return PayView(
            "grid",
            header=tuple(header),
            rows=tuple(tuple(row) for row in rows),
            lines=(_year_line(pay, lang),) if pay.years else (),
            basis=(
                reference_line(pay.reference, lang),
                f"{label(lang, 'source')}{colon(lang)}{pay.source}",
                *pay_lines(pay, lang),
                *(
                    [f"{label(lang, 'month_rows')}{colon(lang)}{pay.schedule_source}"]
                    if pay.months and pay.schedule_source
                    else []
                ),
            ),
            notes=tuple(dict.fromkeys([*notes, *(n.text for n in pay.notes)])),
            month_title=label(lang, "month_rows") if pay.months else "",
            month_header=tuple(month_header),
            month_rows=tuple(tuple(row) for row in month_rows),
            title=pay.title,
        )
    if isinstance(pay, HourlyPayResult):
        return PayView(
            "hourly",
            lines=tuple(hourly_lines(pay, lang)),
            basis=(
                reference_line(pay.reference, lang),
                f"{label(lang, 'source')}{colon(lang)}{pay.source}",
            ),
            notes=tuple(n.text for n in pay.notes),
        )
    if isinstance(pay, NoPayResult):
        return PayView(
            "none",
            lines=(pay.text,),
            routes=tuple(pay.routes),
            basis=(f"{label(lang, 'source')}{colon(lang)}{pay.source}",) if pay.source else (),
        )
    return None


def headline(item: ItemResult, lang: str, declared: Sequence[AttributeLabel] = ()) -> str:
    """The one thing to know about an item, for the overview at the top: its facts
    (where and at what level, for a course); what it pays, or what would open it,
    for anything else."""
    facts = facts_line(item, declared, lang, colon(lang))
    if facts and item.status == "not_eligible" and item.changes:
        # A closed course says what would open it, right in the overview.
        return f"{facts} — " + ACT(lang, "opens_with", change=item.changes[0].text)
    if facts:
        return facts
    pay = item.pay
    if item.status == "not_eligible":
        if item.changes:
            return t(lang, "headline_change", change=item.changes[0].text)
        return ""
    if isinstance(pay, GridPayResult) and pay.years:
        first = pay.years[0]
        if first.monthly_net_eur is not None:
            return t(
                lang,
                "headline_month_net",
                amount=w.money(first.monthly_gross_eur, lang),
                net=w.money(first.monthly_net_eur, lang),
            )
        return t(lang, "headline_month", amount=w.money(first.monthly_gross_eur, lang))
    if isinstance(pay, HourlyPayResult):
        if pay.bonus_required:
            return t(
                lang,
                "headline_bonus",
                total=w.money(pay.total_min_eur, lang),
                hourly=w.money(pay.hourly_min_eur, lang),
            )
        return t(lang, "headline_no_bonus")
    if isinstance(pay, NoPayResult):
        return t(lang, "headline_no_pay")
    if item.status == "conditional" and item.depends:
        return item.depends[0].text
    return ""


def card(item: ItemResult, lang: str, declared: Sequence[AttributeLabel] = ()) -> Card:
    """``declared``: the attributes the item's advice file shows (its facts)."""

    def typeset(text: str) -> str:
        # As the text report does: French spacing before ":" and the like.
        return typography(text, lang)

    pay = pay_view(item, lang)
    if pay is not None:
        pay = PayView(
            pay.kind,
            header=pay.header,
            rows=pay.rows,
            lines=tuple(map(typeset, pay.lines)),
            basis=tuple(map(typeset, pay.basis)),
            notes=tuple(map(typeset, pay.notes)),
            routes=pay.routes,
            month_title=pay.month_title,
            month_header=pay.month_header,
            month_rows=pay.month_rows,
            title=pay.title,
        )
    reasons = tuple(ReasonLine(MARKS[r.holds], typeset(r.text), r.source) for r in item.reasons)
    return Card(
        id=item.id,
        title=item.title,
        status=item.status,
        badge=label(lang, item.status),
        summary=typeset(item.summary),
        facts=facts_line(item, declared, lang, colon(lang)),
        reasons=reasons,
        fit=tuple(map(typeset, item.fit)),
        changes=tuple(typeset(c.text) for c in item.changes),
        # The reasons already say what depends on an answer not known yet when
        # they can; repeat only what they do not.
        depends=tuple(
            typeset(d.text)
            for d in item.depends
            if typeset(d.text) not in {r.text for r in reasons}
        ),
        pay=pay,
        notes=tuple(typeset(n.text) for n in item.notes),
        headline=typeset(headline(item, lang, declared)),
        note_sources=tuple(typeset(n.source) for n in item.notes if n.source),
    )


def ordered(items: Sequence[ItemResult]) -> list[ItemResult]:
    """Open first, then open depending on an answer not known yet, then closed;
    the engine's order (file order, or best fit) within each."""
    return sorted(items, key=lambda item: _ORDER[item.status])


def section_advice(section: SectionResult, rec: Recommendation, bundle: Bundle) -> tuple[str, ...]:
    """Nothing open in the section: say so, and the smallest change that would open
    something; a preferred campus where no open course is taught: say so."""
    from alternance_tui.advice.course_gap import course_gap_lines
    from alternance_tui.advice.handout import campus_without_course
    from alternance_tui.advice.openers import opener

    lang = rec.lang
    open_items = [i for i in section.items if i.eligible]
    # Contracts open and no course, or paid for a year whose courses are closed.
    gap = tuple(typography(line, lang) for line in course_gap_lines(rec, bundle, section))
    if gap and not open_items:
        return gap
    if not open_items:
        changes = [i.changes[0] for i in section.items if i.changes]
        if changes:
            step = opener(changes[0], bundle.flow, lang)
            return (typography(ACT(lang, "nothing_open", step=step), lang),)
        return (ACT(lang, "nothing_open_no_step"),)
    if not any("campus" in i.attributes for i in section.items):
        return gap  # a campus is said only for items taught on one (the courses)
    campus = campus_without_course(rec, bundle.flow, open_items)
    return (*gap, typography(campus, lang)) if campus else gap


def results_view(rec: Recommendation, bundle: Bundle) -> ResultsView:
    lang = rec.lang
    flow = bundle.flow
    notes = {s.id: s.note for s in bundle.sections}
    declared = {s.id: s.attributes for s in bundle.sections}
    outcome = flow.outcomes.get(rec.outcome)
    return ResultsView(
        title=rec.outcome_title or tr(flow.title, lang),
        text=tr(outcome.text, lang) if outcome else "",
        as_of=w.date(rec.as_of, lang),
        known_until=w.date(rec.rates_known_until, lang) if rec.rates_known_until else "—",
        rate_notes=tuple(rec.rate_notes),
        sections=tuple(
            SectionView(
                s.id,
                s.title,
                tuple(card(i, lang, declared.get(s.id, ())) for i in ordered(s.items)),
                typography(tr(notes.get(s.id), lang), lang),
                section_advice(s, rec, bundle),
            )
            for s in rec.sections
        ),
        answers=tuple(answer_lines(rec, flow)),
        rules_version=rec.rules_version,
    )


def compute_results(
    engine: Engine, answers: Mapping[str, Value], as_of: dt.date, lang: str
) -> tuple[ResultsView | None, str]:
    """The results screen for ``answers``, or why there are none (in ``lang``).

    This is the one place the app turns answers into results: the same engine as
    `alternance recommend`, then the view-model above.
    """
    from alternance_tui.advice.engine import IncompleteAnswers
    from alternance_tui.advice.pay.base import RatesUnknown

    try:
        recommendation = engine.recommend(answers, as_of=as_of, lang=lang)
    except IncompleteAnswers as exc:
        return None, "; ".join(exc.messages)
    except RatesUnknown as exc:
        return None, str(exc)
    return results_view(recommendation, engine.bundle), ""
