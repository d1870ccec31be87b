"""Checking rates and advice files against the flow that uses them, and building them.

What the schema cannot say is checked here: conditions name real questions
and choices, pay formulas read number questions and known rate series, every
age a person can give falls in exactly one pay band, texts name only real
answers in their {placeholders}, and every text has every language.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Mapping

from alternance_tui.advice import model
from alternance_tui.advice.schema import (
    AdviceFile,
    BandFile,
    CycleFile,
    GridPayFile,
    HourlyPayFile,
    ItemFile,
    LikePayFile,
    NetRuleFile,
    NoPayFile,
    NoteFile,
    RaiseFile,
    RatesFile,
    ScheduleFile,
)
from alternance_tui.flow import cond
from alternance_tui.flow.build import TextChecker, parse_checked_condition
from alternance_tui.flow.cond import Value
from alternance_tui.flow.model import Flow, Text
from alternance_tui.flow.problems import KeyPath, Problem

# Pay multiplies ages, months and hours with each other and with rates: bounded,
# no product of them can overflow to infinity.
PAY_ANSWER_MAX = 1_000_000
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def duplicate_items(advice: AdviceFile, file: str) -> list[Problem]:
    """Items whose id an earlier item of the file already has."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, item in enumerate(advice.items):
        if item.id in seen:
            message = f'duplicate item id "{item.id}"'
            problems.append(Problem(file, message, ("items", index, "id")))
        seen.add(item.id)
    return problems


def build_rates(
    model_file: RatesFile, file: str, languages: list[str]
) -> tuple[dict[str, model.RateSeries], list[Problem]]:
    problems: list[Problem] = []
    check_text = TextChecker(file, languages, problems)
    check_text(model_file.title, ("title",))
    series: dict[str, model.RateSeries] = {}
    for index, item in enumerate(model_file.series):
        path: KeyPath = ("series", index)
        check_text(item.label, (*path, "label"))
        check_text(item.short, (*path, "short"))
        check_text(item.revised, (*path, "revised"))
        if item.id in series:
            problems.append(Problem(file, f'duplicate series id "{item.id}"', (*path, "id")))
        starts = [v.from_ for v in item.values]
        if starts != sorted(starts) or len(set(starts)) != len(starts):
            problems.append(
                Problem(file, "values must be listed oldest first, one per date", (*path, "values"))
            )
        for v_index, value in enumerate(item.values):
            check_text(value.note, (*path, "values", v_index, "note"))
        series[item.id] = model.RateSeries(
            id=item.id,
            label=item.label,
            short=item.short,
            unit=item.unit,
            values=tuple(
                model.RateValue(v.from_, v.value, v.source, v.note)
                for v in sorted(item.values, key=lambda v: v.from_)
            ),
            revised=item.revised,
            revised_every_january=item.revised_every_january,
        )
    return series, problems


