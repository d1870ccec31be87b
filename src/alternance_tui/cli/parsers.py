"""The `alternance` command line's parsers: the interview's options and the
subcommands', with argument errors as one clear line. The sessions and diff
subcommands add their own (cli/main.py hands them the subparsers), so that
this module imports none of them."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

from alternance_tui.cli.output import EXIT_BAD_INPUT
from alternance_tui.files.printable import printable
from alternance_tui.tui.options import COUNTDOWN_SECONDS, IDLE_SECONDS, PIN_VARIABLE

# A subcommand's own parser, added to the subparsers in a language.
AddParser = Callable[["argparse._SubParsersAction[Any]", str], None]
SUBCOMMANDS = ("recommend", "check", "graph", "schema", "serve", "web", "sessions", "diff")


class _Parser(argparse.ArgumentParser):
    """Argument errors as one clear line (what, and where to read more), not a usage block."""

    def error(self, message: str) -> NoReturn:
        line = printable(f"{self.prog}: error: {message} (see: {self.prog} -h)")
        self.exit(EXIT_BAD_INPUT, line + "\n")


def locale_language(environ: os._Environ[str] | dict[str, str] | None = None) -> str:
    """English when the locale says English, otherwise French (the product's home)."""
    env = os.environ if environ is None else environ
    for key in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(key, "")
        if value and value not in ("C", "POSIX", "C.UTF-8"):
            return "en" if value.lower().startswith("en") else "fr"
    return "fr"


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def parse_date(text: str) -> dt.date:
    """A date written as YYYY-MM-DD, and only so: Python also reads 20260101 and
    2026-W01-1, which the message asking for YYYY-MM-DD would not have promised."""
    try:
        if not _DATE.fullmatch(text):
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date: write it as YYYY-MM-DD, e.g. 2026-09-01"
        ) from None


def _common(parser: argparse.ArgumentParser, *, lang_default: str) -> None:
    parser.add_argument(
        "--flow",
        type=Path,
        metavar="PATH",
        help="the flow file (default: the shipped alternance flow)",
    )
    parser.add_argument(
        "--lang",
        choices=("fr", "en"),
        default=lang_default,
        help=f"language (default from the locale: {lang_default})",
    )
    parser.add_argument(
        "--as-of",
        type=parse_date,
        metavar="YYYY-MM-DD",
        help="the date the legal rates are taken at (default: today)",
    )


def add_idle_options(
    group: argparse._ActionsContainer, prefix: str, countdown: float = COUNTDOWN_SECONDS
) -> None:
    """``--idle-seconds`` and ``--countdown-seconds``, for the app, ``serve`` and ``web``."""
    group.add_argument(
        "--idle-seconds",
        type=_positive_seconds,
        default=IDLE_SECONDS,
        metavar="N",
        help=f"{prefix}: quiet seconds before the countdown (default: {IDLE_SECONDS:g})",
    )
    group.add_argument(
        "--countdown-seconds",
        type=_positive_seconds,
        default=countdown,
        metavar="N",
        help=f"{prefix}: length of the countdown (default: {countdown:g})",
    )


def _positive_seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not seconds > 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds above 0, e.g. 90")
    return seconds


