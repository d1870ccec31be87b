"""Net pay estimates: the dated net rule that holds for a person's answers, and
gross minus each of its deductions on the part of the pay it applies to. Apart
from estimate.py: net rules (rates on the pay above a share of a rates series) are
their own data, applied alike to a grid's months and to hourly pay."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from alternance_tui.advice import model
from alternance_tui.advice.pay.base import PayContext, RatesUnknown, cents, in_force
from alternance_tui.advice.result import Deduction, NetBasis
from alternance_tui.flow.model import tr
from alternance_tui.wording.catalogue.advice import ADVICE


class Net:
    """Net estimates by one rule: gross minus each deduction on its part of the pay."""

    def __init__(
        self,
        rule: model.NetRule,
        rates: Mapping[str, model.RateSeries],
        as_of: dt.date,
        lang: str,
        hours: Decimal = Decimal(1),
    ) -> None:
        self.parts: list[tuple[Decimal, Decimal]] = []
        shown = []
        for item in rule.deductions:
            threshold = Decimal(0)
            series = ""
            if item.of is not None:
                series_data = rates[item.of]
                value = series_data.at(as_of)
                if value is None:
                    raise RatesUnknown(
                        ADVICE(lang, "before_known", date=series_data.values[0].start.isoformat())
                    )
                # An hourly reference counts the hours of the period the amount is for.
                per = hours if series_data.unit == "EUR/hour" else Decimal(1)
                threshold = Decimal(str(item.above)) / 100 * Decimal(str(value.value)) * per
                series = tr(series_data.short, lang)
            rate = Decimal(str(item.percent)) / 100 * Decimal(str(item.base)) / 100
            self.parts.append((threshold, rate))
            # Words are the reports' business: the basis keeps the figures.
            shown.append(
                Deduction(
                    tr(item.label, lang),
                    item.percent,
                    item.base,
                    item.above if item.of is not None else 0,
                    series,
                    item.source,
                )
            )
        self.basis = NetBasis(
            tr(rule.label, lang), rule.source, tuple(shown), tr(rule.note, lang) or None
        )

    def __call__(self, gross: float) -> float:
        amount = Decimal(str(gross))
        deducted = sum(
            (rate * max(Decimal(0), amount - threshold) for threshold, rate in self.parts),
            Decimal(0),
        )
        return cents(amount - deducted)


def net_for(
    rules: tuple[model.NetRule, ...], ctx: PayContext, hours: Decimal = Decimal(1)
) -> Net | None:
    rule = in_force(rules, ctx.env, ctx.as_of, ctx.holds)  # as of the signature date
    return None if rule is None else Net(rule, ctx.rates, ctx.as_of, ctx.lang, hours)
