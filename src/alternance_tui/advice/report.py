"""A recommendation as JSON (the public contract of DESIGN.md), plain text,
Markdown or a standalone HTML page."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from typing import Any

from alternance_tui.advice import words as w
from alternance_tui.advice.model import Bundle
from alternance_tui.advice.result import (
    Deduction,
    GridPayResult,
    HourlyPayResult,
    ItemResult,
    NetBasis,
    NoPayResult,
    PayMonth,
    Recommendation,
    Reference,
)
from alternance_tui.flow.answers import show_value
from alternance_tui.flow.answers import to_json as answer_json
from alternance_tui.flow.model import tr

_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "as_of": "As of",
        "known": "Rates known up to",
        "answers": "Your answers",
        "eligible": "✔ Open to you",
        "conditional": "◐ Open depending on an answer not known yet",
        "not_eligible": "✘ Not open to you",
        "why": "Why",
        "change": "What would change it",
        "pay": "Minimum gross pay",
        "year": "Year",
        "age": "Age",
        "percent": "% of the {ref}",
        "monthly": "Monthly gross",
        "net": "Net (estimate)",
        "grid_year": "Grid year",
        "months": "Months (from)",
        "month_rows": "Month by month (a new age counts from the month after the birthday)",
        "net_basis": "Net estimate: {label} ({source})",
        "net_total": "Estimated net: about {monthly} a month, {total} in all.",
        "cycle": "Position in the training cycle ({source}): contract year {year} is paid "
        "at the grid's year {grid}.",
        "basis": "Worked out on",
        "source": "Source",
        "reference": "{label}: {value} from {date}{latest} ({source})",
        "latest": ", the latest known value",
        "bonus_required": "A bonus is compulsory for {months} months at {weekly} h a week "
        "({hours} hours: over {over} months or from hour {from_hours}).",
        "bonus_optional": "A bonus is optional for {months} months at {weekly} h a week "
        "({hours} hours: not over {over} months nor from hour {from_hours}).",
        "hourly": "Hourly minimum: {hourly} ({percent} of the {ref}).",
        "total": "Minimum for the planned {hours} hours: {total}; about {monthly} a month "
        "({per_month} hours a month).",
        "funding": "Funding routes",
        "notes": "Good to know",
        "fit": "Fits you",
        "level": "Level",
        "campus": "Campus",
        "ranking": "Eduniversal ranking",
        "rhythm": "Rhythm",
        "open_courses": "Open to you",
        "closed_courses": "Not open yet",
        "rank": "{rank}",
    },
    "fr": {
        "as_of": "Date de calcul",
        "known": "Taux connus jusqu’au",
        "answers": "Vos réponses",
        "eligible": "✔ Ouvert pour vous",
        "conditional": "◐ Ouvert selon une réponse pas encore connue",
        "not_eligible": "✘ Pas ouvert pour vous",
        "why": "Pourquoi",
        "change": "Ce qui changerait la réponse",
        "pay": "Rémunération minimale brute",
        "year": "Année",
        "age": "Âge",
        "percent": "% du {ref}",
        "monthly": "Brut mensuel",
        "net": "Net (estimation)",
        "grid_year": "Année du barème",
        "months": "Mois (à partir de)",
        "month_rows": "Mois par mois (le nouvel âge compte dès le mois qui suit l’anniversaire)",
        "net_basis": "Estimation du net : {label} ({source})",
        "net_total": "Net estimé : environ {monthly} par mois, {total} au total.",
        "cycle": "Place dans le cycle de formation ({source}) : l’année {year} du contrat "
        "est payée au taux de la {grid}e année du barème.",
        "basis": "Calculé sur",
        "source": "Source",
        "reference": "{label} : {value} depuis le {date}{latest} ({source})",
        "latest": ", dernière valeur connue",
        "bonus_required": "Gratification obligatoire pour {months} mois à {weekly} h par "
        "semaine ({hours} heures : plus de {over} mois ou dès la {from_hours}e heure).",
        "bonus_optional": "Gratification facultative pour {months} mois à {weekly} h par "
        "semaine ({hours} heures : pas plus de {over} mois ni {from_hours} heures).",
        "hourly": "Minimum horaire : {hourly} ({percent} du {ref}).",
        "total": "Minimum pour les {hours} heures prévues : {total} ; environ {monthly} par "
        "mois ({per_month} heures par mois).",
        "funding": "Financements possibles",
        "notes": "Bon à savoir",
        "fit": "Pour vous",
        "level": "Niveau",
        "campus": "Campus",
        "ranking": "Classement Eduniversal",
        "rhythm": "Rythme",
        "open_courses": "Accessibles",
        "closed_courses": "Pas encore accessibles",
        "rank": "{rank}e",
    },
}


def label(lang: str, key: str, **values: object) -> str:
    return _LABELS.get(lang, _LABELS["en"])[key].format(**values)


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
    return "" if value is None else "≈ " + w.money(value, lang)


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
    base = w.words(lang, "base_share", base=w.percent(item.base, lang)) if item.base != 100 else ""
    return (
        w.words(
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
    return w.typography(text + ".", lang)


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
            over=w.number(pay.required_over_months, lang),
            from_hours=w.number(pay.required_from_hours, lang, 0),
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
    ]


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
    # "smic_monthly" -> "percent_of_smic": the DESIGN.md field name, from the series id.
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
            "required_over_months": _whole(pay.required_over_months),
            "required_from_hours": _whole(pay.required_from_hours),
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
    """The recommendation as DESIGN.md's JSON; with the bundle, the outcome's text too."""
    data: dict[str, Any] = {
        "flow": rec.flow_id,
        "as_of": rec.as_of.isoformat(),
        "rates_known_until": rec.rates_known_until.isoformat() if rec.rates_known_until else None,
        "rate_notes": list(rec.rate_notes),
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


# --- documents: one walk over the recommendation, three renderings -------------


class _Document:
    """Builds a document from blocks; subclasses say how each block looks."""

    def __init__(self, rec: Recommendation, bundle: Bundle) -> None:
        self.rec = rec
        self.bundle = bundle
        self.lang = rec.lang
        self.out: list[str] = []

    # blocks: the typography of the language applies to every text in them
    def heading(self, text: str, level: int) -> None:
        self._heading(self.typo(text), level)

    def paragraph(self, text: str) -> None:
        self._paragraph(self.typo(text))

    def bullets(self, items: list[str]) -> None:
        self._bullets([self.typo(i) for i in items])

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        self._table([self.typo(h) for h in header], [[self.typo(c) for c in r] for r in rows])

    def typo(self, text: str) -> str:
        return w.typography(text, self.lang)

    # how each block looks
    def _heading(self, text: str, level: int) -> None:
        raise NotImplementedError

    def _paragraph(self, text: str) -> None:
        raise NotImplementedError

    def _bullets(self, items: list[str]) -> None:
        raise NotImplementedError

    def _table(self, header: list[str], rows: list[list[str]]) -> None:
        raise NotImplementedError

    def render(self) -> str:
        rec, lang = self.rec, self.lang
        self.heading(rec.outcome_title or tr(self.bundle.flow.title, lang), 1)
        outcome = self.bundle.flow.outcomes.get(rec.outcome)
        if outcome is not None and outcome.text:
            self.paragraph(tr(outcome.text, lang))
        if rec.rates_known_until:
            # Only flows with dated figures have an "as of" worth saying.
            as_of = f"{label(lang, 'as_of')}: {w.date(rec.as_of, lang)}"
            known = f"{label(lang, 'known')}: {w.date(rec.rates_known_until, lang)}"
            self.paragraph(f"{as_of} · {known}")
        for note in rec.rate_notes:
            self.paragraph(note)
        self.heading(label(lang, "answers"), 2)
        flow = self.bundle.flow
        self.bullets(
            [
                f"{tr(flow.questions[q].short, lang)}: {show_value(flow.questions[q], v, lang)}"
                for q, v in rec.answers.items()
                if q in flow.questions
            ]
        )
        notes = {s.id: s.note for s in self.bundle.sections}
        for section in rec.sections:
            self.heading(section.title, 2)
            for item in section.items:
                self.item(item)
            if notes.get(section.id):
                self.paragraph(tr(notes[section.id], lang))
        return "\n".join(self.out).rstrip() + "\n"

    def item(self, item: ItemResult) -> None:
        lang = self.lang
        self.heading(f"{item.title} — {label(lang, item.status)}", 3)
        facts = [
            f"{label(lang, k)}: {item.attributes[k]}"
            for k in ("level", "campus", "rhythm")
            if k in item.attributes
        ]
        if "ranking" in item.attributes:
            rank = label(lang, "rank", rank=item.attributes["ranking"])
            facts.append(f"{label(lang, 'ranking')}: {rank}")
        if facts:
            self.paragraph(" · ".join(facts))
        if item.summary:
            self.paragraph(item.summary)
        mark = {True: "✔", False: "✘", None: "◐"}
        self.paragraph(f"{label(lang, 'why')}:")
        self.bullets([f"{mark[r.holds]} {r.text} ({r.source})" for r in item.reasons])
        if item.fit:
            self.paragraph(f"{label(lang, 'fit')}:")
            self.bullets(list(item.fit))
        if item.changes:
            self.paragraph(f"{label(lang, 'change')}:")
            self.bullets([c.text for c in item.changes])
        self.pay(item)
        if item.notes:
            self.paragraph(f"{label(lang, 'notes')}:")
            self.bullets([n.text + (f" ({n.source})" if n.source else "") for n in item.notes])

    def reference_line(self, ref: Reference) -> str:
        return reference_line(ref, self.lang)

    def pay(self, item: ItemResult) -> None:
        lang, pay = self.lang, item.pay
        if pay is None:
            return
        title = pay.title if isinstance(pay, GridPayResult | HourlyPayResult) else ""
        self.paragraph(f"{title or label(lang, 'pay')}:")
        if isinstance(pay, GridPayResult):
            self.table(*grid_table(pay, lang))
            if pay.months:
                self.paragraph(f"{label(lang, 'month_rows')} ({pay.schedule_source}):")
                self.table(*month_table(pay, lang))
            self.paragraph(
                f"{self.reference_line(pay.reference)} · {label(lang, 'source')}: {pay.source}"
            )
            notes = [y.note for y in pay.years if y.note]
            self.bullets(
                pay_lines(pay, lang) + list(dict.fromkeys(notes)) + [n.text for n in pay.notes]
            )
        elif isinstance(pay, HourlyPayResult):
            self.bullets(
                [
                    *hourly_lines(pay, lang),
                    f"{self.reference_line(pay.reference)} · {label(lang, 'source')}: {pay.source}",
                    *[n.text for n in pay.notes],
                ]
            )
        else:
            self.paragraph(pay.text)
            if pay.routes:
                self.paragraph(f"{label(lang, 'funding')}:")
                self.bullets(list(pay.routes))


class _Text(_Document):
    def _heading(self, text: str, level: int) -> None:
        underline = {1: "=", 2: "-"}.get(level)
        self.out.append("")
        self.out.append(text)
        if underline:
            self.out.append(underline * min(len(text), 78))

    def _paragraph(self, text: str) -> None:
        self.out.append(text)

    def _bullets(self, items: list[str]) -> None:
        self.out.extend(f"  • {item}" for item in items)

    def _table(self, header: list[str], rows: list[list[str]]) -> None:
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
        for row in [header, *rows]:
            line = "  " + "  ".join(c.ljust(widths[i]) for i, c in enumerate(row))
            self.out.append(line.rstrip())


class _Markdown(_Document):
    def _heading(self, text: str, level: int) -> None:
        self.out.extend(["", "#" * level + " " + text, ""])

    def _paragraph(self, text: str) -> None:
        self.out.extend([text, ""])

    def _bullets(self, items: list[str]) -> None:
        self.out.extend(f"- {item}" for item in items)
        self.out.append("")

    def _table(self, header: list[str], rows: list[list[str]]) -> None:
        self.out.append("| " + " | ".join(header) + " |")
        self.out.append("|" + "|".join("---" for _ in header) + "|")
        self.out.extend("| " + " | ".join(row) + " |" for row in rows)
        self.out.append("")


_CSS = """body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;
line-height:1.45;color:#1b1b1b}h1{font-size:1.6rem}h3{margin-top:1.6rem;border-top:1px solid #ccc;
padding-top:.8rem}table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.2rem .6rem;
text-align:left}@media print{body{margin:0}}"""


class _Html(_Document):
    def _heading(self, text: str, level: int) -> None:
        self.out.append(f"<h{level}>{html.escape(text)}</h{level}>")

    def _paragraph(self, text: str) -> None:
        self.out.append(f"<p>{html.escape(text)}</p>")

    def _bullets(self, items: list[str]) -> None:
        if items:
            self.out.append("<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in items) + "</ul>")

    def _table(self, header: list[str], rows: list[list[str]]) -> None:
        head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
        )
        self.out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")

    def render(self) -> str:
        body = super().render()
        title = html.escape(self.rec.outcome_title or self.rec.flow_id)
        return (
            f'<!doctype html>\n<html lang="{self.lang}"><head><meta charset="utf-8">'
            f"<title>{title}</title><style>{_CSS}</style></head><body>\n{body}"
            "</body></html>\n"
        )


RENDERERS: dict[str, Callable[[Recommendation, Bundle], str]] = {
    "json": json_text,
    "text": lambda rec, bundle: _Text(rec, bundle).render(),
    "markdown": lambda rec, bundle: _Markdown(rec, bundle).render(),
    "html": lambda rec, bundle: _Html(rec, bundle).render(),
}


def render(rec: Recommendation, bundle: Bundle, fmt: str) -> str:
    return RENDERERS[fmt](rec, bundle)
