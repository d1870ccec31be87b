"""A recommendation as the JSON document of docs/contract.md: the public, stable
contract of `alternance recommend --format json`. Field names and shapes here change
only with docs/contract.md."""

from __future__ import annotations

import json
from typing import Any

from alternance_tui.advice.model import Bundle
from alternance_tui.advice.result import (
    GridPayResult,
    HourlyPayResult,
    ItemResult,
    NetBasis,
    NoPayResult,
    Recommendation,
    Reference,
)
from alternance_tui.flow.answers import to_json as answer_json
from alternance_tui.flow.model import tr


def _whole(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def _reference_json(ref: Reference) -> dict[str, Any]:
    return {
        "series": ref.series,
        "label": ref.label,
        "short": ref.short,
        "value": ref.value,
        "from": ref.start.isoformat(),
        "source": ref.source,
        "latest_known": ref.latest_known,
    }


def _percent_key(series: str) -> str:
    # "smic_monthly" -> "percent_of_smic": the docs/contract.md field name, from the series id.
    base = series.removesuffix("_monthly").removesuffix("_hourly")
    return f"percent_of_{base}"


def _net_json(net: NetBasis | None) -> dict[str, Any] | None:
    if net is None:
        return None
    return {
        "basis": net.label,
        "source": net.source,
        "deductions": [
            {
                "label": d.label,
                "percent": _whole(d.percent),
                "of_percent": _whole(d.base),
                "above_percent": _whole(d.above),
                "above_of": d.series or None,
                "source": d.source,
            }
            for d in net.deductions
        ],
        "note": net.note,
    }


def pay_json(item: ItemResult) -> dict[str, Any] | None:
    pay = item.pay
    if isinstance(pay, GridPayResult):
        key = _percent_key(pay.reference.series)
        return {
            "kind": "grid",
            **({"title": pay.title} if pay.title else {}),
            "source": pay.source,
            "reference": _reference_json(pay.reference),
            "years": [
                {
                    "year": y.year,
                    "age": y.age,
                    key: _whole(y.percent),
                    "monthly_gross_eur": y.monthly_gross_eur,
                    "band": y.band,
                    "basis": y.basis,
                    "basis_value": y.basis_value,
                    "basis_percent": _whole(y.basis_percent),
                    "note": y.note,
                    "grid_year": y.grid_year,
                    "monthly_net_eur": y.monthly_net_eur,
                }
                for y in pay.years
            ],
            **(
                {
                    "months": [
                        {
                            "month": m.month,
                            "calendar_month": m.calendar_month,
                            "year": m.year,
                            "age": m.age,
                            "grid_year": m.grid_year,
                            key: _whole(m.percent),
                            "monthly_gross_eur": m.monthly_gross_eur,
                            "monthly_net_eur": m.monthly_net_eur,
                        }
                        for m in pay.months
                    ]
                }
                if pay.months
                else {}
            ),
            "net": _net_json(pay.net),
            "cycle_source": pay.cycle_source,
            "schedule_source": pay.schedule_source,
            "notes": [{"text": n.text, "source": n.source} for n in pay.notes],
        }
    if isinstance(pay, HourlyPayResult):
        return {
            "kind": "hourly",
            "bonus_required": pay.bonus_required,
            "hourly_min_eur": pay.hourly_min_eur,
            "total_min_eur": pay.total_min_eur,
            "hours": pay.hours,
            "hours_per_month": pay.hours_per_month,
            "monthly_estimate_eur": pay.monthly_estimate_eur,
            "monthly_net_eur": pay.monthly_net_eur,
            "total_net_eur": pay.total_net_eur,
            "net": _net_json(pay.net),
            "percent": _whole(pay.percent),
            "bonus_from_hour": _whole(pay.bonus_from_hour),
            "max_hours": _whole(pay.max_hours) if pay.max_hours is not None else None,
            # The name before bonus_from_hour, kept for readers of older output.
            "required_from_hours": _whole(pay.bonus_from_hour),
            "reference": _reference_json(pay.reference),
            "source": pay.source,
            "notes": [{"text": n.text, "source": n.source} for n in pay.notes],
        }
    return None


def item_json(item: ItemResult) -> dict[str, Any]:
    data: dict[str, Any] = {"id": item.id, "title": item.title}
    if item.summary:
        data["summary"] = item.summary
    data.update(item.attributes)
    data.update(
        {
            "eligible": item.eligible,
            "status": item.status,
            "reasons": [r.text for r in item.reasons],
            "rules": [
                {"id": r.rule, "holds": r.holds, "text": r.text, "source": r.source}
                for r in item.reasons
            ],
            "what_would_change": [
                {
                    "text": c.text,
                    "fixed": c.fixed,
                    "answers": {
                        p.question: (
                            list(map(answer_json, p.values))
                            if p.values
                            else {"min": p.low, "max": p.high}
                        )
                        for p in c.parts
                    },
                }
                for c in item.changes
            ],
            "depends_on": [
                {"question": d.question, "open_with": list(d.open_with), "text": d.text}
                for d in item.depends
            ],
            "notes": [{"text": n.text, "source": n.source} for n in item.notes],
        }
    )
    data["pay"] = pay_json(item)
    if isinstance(item.pay, NoPayResult):
        data["pay_note"] = {
            "text": item.pay.text,
            "funding_routes": list(item.pay.routes),
            "source": item.pay.source,
        }
    if item.fit or item.score:
        data["score"] = item.score
        data["fit"] = list(item.fit)
    return data


def to_json(rec: Recommendation, bundle: Bundle | None = None) -> dict[str, Any]:
    """The recommendation as docs/contract.md's JSON; with the bundle, the outcome's text too."""
    data: dict[str, Any] = {
        "flow": rec.flow_id,
        "as_of": rec.as_of.isoformat(),
        "rates_known_until": rec.rates_known_until.isoformat() if rec.rates_known_until else None,
        "rate_notes": list(rec.rate_notes),
        "rates_may_be_outdated": rec.rates_may_be_outdated,
        "rules_version": rec.rules_version,
        "lang": rec.lang,
        "answers": {k: answer_json(v) for k, v in rec.answers.items()},
        "outcome": rec.outcome,
        "outcome_title": rec.outcome_title,
    }
    outcome = bundle.flow.outcomes.get(rec.outcome) if bundle else None
    if outcome is not None and outcome.text:
        data["outcome_text"] = tr(outcome.text, rec.lang)
    for section in rec.sections:
        data[section.id] = [item_json(item) for item in section.items]
    return data


def json_text(rec: Recommendation, bundle: Bundle | None = None) -> str:
    return json.dumps(to_json(rec, bundle), ensure_ascii=False, indent=2) + "\n"
