"""The handout as a printable A4 HTML page, as Markdown and as JSON.

The page is laid out to print on one A4 page when it fits, two at most (a test
prints it through headless Chromium and counts them): small type, the pay
tables compact, the closed items one line each. Each part is a section whose
heading never ends a page without its content (break-after: avoid), and the
short parts (the notes and the signature line) are kept whole.
"""

from __future__ import annotations

import html
import json
from dataclasses import asdict
from typing import Any

from alternance_tui.advice.document_json import to_json as recommendation_json
from alternance_tui.advice.handout import Handout
from alternance_tui.advice.model import Bundle
from alternance_tui.advice.render.markdown import md_cell, md_text
from alternance_tui.advice.result import Recommendation
from alternance_tui.files.printable import printable_document
from alternance_tui.wording.catalogue.handout import HANDOUT

_CSS = """@page{size:A4;margin:11mm 13mm 10mm}
body{font-family:system-ui,"DejaVu Sans",sans-serif;font-size:9pt;line-height:1.22;color:#111;
max-width:46rem;margin:1rem auto;padding:0 .8rem}
h1{font-size:15pt;margin:0 0 .15rem}h2{font-size:11pt;margin:.55rem 0 .2rem;
border-bottom:1px solid #999}h3{font-size:10pt;margin:.35rem 0 .1rem}
h2,h3{break-after:avoid}p{margin:.15rem 0}ul{margin:.1rem 0 .1rem 1.1rem;padding:0}
li{margin:.05rem 0}.meta{color:#333;font-size:8.5pt}
.lead{border:2px solid #111;padding:.2rem .6rem;margin:.4rem 0}
table{border-collapse:collapse;font-size:8.5pt;margin:.1rem 0}
td,th{border:1px solid #999;padding:.05rem .35rem;text-align:left}
.closed li,.answers,.sources{font-size:8.5pt}
@media print{details.sources:not([open]){display:none}}
.notes{white-space:pre-wrap;border-left:3px solid #555;padding-left:.5rem}
.sign{margin-top:.8rem}section.keep,.detail{break-inside:avoid}
.details{display:grid;grid-template-columns:repeat(auto-fill,minmax(19rem,1fr));gap:0 1rem}
@media print{body{margin:0;max-width:none;padding:0}}"""


def _e(text: str) -> str:
    return html.escape(text)


def _ul(items: tuple[str, ...] | list[str], klass: str = "") -> str:
    attr = f' class="{klass}"' if klass else ""
    return f"<ul{attr}>" + "".join(f"<li>{_e(i)}</li>" for i in items) + "</ul>"


