"""The ``alternance`` command: the TUI by default, and the subcommands of docs/contract.md.

Imports are deferred to the subcommand that needs them, so that starting the
TUI pays for neither pydantic nor the advice engine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from alternance_tui.printable import excerpt, printable
from alternance_tui.tui.options import TuiOptions
from alternance_tui.wording.catalogue.cli import CLI  # a few strings: cheap at start-up

if TYPE_CHECKING:
    from alternance_tui.advice.model import Bundle
    from alternance_tui.flow.cond import Value
    from alternance_tui.input_file import Duplicate

EXIT_OK, EXIT_PROBLEMS, EXIT_BAD_INPUT = 0, 1, 2
SUBCOMMANDS = ("recommend", "check", "graph", "schema", "serve", "sessions")


class BadInput(Exception):
    """Input a person gave that cannot be used; each line says what and how to fix it."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = list(lines)
        super().__init__("\n".join(self.lines))


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


def parse_date(text: str) -> dt.date:
    try:
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


def _tui_parser(lang: str) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="alternance",
        description="Which French work-linked contracts fit you, what they pay, which IMPGT "
        f"courses are open. Subcommands: {', '.join(SUBCOMMANDS)} (alternance SUBCOMMAND -h).",
    )
    _common(parser, lang_default=lang)
    parser.add_argument(
        "--kiosk",
        action="store_true",
        help="campus kiosk: no quitting, idle reset, nothing written to disk",
    )
    parser.add_argument(
        "--ephemeral",
        action="store_true",
        help="a private session: no resume offer, nothing read from or saved to the data "
        "folder (what `alternance serve` starts for each browser)",
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


def _sub_parser() -> argparse.ArgumentParser:
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
    rec.add_argument("--format", choices=("json", "text", "markdown", "html"), default="text")
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

    graph = subs.add_parser("graph", help="print the decision tree")
    graph.add_argument("--flow", type=Path, metavar="PATH")
    graph.add_argument("--format", choices=("mermaid", "dot"), default="mermaid")
    graph.add_argument("--lang", choices=("fr", "en"), default=lang)

    schema = subs.add_parser("schema", help="JSON Schema of the data files, for editors")
    schema.add_argument("kind", nargs="?", choices=("flow", "rates", "advice"), default="flow")

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
    serve.add_argument(
        "--lang", choices=("fr", "en"), default=lang, help=f"language (default: {lang})"
    )
    serve.add_argument(
        "--as-of",
        type=parse_date,
        metavar="YYYY-MM-DD",
        help="the date the legal rates are taken at (default: each session's today)",
    )

    from alternance_tui.cli_sessions import add_parser as add_sessions

    add_sessions(subs, lang)
    return parser


def _fail(lines: Sequence[str], code: int = EXIT_BAD_INPUT) -> NoReturn:
    for line in lines:
        # Every message may quote input: escaped, so it cannot drive the terminal.
        print(printable(f"alternance: {line}"), file=sys.stderr)
    raise SystemExit(code)


def load_bundle_or_exit(path: Path | None, code: int = EXIT_BAD_INPUT) -> Bundle:
    from alternance_tui.advice.load import load_bundle
    from alternance_tui.flow.problems import FlowError

    try:
        return load_bundle(path)
    except FlowError as exc:
        _fail(exc.lines(), code)


_ANSWERS_EXAMPLE = '{"age": 20, "employer_sector": "private"}'


@dataclass(frozen=True)
class AnswersFile:
    """The object of a JSON answers file, and the keys it gives more than once."""

    name: str
    answers: dict[str, Any]
    duplicates: list[Duplicate]


def _mib(size: int, lang: str) -> str:
    from alternance_tui.wording import formats

    return CLI(lang, "size_mib", size=formats.number(round(size / 1024 / 1024, 1), lang))


def read_answers_file(source: str, lang: str = "en") -> AnswersFile:
    """The object in a JSON answers file (``-`` for standard input), read as the
    flow files are: a regular file or a pipe into standard input, at most
    ``MAX_BYTES``, so that /dev/zero, a FIFO or a folder is refused, not waited on."""
    from alternance_tui.input_file import (
        MAX_BYTES,
        JsonRefused,
        ReadRefused,
        parse_json,
        read_bounded,
        read_stream_bounded,
    )

    name = CLI(lang, "stdin") if source == "-" else source

    def refused(key: str, **values: object) -> BadInput:
        return BadInput([f"--answers: {CLI(lang, key, file=name, **values)}"])

    try:
        raw = read_stream_bounded(sys.stdin) if source == "-" else read_bounded(Path(source))
        document = parse_json(raw)
    except ReadRefused as exc:
        limit = _mib(MAX_BYTES, lang)
        # Standard input is read only up to the limit: its whole size is not known.
        known = exc.size > MAX_BYTES + 1
        size = _mib(exc.size, lang) if known else CLI(lang, "more_than", size=limit)
        raise refused(f"file_{exc.reason}", size=size, limit=limit, detail=exc.detail) from None
    except JsonRefused as exc:
        raise refused(
            f"json_{exc.reason}",
            line=exc.line,
            column=exc.column,
            detail=exc.detail,
            example=_ANSWERS_EXAMPLE,
        ) from None
    data = document.data
    if not isinstance(data, dict):
        raise refused("json_not_object", found=CLI(lang, _json_kind(data)))
    # A saved session file is taken as it is: its answers (scenario A).
    return AnswersFile(name, session_answers(data), document.duplicates)


def _json_kind(data: object) -> str:
    """The message key naming a JSON value's kind as a person says it."""
    if data is None:
        return "json_null"
    if isinstance(data, bool):
        return "json_bool"
    if isinstance(data, int | float):
        return "json_number"
    return "json_text" if isinstance(data, str) else "json_list"


def read_answers_json(source: str, lang: str = "en") -> dict[str, Any]:
    """The object in a JSON answers file (``-`` for standard input)."""
    return read_answers_file(source, lang).answers


def _note(line: str, lang: str) -> None:

    print(printable(f"alternance: {CLI(lang, 'note')}: {line}"), file=sys.stderr)


def _json_text(value: object) -> str:
    from alternance_tui.flow.answers import json_text

    return json_text(value)


def _shown_json(value: object) -> str:
    return excerpt(_json_text(value))


def session_answers(data: dict[str, Any]) -> dict[str, Any]:
    """A saved session file is taken as it is: its answers (scenario A) are used."""
    from alternance_tui.store import FORMAT_VERSION

    answers = data.get("answers")
    if data.get("version") == FORMAT_VERSION and "flow" in data and isinstance(answers, dict):
        return answers
    return data


def gather_answers(
    bundle: Bundle,
    answers_file: str | None,
    pairs: Sequence[str],
    lang: str,
    notes: list[str] | None = None,
) -> dict[str, Value]:
    """Every answer given, the file's then ``-a``'s. An answer given twice (or
    ``-a`` over the file) adds a line to ``notes`` saying which one was used."""
    from alternance_tui.flow.answers import parse_answers

    notes = [] if notes is None else notes
    flow = bundle.flow
    problems: list[str] = []
    answers: dict[str, Value] = {}
    from_file: dict[str, Any] = {}
    file_name = ""
    if answers_file:
        document = read_answers_file(answers_file, lang)
        from_file, file_name = document.answers, document.name
        for duplicate in document.duplicates:
            values = [_shown_json(v) for v in duplicate.values]
            if len(set(values)) == 1:
                continue  # the same answer twice: nothing was chosen
            notes.append(
                CLI(
                    lang,
                    "duplicate_key",
                    file=file_name,
                    id=excerpt(duplicate.key),
                    count=len(values),
                    values=", ".join(values),
                    value=values[-1],
                )
            )
        parsed, found = parse_answers(flow, from_file, lang)
        answers.update(parsed)
        problems += [f"--answers: {excerpt(p.question)}: {p.message}" for p in found]
    given: dict[str, list[str]] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            problems.append(f"-a {excerpt(pair)}: {CLI(lang, 'not_pair')}")
            continue
        given.setdefault(key.strip(), []).append(value)
    for key, values in given.items():
        if len(set(values)) > 1:
            shown = [excerpt(v) for v in values]
            notes.append(
                CLI(
                    lang,
                    "duplicate_a",
                    id=excerpt(key),
                    count=len(shown),
                    values=", ".join(shown),
                    value=shown[-1],
                )
            )
        if key in from_file and values[-1] not in (from_file[key], _json_text(from_file[key])):
            old = _shown_json(from_file[key])
            shown_value = excerpt(values[-1])
            notes.append(
                CLI(
                    lang,
                    "a_over_file",
                    id=excerpt(key),
                    value=shown_value,
                    old=old,
                    file=file_name,
                )
            )
    raw = {key: values[-1] for key, values in given.items()}
    parsed, found = parse_answers(flow, raw, lang, from_text=True)
    answers.update(parsed)
    problems += [f"-a {excerpt(p.question)}: {p.message}" for p in found]
    if problems:
        raise BadInput(problems)
    return answers


def cmd_recommend(args: argparse.Namespace) -> int:
    from alternance_tui.advice.engine import Engine, IncompleteAnswers
    from alternance_tui.advice.pay import RatesUnknown
    from alternance_tui.advice.render import render

    bundle = load_bundle_or_exit(args.flow)
    if args.compare:
        return _recommend_compare(args, bundle)
    if not args.answers and not args.answer:
        _fail(
            [
                "recommend needs answers: --answers FILE.json (or -) and/or -a id=value, "
                "e.g. -a age=20 -a employer_sector=private"
            ]
        )
    # Said only once the answers are taken: on bad input, the problems say it all.
    notes: list[str] = []
    try:
        answers = gather_answers(bundle, args.answers, args.answer, args.lang, notes)
    except BadInput as exc:
        _fail(exc.lines)
    engine = Engine(bundle)
    try:
        rec = engine.recommend(answers, as_of=args.as_of or dt.date.today(), lang=args.lang)
    except IncompleteAnswers as exc:
        _fail([f"{q}: {m}" for q, m in zip(exc.missing, exc.messages, strict=True)])
    except RatesUnknown as exc:
        _fail([f"--as-of: {exc}"])
    for note in notes:
        _note(note, args.lang)
    for question in rec.unused(answers):
        _note(CLI(args.lang, "not_used", question=question), args.lang)
    text = render(rec, bundle, args.format)
    if args.output:
        write_user_file(args.output, text, args.lang)
    else:
        write_stdout(text, args.lang)
    return EXIT_OK


def _recommend_compare(args: argparse.Namespace, bundle: Bundle) -> int:
    from alternance_tui.cli_compare import cmd_compare

    base = None
    if args.answers or args.answer:
        try:
            base = gather_answers(bundle, args.answers, args.answer, args.lang)
        except BadInput as exc:
            _fail(exc.lines)
    return cmd_compare(args, bundle, base)


def write_user_file(path: Path, text: str, lang: str, option: str = "--output") -> None:
    """``text`` into the file a person named (see output_file), or exit 2 saying why."""
    from alternance_tui.output_file import OutputError, write_output

    try:
        write_output(path, text)
    except OutputError as exc:
        key = "output_failed" if exc.reason == "failed" else f"output_{exc.reason}"
        _fail([f"{option}: {CLI(lang, key, file=path, detail=exc.detail)}"])


def write_stdout(text: str, lang: str) -> None:
    """``text`` on standard output; a write error (a full disk) is exit 2, not 0."""

    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise  # main() treats a reader that stopped early as no error
    except OSError as exc:
        _silence_stdout()
        _fail([CLI(lang, "stdout_failed", detail=exc.strerror or exc)])


def _silence_stdout() -> None:
    """Point standard output at the null device, so that the flush at exit does
    not fail a second time with a traceback-like "Exception ignored" message."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass


def cmd_check(args: argparse.Namespace) -> int:
    from alternance_tui.advice.load import check_paths, default_flows_dir

    paths = args.flows or [default_flows_dir()]
    problems = check_paths(paths)
    for problem in problems:
        print(printable(str(problem)))  # a flow's text may hold control characters
    errors = sum(1 for p in problems if p.severity == "error")
    if errors:
        print(f"{errors} problem(s) found", file=sys.stderr)
        return EXIT_PROBLEMS
    print("no problems found", file=sys.stderr)
    return EXIT_OK


def cmd_graph(args: argparse.Namespace) -> int:
    from alternance_tui.flow.graph import render_graph

    bundle = load_bundle_or_exit(args.flow, EXIT_PROBLEMS)
    write_stdout(render_graph(bundle.flow, args.format, args.lang), args.lang)
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    if args.kind == "flow":
        from alternance_tui.flow.schema import FlowFile as Model
    elif args.kind == "rates":
        from alternance_tui.advice.schema import RatesFile as Model  # type: ignore[assignment]
    else:
        from alternance_tui.advice.schema import AdviceFile as Model  # type: ignore[assignment]
    schema = Model.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema.setdefault("title", f"alternance-tui {args.kind} file")
    write_stdout(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", locale_language())
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from alternance_tui.serve import ServeOptions, origin_of, serve

    try:
        extra = tuple(origin_of(value) for value in args.allow_origin)
        if args.public_url:
            origin_of(args.public_url)
    except ValueError as exc:
        _fail([str(exc)])
    if args.host in ("0.0.0.0", "::", "") and not args.public_url:
        # The page names its websocket at the public URL: http://0.0.0.0:PORT is no address.
        _fail([f"--host {args.host or '(all)'} needs --public-url, the address browsers use"])
    options = ServeOptions(
        host=args.host,
        port=args.port,
        lang=args.lang,
        kiosk=args.kiosk,
        as_of=args.as_of,
        public_url=args.public_url,
        allowed_origins=extra,
        per_user_sessions=args.per_user_sessions,
        max_sessions=max(0, args.max_sessions),
        fork=args.fork,
    )
    return serve(options)


def cmd_sessions(args: argparse.Namespace) -> int:
    from alternance_tui.cli_sessions import cmd_sessions as run_sessions

    return run_sessions(args)


def run_tui(argv: Sequence[str]) -> int:
    parser = _tui_parser(locale_language())
    args = parser.parse_args(argv)
    answers: dict[str, Any] = {}
    if args.answers:
        try:
            answers = read_answers_json(args.answers, args.lang)
        except BadInput as exc:
            _fail(exc.lines)
    options = TuiOptions(
        flow=args.flow,
        lang=args.lang,
        lang_given=any(a == "--lang" or a.startswith("--lang=") for a in argv),
        as_of=args.as_of,
        kiosk=args.kiosk,
        ephemeral=args.ephemeral,
        advisor=args.advisor,
        resume=args.resume,
        answers=answers,
        answers_file=args.answers,
    )
    from alternance_tui.tui.app import run

    return run(options)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in SUBCOMMANDS:
            args = _sub_parser().parse_args(argv)
            handler = {
                "recommend": cmd_recommend,
                "check": cmd_check,
                "graph": cmd_graph,
                "schema": cmd_schema,
                "serve": cmd_serve,
                "sessions": cmd_sessions,
            }[args.command]
            return handler(args)
        return run_tui(argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `alternance recommend | head` closes the pipe early: not an error.
        sys.stderr.close()
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
