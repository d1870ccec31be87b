"""Building an advice file's pay formulas: percentage grids by age and year
(with the cycle position, raises, month schedule and net rules), hourly pay,
no pay, and a pay borrowed from another item; every age a person can give
falls in exactly one band."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import assert_never

from alternance_tui.advice import model
from alternance_tui.advice.build_base import BuilderBase
from alternance_tui.advice.schema import (
    BandFile,
    CycleFile,
    GridPayFile,
    HourlyPayFile,
    LikePayFile,
    NetRuleFile,
    NoPayFile,
    RaiseFile,
    ScheduleFile,
)
from alternance_tui.flow.cond import Value
from alternance_tui.flow.problems import KeyPath, Problem


class PayBuilder(BuilderBase):
    """The pay part of an advice file's building."""

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
            for choice in [*cycle.years, *cycle.since, *cycle.first]:
                if choice not in question.choice_ids:
                    self.problems.append(
                        Problem(
                            self.file,
                            f'"{choice}" is not a choice of "{cycle.answer}"',
                            (*path, "years", choice),
                        )
                    )
        self.text(cycle.note, (*path, "note"))
        for choice, start in cycle.first.items():
            length = cycle.years.get(choice)
            if length is None or start > length:
                self.problems.append(
                    Problem(
                        self.file,
                        f'"{choice}" starts in year {start} of a cycle of '
                        + (f"{length} years" if length is not None else "no length (`years`)"),
                        (*path, "first", choice),
                    )
                )
        return model.Cycle(
            cycle.answer,
            dict(cycle.years),
            cycle.source,
            cycle.note,
            dict(cycle.since),
            dict(cycle.first),
        )

    def answer(self, question_id: str, value: Value, path: KeyPath) -> Value:
        """An answer written in data: one the question itself would take."""
        question = self.flow.questions.get(question_id)
        if question is None:
            self.problems.append(
                Problem(self.file, f'"{question_id}" is not a question of this flow', path)
            )
            return value
        match question.kind:
            case "choice":
                if value not in question.choice_ids:
                    message = f"{value!r} is not a choice of {question_id}"
                    self.problems.append(Problem(self.file, message, path))
            case "number":
                if not (
                    isinstance(value, int | float)
                    and not isinstance(value, bool)
                    and (question.minimum is None or value >= question.minimum)
                    and (question.maximum is None or value <= question.maximum)
                ):
                    message = f"{value!r} is not a number {question_id} can take"
                    self.problems.append(Problem(self.file, message, path))
            case "yes_no":
                if not isinstance(value, bool):
                    message = f"{question_id} takes true or false"
                    self.problems.append(Problem(self.file, message, path))
            case "multi":
                message = f"{question_id}: several-choice answers cannot be set"
                self.problems.append(Problem(self.file, message, path))
            case _:
                assert_never(question.kind)
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
            match question.kind:
                case "choice":
                    domains.append([c.id for c in question.choices])
                case "yes_no":
                    domains.append([True, False])
                case "number" | "multi":
                    domains.append([None])
                case _:
                    assert_never(question.kind)
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
