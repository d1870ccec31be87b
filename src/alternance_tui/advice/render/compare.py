"""A comparison of scenarios in each format of `recommend --compare`: JSON,
text, Markdown, HTML. What differs is marked "≠" with words, in every format;
what reads the same in several scenarios is written once, with the scenarios
it applies to, and the rows the same in every scenario take one line each.
The HTML prints on A4 (at most two pages for three scenarios: a test prints it
through headless Chromium)."""

from __future__ import annotations

import html
import json
from typing import Any

from alternance_tui.advice.compare import Cell, Comparison, Row, cell_parts, grouped
from alternance_tui.wording import formats as w
from alternance_tui.wording.catalogue.compare import COMPARE, summary
from alternance_tui.wording.typography import colon


def _c(cmp: Comparison, key: str, **values: object) -> str:
    return COMPARE(cmp.lang, key, **values)


def cell_text(cell: Cell | None, sep: str = " · ") -> str:
    return sep.join(cell_parts(cell))


def to_json(cmp: Comparison) -> dict[str, Any]:
    def cell_json(cell: Cell | None) -> dict[str, Any] | None:
        if cell is None:
            return None
        return {
            "status": cell.status,
            "eligible": cell.status != "not_eligible",
            "why": cell.why,
            "monthly_gross_eur_by_year": list(cell.pay),
            "monthly_net_eur_by_year": list(cell.net),
            "assumes": cell.assumes,
        }

    def row_json(row: Row) -> dict[str, Any]:
        return {
            "id": row.id,
            "title": row.title,
            "differs": row.differs,
            "status_differs": row.status_differs,
            "pay_differs": row.pay_differs,
            "scenarios": {k: cell_json(c) for k, c in zip(cmp.letters, row.cells, strict=True)},
        }

    return {
        "as_of": cmp.as_of.isoformat(),
        "lang": cmp.lang,
        "session": cmp.name or None,
        "scenarios": list(cmp.letters),
        "differences": cmp.differences,
        "answers": [
            {
                "question": a.question,
                "differs": a.differs,
                "values": dict(zip(cmp.letters, a.values, strict=True)),
            }
            for a in cmp.answers
        ],
        **{s.id: [row_json(r) for r in s.rows] for s in cmp.sections},
    }


def json_text(cmp: Comparison) -> str:
    return json.dumps(to_json(cmp), ensure_ascii=False, indent=2) + "\n"


def _heading_lines(cmp: Comparison) -> tuple[str, list[str]]:
    """The title, then the lines under it: the session, the date and the count, the legend."""
    lines = [_c(cmp, "session", name=cmp.name)] if cmp.name else []
    lines.append(f"{_c(cmp, 'as_of', date=w.date(cmp.as_of, cmp.lang))} · ")
    lines[-1] += summary(cmp.lang, cmp.differences)
    lines.append(_c(cmp, "legend_document"))
    return _c(cmp, "title"), lines


def _letters(letters: tuple[str, ...]) -> str:
    return ", ".join(letters)


def _same_answers(cmp: Comparison) -> str:
    """Every answer the same in all scenarios, on one line: "Age: 20 · Diploma: …"."""
    sep = colon(cmp.lang)
    same = [f"{a.label}{sep}{a.values[0]}" for a in cmp.answers if not a.differs]
    if not same:
        return ""
    head = _c(cmp, "same_answers", letters="/".join(cmp.letters))
    return f"{head} " + " · ".join(same)


def _one_line(row: Row) -> bool:
    """The row reads the same in every scenario: one line says it."""
    return len(set(row.cells)) == 1


def _mark(row: Row) -> str:
    """ "≠" before a row whose status or pay differs; a row whose words alone
    differ (a reason quoting the length) is shown in full, unmarked."""
    return "≠" if row.differs else " "


def _same_row(cmp: Comparison, row: Row) -> str:
    return f"= {row.title}{colon(cmp.lang)}{cell_text(row.cells[0])}"


