"""A comparison of scenarios in each format of `recommend --compare`: JSON,
text, Markdown, HTML. What differs is marked "≠" with words, in every format."""

from __future__ import annotations

import html
import json
from typing import Any

from alternance_tui.advice.compare import Cell, Comparison, Row
from alternance_tui.wording import formats as w
from alternance_tui.wording.catalogue.compare import COMPARE


def _c(cmp: Comparison, key: str, **values: object) -> str:
    return COMPARE(cmp.lang, key, **values)


def _mark(cmp: Comparison, differs: bool) -> str:
    return _c(cmp, "differs") if differs else ""


def cell_text(cell: Cell | None, sep: str = " · ") -> str:
    if cell is None:
        return "—"
    parts = [cell.words, *([cell.why] if cell.why else []), *cell.pay_lines]
    return sep.join(parts)


def to_json(cmp: Comparison) -> dict[str, Any]:
    def cell_json(cell: Cell | None) -> dict[str, Any] | None:
        if cell is None:
            return None
        return {
            "status": cell.status,
            "eligible": cell.status != "not_eligible",
            "why": cell.why,
            "monthly_gross_eur_by_year": list(cell.pay),
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


def _heading_lines(cmp: Comparison) -> list[str]:
    return [
        _c(cmp, "title"),
        _c(cmp, "as_of", date=w.date(cmp.as_of, cmp.lang)),
        _c(cmp, "summary", count=cmp.differences),
        _c(cmp, "legend"),
    ]


def text(cmp: Comparison) -> str:
    """Stacked: one block per row, a line per scenario (reads at any width)."""
    title, as_of, summary, legend = _heading_lines(cmp)
    out = [title, "=" * len(title), f"{as_of} · {summary}", legend, ""]
    out += [_c(cmp, "answers"), "-" * len(_c(cmp, "answers"))]
    for a in cmp.answers:
        values = " | ".join(f"{k}: {v}" for k, v in zip(cmp.letters, a.values, strict=True))
        out.append(f"{'≠' if a.differs else ' '} {a.label}: {values}")
    for section in cmp.sections:
        out += ["", section.title, "-" * len(section.title)]
        for row in section.rows:
            mark = f"  [{_mark(cmp, row.differs)}]" if row.differs else ""
            out.append(f"{'≠' if row.differs else ' '} {row.title}{mark}")
            for letter, cell in zip(cmp.letters, row.cells, strict=True):
                out.append(f"    {letter}: {cell_text(cell)}")
    return "\n".join(out) + "\n"


def markdown(cmp: Comparison) -> str:
    from alternance_tui.advice.render.markdown import md_cell as cell
    from alternance_tui.advice.render.markdown import md_text as m

    title, as_of, summary, legend = (m(line) for line in _heading_lines(cmp))
    head = "| | " + " | ".join(cell(_c(cmp, "scenario", letter=k)) for k in cmp.letters) + " |"
    rule = "|---|" + "---|" * len(cmp.letters)
    answers = m(_c(cmp, "answers"))
    out = [f"# {title}", "", f"{as_of} · {summary}", "", legend, "", f"## {answers}"]
    out += ["", head, rule]
    for a in cmp.answers:
        label = f"**≠ {cell(a.label)}**" if a.differs else cell(a.label)
        out.append(f"| {label} | " + " | ".join(cell(v) for v in a.values) + " |")
    for section in cmp.sections:
        out += ["", f"## {m(section.title)}", "", head, rule]
        for row in section.rows:
            mark = cell(_mark(cmp, True))
            name = f"**≠ {cell(row.title)}** ({mark})" if row.differs else cell(row.title)
            # Each part escaped, then joined by the one tag Markdown tables allow.
            cells = " | ".join(
                "<br>".join(cell(part) for part in cell_text(c, "\n").split("\n"))
                for c in row.cells
            )
            out.append(f"| {name} | {cells} |")
    return "\n".join(out) + "\n"


_CSS = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;
color:#1b1b1b}table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;
padding:.25rem .5rem;text-align:left;vertical-align:top}tr.differs{background:#fff3c4}
tr.differs th{font-weight:bold}@media print{body{margin:0}}"""


def _e(value: str) -> str:
    return html.escape(value)


def html_page(cmp: Comparison) -> str:
    title, as_of, summary, legend = _heading_lines(cmp)
    head = "<tr><th></th>" + "".join(
        f"<th>{_e(_c(cmp, 'scenario', letter=k))}</th>" for k in cmp.letters
    )
    head += "</tr>"

    def tr(name: str, cells: list[str], differs: bool) -> str:
        shown = f"≠ {_e(name)} <small>({_e(_mark(cmp, True))})</small>" if differs else _e(name)
        klass = ' class="differs"' if differs else ""
        return f"<tr{klass}><th>{shown}</th>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"

    body = [f"<h1>{_e(title)}</h1>", f"<p>{_e(as_of)} · {_e(summary)}</p>", f"<p>{_e(legend)}</p>"]
    body.append(f"<h2>{_e(_c(cmp, 'answers'))}</h2><table>{head}")
    body += [tr(a.label, [_e(v) for v in a.values], a.differs) for a in cmp.answers]
    body.append("</table>")
    for section in cmp.sections:
        body.append(f"<h2>{_e(section.title)}</h2><table>{head}")
        for row in section.rows:
            cells = ["<br>".join(map(_e, cell_text(c, "\n").split("\n"))) for c in row.cells]
            body.append(tr(row.title, cells, row.differs))
        body.append("</table>")
    return (
        f'<!doctype html>\n<html lang="{cmp.lang}"><head><meta charset="utf-8">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


def render_comparison(cmp: Comparison, fmt: str) -> str:
    from alternance_tui.files.printable import printable_document

    renderers = {"json": json_text, "text": text, "markdown": markdown, "html": html_page}
    return printable_document(renderers[fmt](cmp), json=fmt == "json")
