"""The Markdown report."""

from __future__ import annotations

import html

from alternance_tui.advice.render.document import Document


def md_text(text: str) -> str:
    """``text`` for a Markdown file. Markdown hands raw HTML on to the page it
    becomes: a flow's or a person's "<script>" must be shown there, never run.
    Entities read the same in every renderer. Every Markdown output (reports,
    handouts, comparisons) escapes its texts here."""
    return html.escape(text, quote=False)


def md_cell(text: str) -> str:
    """``text`` for a Markdown table cell."""
    return md_text(text).replace("|", "\\|")  # a bare | would end the cell


class MarkdownReport(Document):
    def _heading(self, text: str, level: int) -> None:
        self.out.extend(["", "#" * level + " " + md_text(text), ""])

    def _paragraph(self, text: str) -> None:
        self.out.extend([md_text(text), ""])

    def _bullets(self, items: list[str]) -> None:
        self.out.extend(f"- {md_text(item)}" for item in items)
        self.out.append("")

    def _table(self, header: list[str], rows: list[list[str]]) -> None:
        self.out.append("| " + " | ".join(map(md_cell, header)) + " |")
        self.out.append("|" + "|".join("---" for _ in header) + "|")
        self.out.extend("| " + " | ".join(map(md_cell, row)) + " |" for row in rows)
        self.out.append("")
