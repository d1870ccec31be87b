"""Checking rates and advice files against the flow that uses them, and building them.

What the schema cannot say is checked here: conditions name real questions
and choices, pay formulas read number questions and known rate series, every
age a person can give falls in exactly one pay band, texts name only real
answers in their {placeholders}, and every text has every language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from alternance_tui.advice import model
from alternance_tui.advice.pay.build import PayBuilder
from alternance_tui.advice.schema import (
    AdviceFile,
    ItemFile,
    RatesFile,
)
from alternance_tui.flow.file_checks import TextChecker, duplicate_ids
from alternance_tui.flow.model import Flow
from alternance_tui.flow.problems import KeyPath, Problem


def build_rates(
    model_file: RatesFile, file: str, languages: list[str]
) -> tuple[dict[str, model.RateSeries], list[Problem]]:
    problems = duplicate_ids(model_file, file)
    check_text = TextChecker(file, languages, problems)
    check_text(model_file.title, ("title",))
    series: dict[str, model.RateSeries] = {}
    for index, item in enumerate(model_file.series):
        path: KeyPath = ("series", index)
        check_text(item.label, (*path, "label"))
        check_text(item.short, (*path, "short"))
        check_text(item.revised, (*path, "revised"))
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


class _AdviceBuilder(PayBuilder):
    def build(self, advice: AdviceFile) -> model.Section:
        self.problems.extend(duplicate_ids(advice, self.file))
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
        # Built once, then added to every item: the item itself keeps no copy in its file.
        shared = self.notes(advice.item_notes, ("item_notes",))
        items: list[model.Item] = []
        for index, item in enumerate(advice.items):
            built = self.item(item, ("items", index))
            items.append(replace(built, notes=built.notes + shared) if shared else built)
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


def build_advice(
    advice: AdviceFile, flow: Flow, rates: Mapping[str, model.RateSeries], file: str
) -> tuple[model.Section, list[Problem]]:
    builder = _AdviceBuilder(flow, rates, file)
    section = builder.build(advice)
    return section, builder.problems
