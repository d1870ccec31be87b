"""What each page shows, as plain data for its template: the interview's place
in the words of the catalogues (the questions' from the flow, the checks'
from ``answers``, the review's from ``tui``, the results' from the handout).

The templates hold markup only; every text a page shows comes from here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from alternance_tui.advice.engine import Engine
from alternance_tui.advice.handout import Handout, handout
from alternance_tui.advice.present import month_table
from alternance_tui.advice.result import GridPayResult
from alternance_tui.flow.glossary import explained
from alternance_tui.flow.model import tr
from alternance_tui.flow.walk import predicted_path
from alternance_tui.interview.asked import Asked
from alternance_tui.interview.pace import minutes
from alternance_tui.interview.state import Interview
from alternance_tui.wording.catalogue.handout import HANDOUT
from alternance_tui.wording.catalogue.report import REPORT
from alternance_tui.wording.catalogue.tui import TUI
from alternance_tui.wording.catalogue.web import WEB
from alternance_tui.wording.lookup import LANGUAGES, other
from alternance_tui.wording.typography import typography


@dataclass(frozen=True)
class Site:
    """What every page of one server shares."""

    engine: Engine
    lang: str  # the starting language
    kiosk: bool = False
    idle_seconds: float = 0.0  # kiosk: quiet seconds before the countdown
    countdown_seconds: float = 0.0
    as_of: dt.date | None = None  # None: each page's today

    @property
    def erase_minutes(self) -> int:
        return max(1, round((self.idle_seconds + self.countdown_seconds) / 60))


@dataclass
class Page:
    """One page: its template, its title, and what its template reads."""

    template: str
    lang: str
    title: str
    state: str = ""  # the signed state the page's forms carry ("" on a fresh page)
    error: bool = False  # the title then starts "Error:"
    status: int = 200
    data: dict[str, Any] = field(default_factory=dict)


def words(lang: str) -> dict[str, Any]:
    """The lookups a template reads its texts with, in the page's language."""
    return {
        "web": lambda key, **v: WEB(lang, key, **v),
        "tui": lambda key, **v: TUI(lang, key, **v),
        "handout": lambda key, **v: HANDOUT(lang, key, **v),
    }


def chrome(site: Site, page: Page) -> dict[str, Any]:
    """What the frame of every page says: title, language switch, privacy line."""
    lang = page.lang
    title = WEB(lang, "page_title", page=page.title)
    if page.error:
        title = WEB(lang, "error_title", page=title)
    switch = other(lang)
    private = (
        WEB(lang, "private_kiosk", minutes=site.erase_minutes)
        if site.kiosk
        else WEB(lang, "private")
    )
    return {
        "lang": lang,
        "page_title": title,
        "app_title": TUI(lang, "app_title"),
        "switch_to": switch,
        "switch_label": WEB(switch, f"lang_{switch}"),
        "switch_hint": WEB(lang, "language_switch", language=WEB(switch, f"lang_{switch}")),
        "languages": LANGUAGES,
        "private": private,
        "state": page.state,
        "kiosk": site.kiosk,
        "idle": int(site.idle_seconds) if site.kiosk else 0,
        "countdown": int(site.countdown_seconds) if site.kiosk else 0,
        "start_lang": site.lang,
        # A kiosk's countdown runs where there is something to erase.
        "holds_answers": page.template != "welcome.html",
        **words(lang),
        **page.data,
    }


def welcome(site: Site, lang: str, *, erased: bool = False) -> Page:
    flow = site.engine.bundle.flow
    questions = len(predicted_path(flow, {}))
    title = typography(tr(flow.title, lang), lang)
    return Page(
        "welcome.html",
        lang,
        WEB(lang, "expired_title") if erased else title,
        data={
            "heading": title,
            "description": typography(tr(flow.description, lang), lang),
            "time": TUI(lang, "welcome_time", questions=questions, minutes=minutes(questions)),
            "erased": WEB(lang, "expired", minutes=site.erase_minutes) if erased else "",
        },
    )


