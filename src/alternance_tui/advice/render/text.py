"""The plain-text reports: ``TextReport`` (underlined headings, indented bullets,
aligned columns) and ``LinesReport``, the same report read line by line (by a
screen reader, on a braille display): ``alternance --plain`` prints it."""

from __future__ import annotations

from alternance_tui.advice.present import label
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


class LinesReport(TextReport):
    """The text report with nothing a person hears as noise or must decode: no
    underline under a heading, no bullet before a list's item, an item's status
    and a reason's mark said in words alone ("Open to you", "Met"), a table
    read one row a line with each value named by its column, " · " said as the
    end of a sentence, and an empty answer as "not given"."""

    def _heading(self, text: str, level: int) -> None:
        self.out.append("")
        self.out.append(_sentences(text))

    def _paragraph(self, text: str) -> None:
        self.out.append(_sentences(text))

    def _bullets(self, items: list[str]) -> None:
        # Indented, without a bullet: "•" is read out as "bullet" before every item.
        self.out.extend(f"  {_sentences(item)}" for item in items)

    def _table(self, header: list[str], rows: list[list[str]]) -> None:
        for row in rows:
            cells = [f"{h}: {c}" for h, c in zip(header, row, strict=True) if c]
            self.out.append("  " + self.typo("; ".join(cells) + "."))

    def status(self, status: str) -> str:
        # "✔ Open to you": the words say it all; the symbol would only be read out.
        return label(self.lang, status).lstrip("✔✘◐ ")

    def mark(self, holds: bool | None) -> str:
        key = {True: "met", False: "not_met", None: "unknown"}[holds]
        return self.typo(label(self.lang, key) + ":")

    def answer_value(self, value: str) -> str:
        return label(self.lang, "not_given") if value == "—" else value


def _sentences(text: str) -> str:
    """ "As of: 7 December 2026 · Rates known up to: …" as two sentences."""
    parts = text.split(" · ")
    return " ".join(p if p.endswith((".", ":", "!", "?")) else p + "." for p in parts[:-1]) + (
        (" " if len(parts) > 1 else "") + parts[-1]
    )
