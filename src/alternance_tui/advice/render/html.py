"""The report as one standalone HTML page (its style inline, printable)."""

from __future__ import annotations

import html

from alternance_tui.advice.render.document import Document

_CSS = """body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;
line-height:1.45;color:#1b1b1b}h1{font-size:1.6rem}h3{margin-top:1.6rem;border-top:1px solid #ccc;
padding-top:.8rem}table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.2rem .6rem;
text-align:left}@media print{body{margin:0}}"""


class HtmlReport(Document):
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
