"""A recommendation in each output format of `alternance recommend --format`.

A new format is a module here (a ``Document`` subclass, or a function of the
recommendation and the bundle) and one entry in ``RENDERERS``."""

from __future__ import annotations

from collections.abc import Callable

from alternance_tui.advice.document_json import json_text
from alternance_tui.advice.model import Bundle
from alternance_tui.advice.render.html import HtmlReport
from alternance_tui.advice.render.markdown import MarkdownReport
from alternance_tui.advice.render.text import TextReport
from alternance_tui.advice.result import Recommendation
from alternance_tui.files.printable import printable_document

RENDERERS: dict[str, Callable[[Recommendation, Bundle], str]] = {
    "json": json_text,
    "text": lambda rec, bundle: TextReport(rec, bundle).render(),
    "markdown": lambda rec, bundle: MarkdownReport(rec, bundle).render(),
    "html": lambda rec, bundle: HtmlReport(rec, bundle).render(),
}


def render(rec: Recommendation, bundle: Bundle, fmt: str) -> str:
    # The flow's texts and the answers may hold control characters: escaped, in
    # every format, so that printing the result cannot drive a terminal.
    return printable_document(RENDERERS[fmt](rec, bundle), json=fmt == "json")
