"""The Markdown report."""

from __future__ import annotations

import html

from alternance_tui.advice.render.document import Document


def _md(text: str) -> str:
    # Markdown hands raw HTML on to the page it becomes: a flow's "<script>"
    # must be shown there, never run. Entities read the same in every renderer.
    return html.escape(text, quote=False)


def _md_cell(text: str) -> str:
    return _md(text).replace("|", "\\|")  # a bare | would end the cell


class MarkdownReport(Document):
    def _heading(self, text: str, level: int) -> None:
        self.out.extend(["", "#" * level + " " + _md(text), ""])

    def _paragraph(self, text: str) -> None:
        self.out.extend([_md(text), ""])

    def _bullets(self, items: list[str]) -> None:
        self.out.extend(f"- {_md(item)}" for item in items)
        self.out.append("")

    def _table(self, header: list[str], rows: list[list[str]]) -> None:
        self.out.append("| " + " | ".join(map(_md_cell, header)) + " |")
        self.out.append("|" + "|".join("---" for _ in header) + "|")
        self.out.extend("| " + " | ".join(map(_md_cell, row)) + " |" for row in rows)
        self.out.append("")