def _tui_parser(lang: str) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="alternance",
        description="Which French work-linked contracts fit you, what they pay, which IMPGT "
        f"courses are open. Subcommands: {', '.join(SUBCOMMANDS)} (alternance SUBCOMMAND -h).",
    )
    _common(parser, lang_default=lang)
    kiosk = parser.add_argument_group(
        "kiosk mode",
        "--kiosk is for a shared machine (a campus kiosk, or `alternance serve --kiosk`). "
        "It writes no file at all: no session, no settings, no cache (the flow is checked "
        "in memory; the welcome screen comes from facts shipped with the package). It "
        "cannot be quit from the keyboard: Ctrl+Q, Ctrl+C, Ctrl+\\, Ctrl+Z do nothing, "
        "unless a staff exit code is set, when Ctrl+Q asks for it (typed hidden). After "
        '--idle-seconds without a key, a click or a wheel turn, it shows "Still there? '
        'Press any key" for --countdown-seconds; any key or click cancels it (and does '
        "nothing else); then every answer is erased and the welcome screen comes back in "
        'the starting language. "Finish and erase" on the results does the same at '
        "once. It starts in the kiosk theme (bold, high contrast, large buttons; F3 "
        "changes it) with a number pad for touch screens. Run it under a supervisor that "
        "restarts it (docs/kiosk.md).",
    )
    kiosk.add_argument(
        "--kiosk",
        action="store_true",
        help="campus kiosk mode, as described above",
    )
    add_idle_options(kiosk, "kiosk")
    kiosk.add_argument(
        "--exit-pin",
        metavar="CODE",
        help=f"kiosk: the staff exit code; prefer the environment variable {PIN_VARIABLE}, "
        "as a command line can be read by every user of the machine (ps). Without a code "
        "the kiosk cannot be left from the keyboard at all.",
    )
    lines = parser.add_argument_group(
        "plain lines",
        "--plain asks the questions as plain lines, for a screen reader, a braille display "
        "or a dumb terminal: it prints a question, reads a line, and prints the next; no "
        "full-screen drawing, no escape sequences, no colour unless --color. Choices are "
        'numbered. "back", "help", "review" and "quit" ("retour", "aide", "réponses", '
        '"quitter") work at any prompt. It is chosen by itself when TERM=dumb or when the '
        "output is not a terminal; --tui starts the full-screen app anyway.",
    )
    display = lines.add_mutually_exclusive_group()
    display.add_argument("--plain", action="store_true", help="the interview as plain lines")
    display.add_argument(
        "--tui",
        action="store_true",
        help="the full-screen app, even when TERM=dumb or the output is not a terminal",
    )
    lines.add_argument(
        "--color",
        "--colour",
        dest="color",
        action="store_true",
        help="with --plain: questions in bold and errors in red",
    )
    parser.add_argument(
        "--ephemeral",
        action="store_true",
        help="a private session: no resume offer, nothing read from or saved to the data "
        "folder, no settings read or written (what `alternance serve` starts for each browser)",
    )
    parser.add_argument(
        "--advisor",
        action="store_true",
        help="advisor mode: notes, scenario comparison, handout export",
    )
    parser.add_argument(
        "--resume",
        nargs="?",
        const="",
        metavar="NAME",
        help="resume the last (or the named) saved session",
    )
    parser.add_argument(
        "--answers",
        metavar="FILE.json",
        help="start with these answers (same format as recommend --answers)",
    )
    return parser