def question(asked: Asked, error: str, picked: tuple[str, ...] | None) -> dict[str, Any]:
    """The question page's data: ``picked`` (what the form held) is shown back
    with an error, so that nothing a person typed or ticked is lost."""
    lang = asked.lang
    if asked.changing:
        progress = TUI(lang, "progress_edit")
    elif asked.progress is not None:
        key = "progress_exact" if asked.progress.exact else "progress"
        progress = TUI(lang, key, position=asked.progress.position, total=asked.progress.total)
    else:
        progress = ""
    hints = [asked.help] if asked.help else []
    if asked.kind == "number":
        hints.append(asked.range)
        if asked.optional:
            hints.append(WEB(lang, "optional"))
    elif asked.kind == "multi":
        hints.append(WEB(lang, "choice_hint_multi"))
    text = asked.text
    ticked = {o.id for o in asked.options if o.selected}
    if picked is not None:
        text = picked[0] if picked and asked.kind == "number" else text
        ticked = set(picked)
    first_field = f"{asked.id}-0" if asked.options else asked.id
    return {
        "asked": asked,
        "progress": progress,
        "hint": " ".join(h for h in hints if h),
        "error_text": error,
        "text": text,
        "ticked": ticked,
        "first_field": first_field,
        "multi": asked.kind == "multi",
    }


def question_page(interview: Interview, error: str, picked: tuple[str, ...] | None) -> Page:
    asked = interview.asked()
    assert asked is not None
    page = Page("question.html", interview.lang, asked.prompt, error=bool(error))
    page.data = question(asked, error, picked)
    # The words the prompt is the first to use (RSA, ASS, AAH at 27), explained
    # under it once, as beside the question in the app and in --plain.
    page.data["words"] = [explained(e, interview.lang) for e in interview.glosses(asked.id)]
    if asked.changing:
        where = interview.returning_to or "review"
        page.data["next_label"] = WEB(interview.lang, f"save_return_{where}")
        page.data["back_label"] = WEB(interview.lang, "cancel_change")
    else:
        page.data["next_label"] = WEB(interview.lang, "continue")
        page.data["back_label"] = WEB(interview.lang, "back")
    return page


def review_page(interview: Interview) -> Page:
    lang = interview.lang
    rows = interview.review_rows()
    missing = next((row.label for row in rows if row.missing), "")
    return Page(
        "review.html",
        lang,
        TUI(lang, "review_title"),
        data={
            "rows": rows,
            "go_on": WEB(lang, "answer_missing", question=missing)
            if missing
            else WEB(lang, "see_results"),
        },
    )


def results_page(site: Site, interview: Interview, today: dt.date) -> Page:
    lang = interview.lang
    rec = site.engine.recommend(interview.applicable(), as_of=site.as_of or today, lang=lang)
    sheet: Handout = handout(rec, site.engine.bundle, today=today)
    # With the birth month, a birthday can raise the pay part-way through a year:
    # the month-by-month table, as `recommend` and the TUI give it, under each yearly one.
    months: dict[str, tuple[list[str], list[list[str]]]] = {}
    contracts = rec.section("contracts")
    for item in contracts.items if contracts else []:
        if isinstance(item.pay, GridPayResult) and item.pay.months:
            months[item.title] = month_table(item.pay, lang)
    return Page(
        "results.html",
        lang,
        sheet.title,
        data={
            "h": sheet,
            "shared_basis": len({table.basis for table in sheet.details}) == 1,
            "months": months,
            "months_title": REPORT(lang, "month_rows"),
        },
    )


def notice(lang: str, title_key: str, text: str, status: int) -> Page:
    """A page that only says something (a tampered form, a page not found)."""
    return Page(
        "notice.html",
        lang,
        WEB(lang, title_key),
        status=status,
        error=status >= 400,
        data={"heading": WEB(lang, title_key), "text": text},
    )