class _AdviceBuilder:
    def __init__(self, flow: Flow, rates: Mapping[str, model.RateSeries], file: str) -> None:
        self.flow = flow
        self.rates = rates
        self.file = file
        self.problems: list[Problem] = []
        self.scope = flow.scope()
        self.check_text_raw = TextChecker(file, list(flow.languages), self.problems)

    def text(self, text: Text | None, path: KeyPath) -> None:
        self.check_text_raw(text, path)
        if text is None:
            return
        # One problem per unknown name, naming the languages whose text has it.
        unknown: dict[str, list[str]] = {}
        for lang, value in text.items():
            for name in PLACEHOLDER.findall(value):
                if name not in self.flow.questions and lang not in unknown.get(name, []):
                    unknown.setdefault(name, []).append(lang)
        example = next(iter(self.flow.questions), "id")
        for name, langs in unknown.items():
            self.problems.append(
                Problem(
                    self.file,
                    f"the {', '.join(langs)} text names {{{name}}}, which is not a question; "
                    f"placeholders are question ids, such as {{{example}}}",
                    path,
                )
            )

    def condition(self, source: str | None, path: KeyPath) -> cond.Condition | None:
        if source is None:
            return None
        return parse_checked_condition(source, self.scope, self.file, path, self.problems)

    def number_question(self, question_id: str, path: KeyPath) -> None:
        """``question_id`` must be a number question that no one can answer with a
        negative number: pay reads it as an age, months or hours, and a negative one
        would give negative hours and amounts."""
        question = self.flow.questions.get(question_id)
        if question is None or question.kind != "number":
            self.problems.append(
                Problem(
                    self.file,
                    f'"{question_id}" is not a number question of flow "{self.flow.id}"',
                    path,
                )
            )
        elif question.minimum is None or question.minimum < 0:
            low = "no `min`" if question.minimum is None else f"min = {question.minimum:g}"
            self.problems.append(
                Problem(
                    self.file,
                    f'"{question_id}" accepts negative answers ({low} in flow '
                    f'"{self.flow.id}"), which pay cannot use; give it min = 0 or more',
                    path,
                )
            )
        elif question.maximum is None or question.maximum > PAY_ANSWER_MAX:
            high = "no `max`" if question.maximum is None else f"max = {question.maximum:g}"
            self.problems.append(
                Problem(
                    self.file,
                    f'"{question_id}" accepts answers too large for pay ({high} in flow '
                    f'"{self.flow.id}"); give it a max of at most {PAY_ANSWER_MAX:,}',
                    path,
                )
            )

    def series(self, series_id: str, path: KeyPath) -> None:
        if series_id not in self.rates:
            known = ", ".join(sorted(self.rates)) or "none: add a rates file to `uses`"
            self.problems.append(
                Problem(self.file, f'no rates series "{series_id}" (known: {known})', path)
            )

    def notes(self, notes: list[NoteFile], path: KeyPath) -> tuple[model.Note, ...]:
        built = []
        for index, note in enumerate(notes):
            n_path: KeyPath = (*path, index)
            self.text(note.text, (*n_path, "text"))
            if note.from_ and note.until and note.until < note.from_:
                self.problems.append(
                    Problem(self.file, "`until` must not be before `from`", (*n_path, "until"))
                )
            built.append(
                model.Note(
                    note.text,
                    self.condition(note.when, (*n_path, "when")),
                    note.source,
                    note.from_,
                    note.until,
                )
            )
        return tuple(built)

    def build(self, advice: AdviceFile) -> model.Section:
        self.text(advice.title, ("title",))
        self.text(advice.note, ("note",))
        for index, name in enumerate(advice.fixed):
            if name not in self.flow.questions:
                self.problems.append(
                    Problem(self.file, f'"{name}" is not a question', ("fixed", index))
                )
        attributes = []
        for index, attribute in enumerate(advice.attributes):
            self.text(attribute.label, ("attributes", index, "label"))
            # Its one placeholder is {value}, not a question: only the languages are checked.
            self.check_text_raw(attribute.value, ("attributes", index, "value"))
            self.value_format(attribute.value, ("attributes", index, "value"))
            attributes.append(model.AttributeLabel(attribute.id, attribute.label, attribute.value))
        # Each said just before its item's other problems, in the file's order.
        duplicates = {p.path[1]: p for p in duplicate_items(advice, self.file)}
        items: list[model.Item] = []
        for index, item in enumerate(advice.items):
            if index in duplicates:
                self.problems.append(duplicates[index])
            items.append(self.item(item, ("items", index)))
        return model.Section(
            advice.section,
            advice.title,
            tuple(items),
            advice.sort,
            tuple(advice.fixed),
            self.file,
            advice.note,
            tuple(attributes),
        )

    def value_format(self, text: Text | None, path: KeyPath) -> None:
        """Reports fill it with str.format(value=...): any other brace would fail there."""
        for lang, value in (text or {}).items():
            try:
                value.format(value="")
            except (KeyError, IndexError, ValueError):
                message = f"the {lang} text may name {{value}} and nothing else in braces"
                self.problems.append(Problem(self.file, message, path))

    def item(self, item: ItemFile, path: KeyPath) -> model.Item:
        self.text(item.title, (*path, "title"))
        self.text(item.summary, (*path, "summary"))
        for key, value in item.attributes.items():
            if isinstance(value, dict):
                self.text(value, (*path, "attributes", key))
        rules = []
        for r_index, rule in enumerate(item.rules):
            r_path: KeyPath = (*path, "rules", r_index)
            self.text(rule.no, (*r_path, "no"))
            self.text(rule.yes, (*r_path, "yes"))
            if (rule.when is None) == (not rule.any):
                self.problems.append(
                    Problem(
                        self.file,
                        "a rule needs either `when` or a list of `any` alternatives",
                        r_path,
                    )
                )
            if rule.when is not None and rule.yes is None:
                self.problems.append(
                    Problem(self.file, "a rule with `when` needs `yes`", (*r_path, "yes"))
                )
            alternatives = []
            for a_index, alternative in enumerate(rule.any):
                a_path: KeyPath = (*r_path, "any", a_index)
                self.text(alternative.yes, (*a_path, "yes"))
                condition = self.condition(alternative.when, (*a_path, "when"))
                if condition is not None:
                    alternatives.append(
                        model.Alternative(condition, alternative.yes, alternative.source)
                    )
            rules.append(
                model.Rule(
                    rule.id,
                    rule.no,
                    rule.source,
                    self.condition(rule.when, (*r_path, "when")),
                    rule.yes,
                    tuple(alternatives),
                )
            )
        fits = []
        for f_index, fit in enumerate(item.fit):
            f_path: KeyPath = (*path, "fit", f_index)
            self.text(fit.reason, (*f_path, "reason"))
            condition = self.condition(fit.when, (*f_path, "when"))
            if condition is not None:
                fits.append(model.Fit(condition, fit.points, fit.reason))
        return model.Item(
            id=item.id,
            title=item.title,
            summary=item.summary,
            attributes=dict(item.attributes),
            rules=tuple(rules),
            notes=self.notes(item.notes, (*path, "notes")),
            fit=tuple(fits),
            pay=self.pay(item.pay, (*path, "pay")),
        )

    def pay(
        self, pay: GridPayFile | HourlyPayFile | NoPayFile | LikePayFile | None, path: KeyPath
    ) -> model.Pay | None:
        if pay is None:
            return None
        if isinstance(pay, LikePayFile):
            self.text(pay.title, (*path, "title"))
            answers = {
                key: self.answer(key, value, (*path, "answers", key))
                for key, value in pay.answers.items()
            }
            return model.LikePay(pay.item, answers, pay.title)
        if isinstance(pay, NoPayFile):
            self.text(pay.text, (*path, "text"))
            for index, route in enumerate(pay.routes):
                self.text(route, (*path, "routes", index))
            cases = []
            for index, case in enumerate(pay.cases):
                c_path: KeyPath = (*path, "cases", index)
                self.text(case.text, (*c_path, "text"))
                condition = self.condition(case.when, (*c_path, "when"))
                cases.append(model.Note(case.text, condition, case.source))
            return model.NoPay(pay.text, tuple(pay.routes), pay.source, tuple(cases))
        self.series(pay.reference, (*path, "reference"))
        self.number_question(pay.months, (*path, "months"))
        notes = self.notes(pay.notes, (*path, "notes"))
        if isinstance(pay, HourlyPayFile):
            self.number_question(pay.weekly_hours, (*path, "weekly_hours"))
            for key in ("percent", "bonus_from_hour", "max_hours"):
                if isinstance(getattr(pay, key), str):
                    self.series(getattr(pay, key), (*path, key))
            return model.HourlyPay(
                pay.reference,
                pay.percent,
                pay.months,
                pay.weekly_hours,
                pay.bonus_from_hour,
                pay.source,
                notes,
                self.net(pay.net, (*path, "net")),
                pay.max_hours,
            )
        self.number_question(pay.age, (*path, "age"))
        bands = tuple(self.band(band, (*path, "bands", i)) for i, band in enumerate(pay.bands))
        grid = model.GridPay(
            pay.reference,
            pay.age,
            pay.months,
            pay.max_years,
            pay.source,
            bands,
            notes,
            self.cycle(pay.cycle, (*path, "cycle")),
            self.schedule(pay.schedule, (*path, "schedule")),
            self.net(pay.net, (*path, "net")),
            self.raises(pay.raises, (*path, "raises")),
        )
        if not any(p.severity == "error" for p in self.problems):
            self.check_band_cover(grid, path)
        return grid

    def cycle(self, cycle: CycleFile | None, path: KeyPath) -> model.Cycle | None:
        if cycle is None:
            return None
        question = self.flow.questions.get(cycle.answer)
        if question is None or question.kind != "choice":
            self.problems.append(
                Problem(
                    self.file,
                    f'"{cycle.answer}" is not a choice question of flow "{self.flow.id}"',
                    (*path, "answer"),
                )
            )
        else:
            for choice in [*cycle.years, *cycle.since]:
                if choice not in question.choice_ids:
                    self.problems.append(
                        Problem(
                            self.file,
                            f'"{choice}" is not a choice of "{cycle.answer}"',
                            (*path, "years", choice),
                        )
                    )
        self.text(cycle.note, (*path, "note"))
        return model.Cycle(
            cycle.answer, dict(cycle.years), cycle.source, cycle.note, dict(cycle.since)
        )

    def answer(self, question_id: str, value: Value, path: KeyPath) -> Value:
        """An answer written in data: one the question itself would take."""
        question = self.flow.questions.get(question_id)
        if question is None:
            self.problems.append(
                Problem(self.file, f'"{question_id}" is not a question of this flow', path)
            )
            return value
        if question.kind == "choice" and value not in question.choice_ids:
            self.problems.append(
                Problem(self.file, f"{value!r} is not a choice of {question_id}", path)
            )
        elif question.kind == "number" and not (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and (question.minimum is None or value >= question.minimum)
            and (question.maximum is None or value <= question.maximum)
        ):
            self.problems.append(
                Problem(self.file, f"{value!r} is not a number {question_id} can take", path)
            )
        elif question.kind == "yes_no" and not isinstance(value, bool):
            self.problems.append(Problem(self.file, f"{question_id} takes true or false", path))
        elif question.kind == "multi":
            self.problems.append(
                Problem(self.file, f"{question_id}: several-choice answers cannot be set", path)
            )
        return value

    def raises(self, raises: list[RaiseFile], path: KeyPath) -> tuple[model.Raise, ...]:
        built = []
        for index, item in enumerate(raises):
            self.text(item.note, (*path, index, "note"))
            condition = self.condition(item.when, (*path, index, "when"))
            if condition is not None:
                built.append(
                    model.Raise(
                        condition, item.points, item.source, item.note, item.cap, item.from_year
                    )
                )
        return tuple(built)

    def schedule(self, schedule: ScheduleFile | None, path: KeyPath) -> model.Schedule | None:
        if schedule is None:
            return None
        self.number_question(schedule.start_month, (*path, "start_month"))
        self.number_question(schedule.birth_month, (*path, "birth_month"))
        return model.Schedule(schedule.start_month, schedule.birth_month, schedule.source)

    def net(self, rules: list[NetRuleFile], path: KeyPath) -> tuple[model.NetRule, ...]:
        built = []
        for index, rule in enumerate(rules):
            r_path: KeyPath = (*path, index)
            self.text(rule.label, (*r_path, "label"))
            self.text(rule.note, (*r_path, "note"))
            deductions = []
            for d_index, item in enumerate(rule.deductions):
                d_path: KeyPath = (*r_path, "deductions", d_index)
                self.text(item.label, (*d_path, "label"))
                if item.of is not None:
                    self.series(item.of, (*d_path, "of"))
                deductions.append(
                    model.Deduction(
                        item.label, item.percent, item.source, item.above, item.of, item.base
                    )
                )
            built.append(
                model.NetRule(
                    rule.label,
                    rule.source,
                    tuple(deductions),
                    self.condition(rule.when, (*r_path, "when")),
                    rule.from_,
                    rule.note,
                )
            )
        return tuple(built)

    def band(self, band: BandFile, path: KeyPath) -> model.Band:
        self.text(band.label, (*path, "label"))
        self.text(band.note, (*path, "note"))
        low, high = band.ages
        if low > high:
            self.problems.append(
                Problem(
                    self.file,
                    f"ages [{low}, {high}]: the first age must not be above the last",
                    (*path, "ages"),
                )
            )
        if band.also_of is not None:
            self.number_question(band.also_of, (*path, "also_of"))
        elif band.also_percent is not None:
            self.problems.append(
                Problem(self.file, "`also_percent` needs `also_of`", (*path, "also_percent"))
            )
        return model.Band(
            low,
            high,
            tuple(band.percent),
            band.label,
            self.condition(band.when, (*path, "when")),
            band.also_of,
            tuple(band.also_percent) if band.also_percent else None,
            band.note,
            band.from_,
        )

    def check_band_cover(self, grid: model.GridPay, path: KeyPath) -> None:
        """Every age the flow allows, in every contract year, finds a band, whatever the
        answers the bands' conditions read."""
        age_question = self.flow.questions[grid.age]
        low = int(age_question.minimum if age_question.minimum is not None else 0)
        high = int(age_question.maximum if age_question.maximum is not None else 120)
        high += grid.max_years - 1
        names = sorted(set().union(*(b.when.names() for b in grid.bands if b.when)))
        domains: list[list[Value]] = []
        for name in names:
            question = self.flow.questions[name]
            if question.kind == "choice":
                domains.append([c.id for c in question.choices])
            elif question.kind == "yes_no":
                domains.append([True, False])
            else:
                domains.append([None])
        # Each grid in force (by the date its bands start), every one covering every age.
        dates: list[dt.date | None] = [
            *sorted({b.start for b in grid.bands if b.start is not None})
        ] or [None]
        for values, day in itertools.product(itertools.product(*domains), dates):
            env = dict(zip(names, values, strict=True))
            for age in range(low, high + 1):
                matching = [
                    b
                    for b in grid.bands
                    if b.low <= age <= b.high
                    and (b.when is None or b.when.holds(env))
                    and (b.start is None or (day is not None and b.start <= day))
                ]
                if not matching:
                    detail = ", ".join(f"{n} = {v!r}" for n, v in env.items())
                    self.problems.append(
                        Problem(
                            self.file,
                            f"no pay band for age {age}"
                            + (f" when {detail}" if detail else "")
                            + "; bands must cover every age the flow allows",
                            (*path, "bands"),
                        )
                    )
                    return


def build_advice(
    advice: AdviceFile, flow: Flow, rates: Mapping[str, model.RateSeries], file: str
) -> tuple[model.Section, list[Problem]]:
    builder = _AdviceBuilder(flow, rates, file)
    section = builder.build(advice)
    return section, builder.problems