def _sub_parser(*more: AddParser) -> argparse.ArgumentParser:
    lang = locale_language()
    parser = _Parser(prog="alternance")
    subs = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    rec = subs.add_parser(
        "recommend",
        help="a recommendation without the UI",
        description="Answers from --answers FILE.json (or - for stdin) "
        "and/or -a id=value; multi-choice answers comma-separated, "
        "yes/no answers yes or no.",
    )
    _common(rec, lang_default=lang)
    rec.add_argument("--answers", metavar="FILE.json", help="a JSON object of id -> value")
    rec.add_argument(
        "-a",
        "--answer",
        action="append",
        default=[],
        metavar="ID=VALUE",
        help="one answer; repeat for more",
    )
    rec.add_argument(
        "--compare",
        action="append",
        default=[],
        metavar="FILE_B.json",
        help="compare with these answers (over --answers'; repeat for C), or a saved session "
        "with scenarios: side by side, what differs marked",
    )
    from alternance_tui.advice.render import RENDERERS

    rec.add_argument(
        "--format",
        choices=tuple(RENDERERS),
        default="text",
        help="text for a terminal, markdown, html (a printable A4 page) or json (the fields "
        "of docs/contract.md) (default: text)",
    )
    rec.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of standard output"
    )

    chk = subs.add_parser(
        "check",
        help="validate flow files",
        description="Checks flows and the data files they use; prints "
        "FILE:LINE: KEY: MESSAGE lines; exit 0 if clean, 1 if not.",
    )
    chk.add_argument(
        "flows",
        nargs="*",
        type=Path,
        metavar="FLOW",
        help="flow files or folders (default: the shipped flows)",
    )

    graph = subs.add_parser(
        "graph",
        help="print the decision tree",
        description="Prints the flow's questions and where each answer leads, as a graph "
        "to draw: Mermaid (paste it in a Markdown viewer that draws Mermaid) or Graphviz dot "
        "(`dot -Tsvg`).",
    )
    graph.add_argument(
        "--flow",
        type=Path,
        metavar="PATH",
        help="the flow file (default: the shipped alternance flow)",
    )
    graph.add_argument(
        "--format",
        choices=("mermaid", "dot"),
        default="mermaid",
        help="mermaid or dot (Graphviz) (default: mermaid)",
    )
    graph.add_argument(
        "--lang",
        choices=("fr", "en"),
        default=lang,
        help=f"language of the labels (default from the locale: {lang})",
    )

    schema = subs.add_parser(
        "schema",
        help="JSON Schema of the data files, for editors",
        description="Prints the JSON Schema of a data file, for an editor to validate and "
        "complete flow files as they are typed (e.g. with Taplo or Even Better TOML).",
    )
    schema.add_argument(
        "kind",
        nargs="?",
        choices=("flow", "rates", "advice"),
        default="flow",
        help="flow (a flow file such as flows/alternance.toml), rates (flows/rates.toml) or "
        "advice (flows/contracts.toml, flows/courses.toml) (default: flow)",
    )

    serve = subs.add_parser(
        "serve",
        help="serve the app to web browsers (textual-serve)",
        description="Serves the interview to web browsers: one app process per browser tab. "
        "Each tab is a private session (no resume offer, nothing read from or saved to the "
        "data folder) unless --per-user-sessions is given. Only pages of the allowed origins "
        "may open a session. Every file the page loads comes from this server.",
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)"
    )
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument(
        "--public-url",
        metavar="URL",
        help="the address browsers use, e.g. https://alternance.example.org behind a reverse "
        "proxy (default: http://HOST:PORT; needed with --host 0.0.0.0); its origin is allowed",
    )
    serve.add_argument(
        "--allow-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="another origin whose pages may open a session, e.g. https://example.org; "
        "repeat for more (default: only the public URL's, and its loopback twins)",
    )
    serve.add_argument(
        "--per-user-sessions",
        action="store_true",
        help="each browser (a random cookie) keeps its own saved sessions under the data "
        "folder, offered again on its next visit; never another browser's",
    )
    serve.add_argument(
        "--max-sessions",
        type=int,
        default=0,
        metavar="N",
        help="at most N sessions at once; a browser beyond them is told to try again "
        "(default: no limit; see benchmarks/README.md for what a machine holds)",
    )
    serve.add_argument(
        "--no-fork",
        dest="fork",
        action="store_false",
        help="start a new Python for each session, as textual-serve does, instead of forking "
        "it from a process that has loaded the app once (slower, more memory)",
    )
    serve.add_argument(
        "--kiosk", action="store_true", help="each session in kiosk mode (see alternance --help)"
    )
    add_idle_options(serve, "with --kiosk")
    serve.add_argument(
        "--lang", choices=("fr", "en"), default=lang, help=f"language (default: {lang})"
    )
    serve.add_argument(
        "--as-of",
        type=parse_date,
        metavar="YYYY-MM-DD",
        help="the date the legal rates are taken at (default: each session's today)",
    )
    _web_parser(subs, lang)
    for add in more:
        add(subs, lang)
    return parser


def _web_parser(subs: argparse._SubParsersAction[Any], lang: str) -> None:
    web = subs.add_parser(
        "web",
        help="the interview as accessible HTML forms (no JavaScript needed)",
        description="Serves the interview as server-rendered HTML forms, one question a "
        "page, that work without JavaScript and with a screen reader. The server keeps "
        "nothing: the answers travel in the page's form, signed with a key; to run several "
        "processes behind one address (docs/deploy.md), give each the same key in the "
        "environment variable ALTERNANCE_WEB_SECRET (at least 16 random characters), "
        "otherwise each process makes its own.",
    )
    web.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)"
    )
    web.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    web.add_argument(
        "--lang", choices=("fr", "en"), default=lang, help=f"language (default: {lang})"
    )
    web.add_argument(
        "--as-of",
        type=parse_date,
        metavar="YYYY-MM-DD",
        help="the date the legal rates are taken at (default: each page's today)",
    )
    web.add_argument(
        "--kiosk",
        action="store_true",
        help="a shared machine: after --idle-seconds without use a countdown asks whether "
        "someone is still there, then everything is erased; a form older than that is not "
        "taken back (the browser's Back button); pages are never cached",
    )
    # WCAG 2.2.1 gives a person at least 20 seconds to say they are still there.
    add_idle_options(web, "with --kiosk", countdown=30.0)