def text(cmp: Comparison) -> str:
    """Stacked: one block per row that differs, a line per group of scenarios
    that read the same (reads at any width); a line per row that does not."""
    title, lines = _heading_lines(cmp)
    sep = colon(cmp.lang)
    out = [title, "=" * len(title), *lines, ""]
    out += [_c(cmp, "answers"), "-" * len(_c(cmp, "answers"))]
    for a in (a for a in cmp.answers if a.differs):
        out.append(f"≠ {a.label}  [{_c(cmp, 'differs')}]")
        shown: dict[str, list[str]] = {}
        for letter, value in zip(cmp.letters, a.values, strict=True):
            shown.setdefault(value, []).append(letter)
        out += [f"    {_letters(tuple(k))}{sep}{v}" for v, k in shown.items()]
    if same := _same_answers(cmp):
        out.append(same)
    for section in cmp.sections:
        out += ["", section.title, "-" * len(section.title)]
        for row in section.rows:
            if _one_line(row):
                out.append(_same_row(cmp, row))
                continue
            words = f"  [{_c(cmp, 'differs')}]" if row.differs else ""
            out.append(f"{_mark(row)} {row.title}{words}")
            for letters, cell in grouped(cmp.letters, row.cells):
                out.append(f"    {_letters(letters)}{sep}{cell_text(cell)}")
    return "\n".join(out) + "\n"


def _md(value: str) -> str:
    return html.escape(value, quote=False).replace("|", "\\|")


def _columns(cmp: Comparison, cells: tuple[Cell | None, ...]) -> list[tuple[int, Cell | None, str]]:
    """Each scenario's column: (span, cell, "" or "= as A"): a cell equal to the one
    before it widens it (its text is written once); equal to an earlier one, not
    next to it, it says "= as A"."""
    out: list[tuple[int, Cell | None, str]] = []
    first: dict[Cell | None, str] = {}
    for i, (letter, cell) in enumerate(zip(cmp.letters, cells, strict=True)):
        if i and cells[i - 1] == cell:
            span, found, note = out[-1]
            out[-1] = (span + 1, found, note)
            continue
        note = _c(cmp, "as_in", letter=first[cell]) if cell in first else ""
        first.setdefault(cell, letter)
        out.append((1, cell, note))
    return out


def _as_in(cmp: Comparison, cells: tuple[Cell | None, ...]) -> list[str]:
    """Each scenario's cell as Markdown (no spans there): a cell equal to an
    earlier scenario's says "= as A" rather than its text again."""
    out: list[str] = []
    first: dict[Cell | None, str] = {}
    for letter, cell in zip(cmp.letters, cells, strict=True):
        if cell in first:
            out.append(_md(_c(cmp, "as_in", letter=first[cell])))
        else:
            first[cell] = letter
            out.append("<br>".join(_md(p) for p in cell_parts(cell)))
    return out


def markdown(cmp: Comparison) -> str:
    title, lines = _heading_lines(cmp)
    head = "| | " + " | ".join(_md(_c(cmp, "scenario", letter=k)) for k in cmp.letters) + " |"
    rule = "|---|" + "---|" * len(cmp.letters)
    out = [f"# {_md(title)}", "", *(f"{_md(line)}  " for line in lines), ""]
    out += [f"## {_md(_c(cmp, 'answers'))}", ""]
    changed = [a for a in cmp.answers if a.differs]
    if changed:
        out += [head, rule]
        for a in changed:
            name = f"**≠ {_md(a.label)}** ({_md(_c(cmp, 'differs'))})"
            out.append(f"| {name} | " + " | ".join(_md(v) for v in a.values) + " |")
        out.append("")
    if same := _same_answers(cmp):
        out += [_md(same), ""]
    for section in cmp.sections:
        out += [f"## {_md(section.title)}", ""]
        rows = [r for r in section.rows if not _one_line(r)]
        if rows:
            out += [head, rule]
            for row in rows:
                cells = " | ".join(_as_in(cmp, row.cells))
                words = f"**≠ {_md(row.title)}** ({_md(_c(cmp, 'differs'))})"
                name = words if row.differs else _md(row.title)
                out.append(f"| {name} | {cells} |")
            out.append("")
        out += [f"- {_md(_same_row(cmp, r))}" for r in section.rows if _one_line(r)]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


