"""The Markdown report."""

from __future__ import annotations

from alternance_tui.advice.render.document import Document


class MarkdownReport(Document):
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
