"""The plain-text report: underlined headings, indented bullets, aligned columns."""

from __future__ import annotations

from alternance_tui.advice.render.document import Document


class TextReport(Document):
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