_CSS = """@page{size:A4;margin:12mm 12mm 12mm}
body{font-family:system-ui,"DejaVu Sans",sans-serif;font-size:9pt;line-height:1.25;
color:#111;max-width:60rem;margin:1rem auto;padding:0 .8rem}
h1{font-size:14pt;margin:0 0 .2rem}h2{font-size:11pt;margin:.6rem 0 .2rem;
border-bottom:1px solid #999;break-after:avoid}p{margin:.15rem 0}
table{border-collapse:collapse;width:100%;margin:.2rem 0;table-layout:fixed}
col.name{width:19%}
td,th{border:1px solid #999;padding:.1rem .35rem;text-align:left;vertical-align:top}
thead{display:table-header-group}tr{break-inside:avoid}
tr.differs>th{font-weight:bold;background:#fff3c4}td.as{color:#444;font-style:italic}
ul.same{margin:.1rem 0 .2rem 0;padding:0;font-size:8.5pt;list-style:none}
ul.same li{margin:.05rem 0;padding-left:1em;text-indent:-1em}
.meta{color:#333}section{break-inside:auto}
@media print{body{margin:0;max-width:none;padding:0}}"""


def _e(value: str) -> str:
    return html.escape(value)


def html_page(cmp: Comparison) -> str:
    title, lines = _heading_lines(cmp)
    head = '<colgroup><col class="name"></colgroup><thead><tr><th></th>' + "".join(
        f"<th>{_e(_c(cmp, 'scenario', letter=k))}</th>" for k in cmp.letters
    )
    head += "</tr></thead>"

    def row_html(name: str, cells: list[str], differs: bool = True) -> str:
        if differs:
            words = f"<small>({_e(_c(cmp, 'differs'))})</small>"
            return f'<tr class="differs"><th>≠ {_e(name)} {words}</th>{"".join(cells)}</tr>'
        return f"<tr><th>{_e(name)}</th>{''.join(cells)}</tr>"

    def td(span: int, content: str, klass: str = "") -> str:
        attrs = (f' colspan="{span}"' if span > 1 else "") + (f' class="{klass}"' if klass else "")
        return f"<td{attrs}>{content}</td>"

    body = [f"<h1>{_e(title)}</h1>", *(f'<p class="meta">{_e(line)}</p>' for line in lines)]
    changed = [a for a in cmp.answers if a.differs]
    body.append(f"<section><h2>{_e(_c(cmp, 'answers'))}</h2>")
    if changed:
        body.append(f"<table>{head}<tbody>")
        for a in changed:
            shown: list[str] = []
            for i, value in enumerate(a.values):
                if i and a.values[i - 1] == value:
                    continue
                span = 1
                while i + span < len(a.values) and a.values[i + span] == value:
                    span += 1
                shown.append(td(span, _e(value)))
            body.append(row_html(a.label, shown))
        body.append("</tbody></table>")
    if same := _same_answers(cmp):
        body.append(f"<p>{_e(same)}</p>")
    body.append("</section>")
    for section in cmp.sections:
        body.append(f"<section><h2>{_e(section.title)}</h2>")
        rows = [r for r in section.rows if not _one_line(r)]
        if rows:
            body.append(f"<table>{head}<tbody>")
            for row in rows:
                cells = [
                    td(span, _e(note), "as")
                    if note
                    else td(span, "<br>".join(_e(p) for p in cell_parts(cell)))
                    for span, cell, note in _columns(cmp, row.cells)
                ]
                body.append(row_html(row.title, cells, row.differs))
            body.append("</tbody></table>")
        same_rows = [r for r in section.rows if _one_line(r)]
        if same_rows:
            items = "".join(f"<li>{_e(_same_row(cmp, r))}</li>" for r in same_rows)
            body.append(f'<ul class="same">{items}</ul>')
        body.append("</section>")
    return (
        f'<!doctype html>\n<html lang="{cmp.lang}"><head><meta charset="utf-8">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


# Every format of `recommend --format` (advice/render's RENDERERS): --compare takes them all.
RENDERERS = {"json": json_text, "text": text, "markdown": markdown, "html": html_page}


def render_comparison(cmp: Comparison, fmt: str) -> str:
    from alternance_tui.files.printable import printable_document

    return printable_document(RENDERERS[fmt](cmp), json=fmt == "json")
