"""A recommendation in each output format of `alternance recommend --format`.

A new format is a module here (a ``Document`` subclass, or a function of the
recommendation and the bundle) and one entry in ``RENDERERS``: the command
line offers the formats this table names, and nothing else lists them. Each
renderer imports its module when it is used, so that reading the table (to
build the command line's parser) costs nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from alternance_tui.files.printable import printable_document

if TYPE_CHECKING:
    from alternance_tui.advice.model import Bundle
    from alternance_tui.advice.result import Recommendation


def _json(rec: Recommendation, bundle: Bundle) -> str:
    from alternance_tui.advice.document_json import json_text

    return json_text(rec, bundle)


def _text(rec: Recommendation, bundle: Bundle) -> str:
    from alternance_tui.advice.render.text import TextReport

    return TextReport(rec, bundle).render()


def _markdown(rec: Recommendation, bundle: Bundle) -> str:
    from alternance_tui.advice.render.markdown import MarkdownReport

    return MarkdownReport(rec, bundle).render()


def _html(rec: Recommendation, bundle: Bundle) -> str:
    from alternance_tui.advice.render.html import HtmlReport

    return HtmlReport(rec, bundle).render()


RENDERERS: dict[str, Callable[[Recommendation, Bundle], str]] = {
    "json": _json,
    "text": _text,
    "markdown": _markdown,
    "html": _html,
}


def render(rec: Recommendation, bundle: Bundle, fmt: str) -> str:
    # The flow's texts and the answers may hold control characters: escaped, in
    # every format, so that printing the result cannot drive a terminal.
    return printable_document(RENDERERS[fmt](rec, bundle), json=fmt == "json")
