"""One walk over a recommendation, shared by the text, Markdown and HTML reports:
what is said and in which order lives here; each format only says how a heading,
a paragraph, a list and a table look (subclasses in the modules beside this)."""

from __future__ import annotations

from alternance_tui.advice.model import Bundle
from alternance_tui.advice.present import (
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
    Recommendation,
    Reference,
)
from alternance_tui.flow.model import tr
from alternance_tui.wording import formats as w
from alternance_tui.wording.typography import typography


class Document:
    """Builds a document from blocks; subclasses say how each block looks."""

    def __init__(self, rec: Recommendation, bundle: Bundle) -> None:
        self.rec = rec
        self.bundle = bundle
        self.lang = rec.lang
        self.out: list[str] = []
        self.declared = {s.id: s.attributes for s in bundle.sections}

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
        return typography(text, self.lang)

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
        if rec.rules_version:
            self.paragraph(f"{label(lang, 'rules_version')}: {rec.rules_version}")
        self.heading(label(lang, "answers"), 2)
        self.bullets(
            [
                f"{a.label}: {self.answer_value(a.value)}"
                for a in answer_lines(rec, self.bundle.flow)
            ]
        )
        notes = {s.id: s.note for s in self.bundle.sections}
        for section in rec.sections:
            self.heading(section.title, 2)
            for item in section.items:
                self.item(item, section.id)
            if notes.get(section.id):
                self.paragraph(tr(notes[section.id], lang))
        return "\n".join(self.out).rstrip() + "\n"

    def item(self, item: ItemResult, section: str) -> None:
        lang = self.lang
        self.heading(f"{item.title} — {self.status(item.status)}", 3)
        facts = facts_line(item, self.declared.get(section, ()), lang)
        if facts:
            self.paragraph(facts)
        if item.summary:
            self.paragraph(item.summary)
        self.paragraph(f"{label(lang, 'why')}:")
        self.bullets([f"{self.mark(r.holds)} {r.text} ({r.source})" for r in item.reasons])
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

    def status(self, status: str) -> str:
        """An item's status as its heading ends ("✔ Open to you")."""
        return label(self.lang, status)

    def mark(self, holds: bool | None) -> str:
        """A reason's mark: ✔ it holds, ✘ it does not, ◐ it depends on an answer not known yet."""
        return {True: "✔", False: "✘", None: "◐"}[holds]

    def answer_value(self, value: str) -> str:
        """An answer as the list of answers shows it ("—" for none)."""
        return value

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