def handout_html(h: Handout) -> str:
    lang = h.lang

    def t(key: str, **values: object) -> str:
        return HANDOUT(lang, key, **values)

    out = [f"<h1>{_e(h.title)}</h1>"]
    meta = [x for x in (h.prepared_for, h.scenario, h.prepared, h.rates) if x]
    out.append(f'<p class="meta">{" · ".join(map(_e, meta))}</p>')
    out.append(f'<section class="lead"><h2>{_e(t("can_do"))}</h2>')
    out.append(f"<h3>{_e(h.contracts_heading)}</h3>{_ul(h.contracts)}")
    out.append(f"<h3>{_e(t('courses_open'))}</h3>")
    out.append(_ul(h.courses) if h.courses else f"<p>{_e(h.no_course)}</p>")
    if h.campus_note:
        out.append(f"<p>{_e(h.campus_note)}</p>")
    out.append(f"<h3>{_e(t('next_steps'))}</h3>{_ul(h.next_steps)}</section>")
    if h.details:
        out.append(f'<section><h2>{_e(t("details"))}</h2><div class="details">')
        # The basis (the SMIC and its source) once when every table shares it.
        shared = len({table.basis for table in h.details}) == 1
        for table in h.details:
            head = "".join(f"<th>{_e(c)}</th>" for c in table.header)
            rows = "".join(
                "<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in table.rows
            )
            basis = "" if shared else f'<p class="meta">{_e(table.basis)}</p>'
            out.append(
                f'<div class="detail"><h3>{_e(table.title)} — {_e(table.status)}</h3>'
                f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
                f"{basis}</div>"
            )
        out.append("</div>")
        if shared:
            out.append(f'<p class="meta">{_e(h.details[0].basis)}</p>')
        out.append(f'<p class="meta">{_e(h.disclaimer)}</p></section>')
    if h.closed:
        out.append(f"<section><h2>{_e(t('closed'))}</h2>{_ul(h.closed, 'closed')}</section>")
    if h.sources:
        # Folded as on the results screen: opened on demand in a browser, and
        # printed only if opened (the handout keeps to one page when it fits).
        out.append(f'<details class="sources"><summary>{_e(t("sources"))}</summary>')
        out.extend(f"<h3>{_e(b.title)}</h3>{_ul(b.lines)}" for b in h.sources)
        out.append("</details>")
    answers = _e(" · ".join(h.answers))
    out.append(f'<section class="keep"><h2>{_e(t("answers"))}</h2>')
    out.append(f'<p class="answers">{answers}</p></section>')
    last = '<section class="keep">'
    if h.notes:
        last += f'<h2>{_e(t("notes"))}</h2><p class="notes">{_e(h.notes)}</p>'
    out.append(f'{last}<p class="sign">{_e(t("advisor"))}</p></section>')
    return (
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{_e(h.title)}</title><style>{_CSS}</style></head><body>\n"
        + "\n".join(out)
        + "\n</body></html>\n"
    )


def handout_markdown(h: Handout) -> str:
    lang = h.lang
    m = md_text  # every text: the name, the notes and the answers were typed

    def t(key: str, **values: object) -> str:
        return m(HANDOUT(lang, key, **values))

    def bullets(items: tuple[str, ...] | list[str]) -> list[str]:
        return [*(f"- {m(i)}" for i in items), ""]

    def row(cells: tuple[str, ...] | list[str]) -> str:
        return "| " + " | ".join(map(md_cell, cells)) + " |"

    meta = " · ".join(m(x) for x in (h.prepared_for, h.scenario, h.prepared, h.rates) if x)
    out = [f"# {m(h.title)}", "", meta]
    out += ["", f"## {t('can_do')}", "", f"### {m(h.contracts_heading)}", ""]
    out += bullets(h.contracts)
    out += [f"### {t('courses_open')}", ""]
    out += bullets(h.courses) if h.courses else [m(h.no_course), ""]
    if h.campus_note:
        out += [m(h.campus_note), ""]
    out += [f"### {t('next_steps')}", "", *bullets(h.next_steps)]
    if h.details:
        out += [f"## {t('details')}", ""]
        for table in h.details:
            out += [f"### {m(table.title)} — {m(table.status)}", ""]
            out.append(row(table.header))
            out.append("|" + "---|" * len(table.header))
            out += [row(cells) for cells in table.rows]
            out += ["", m(table.basis), ""]
        out += [m(h.disclaimer), ""]
    if h.closed:
        out += [f"## {t('closed')}", "", *bullets(h.closed)]
    if h.sources:
        out += [f"## {t('sources')}", ""]
        for block in h.sources:
            out += [f"### {block.title}", "", *bullets(block.lines)]
    out += [f"## {t('answers')}", "", *bullets(h.answers)]
    if h.notes:
        out += [f"## {t('notes')}", "", m(h.notes), ""]
    out += [t("advisor"), ""]
    return "\n".join(out)


def handout_json(h: Handout, rec: Recommendation, bundle: Bundle) -> str:
    data: dict[str, Any] = {
        "handout": asdict(h),
        "recommendation": recommendation_json(rec, bundle),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_handout(h: Handout, rec: Recommendation, bundle: Bundle, fmt: str) -> str:
    # The name and the notes were typed, the answers may come from a file: their
    # control characters are escaped, as in every output (files/printable.py).
    if fmt == "html":
        return printable_document(handout_html(h))
    if fmt == "markdown":
        return printable_document(handout_markdown(h))
    return printable_document(handout_json(h, rec, bundle), json=True)
