"""The ``alternance`` command: the TUI by default (cli/interview.py), and the
subcommands of docs/contract.md.

Imports are deferred to the subcommand that needs them, so that starting the
TUI pays for neither pydantic nor the advice engine. What every subcommand
writes, and how it exits, is cli/output.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from alternance_tui.cli.answers import BadInput, gather_answers, note
from alternance_tui.cli.interview import run_tui
from alternance_tui.cli.output import (
    EXIT_OK,
    EXIT_PROBLEMS,
    fail,
    guarded,
    load_bundle_or_exit,
    write_stdout,
    write_user_file,
)
from alternance_tui.cli.parsers import SUBCOMMANDS, _sub_parser, locale_language
from alternance_tui.files.printable import printable
from alternance_tui.tui.options import PIN_VARIABLE, pin_problem
from alternance_tui.wording.catalogue.cli import CLI  # a few strings: cheap at start-up

if TYPE_CHECKING:
    from alternance_tui.advice.model import Bundle


def cmd_recommend(args: argparse.Namespace) -> int:
    from alternance_tui.advice.engine import Engine, IncompleteAnswers
    from alternance_tui.advice.pay.base import RatesUnknown
    from alternance_tui.advice.render import render

    bundle = load_bundle_or_exit(args.flow)
    if args.compare:
        return _recommend_compare(args, bundle)
    if not args.answers and not args.answer:
        fail([CLI(args.lang, "recommend_needs_answers")])
    # Said only once the answers are taken: on bad input, the problems say it all.
    notes: list[str] = []
    try:
        answers = gather_answers(bundle, args.answers, args.answer, args.lang, notes)
    except BadInput as exc:
        fail(exc.lines)
    engine = Engine(bundle)
    try:
        rec = engine.recommend(answers, as_of=args.as_of or dt.date.today(), lang=args.lang)
    except IncompleteAnswers as exc:
        fail([f"{q}: {m}" for q, m in zip(exc.missing, exc.messages, strict=True)])
    except RatesUnknown as exc:
        fail([f"--as-of: {exc}"])
    for line in notes:
        note(line, args.lang)
    for question in rec.unused(answers):
        note(CLI(args.lang, "not_used", question=question), args.lang)
    text = render(rec, bundle, args.format)
    if args.output:
        write_user_file(args.output, text, args.lang)
    else:
        write_stdout(text, args.lang)
    return EXIT_OK


def _recommend_compare(args: argparse.Namespace, bundle: Bundle) -> int:
    from alternance_tui.cli.compare import cmd_compare

    base = None
    if args.answers or args.answer:
        try:
            base = gather_answers(bundle, args.answers, args.answer, args.lang)
        except BadInput as exc:
            fail(exc.lines)
    return cmd_compare(args, bundle, base)


def cmd_check(args: argparse.Namespace) -> int:
    from alternance_tui.advice.load import check_paths, default_flows_dir

    paths = args.flows or [default_flows_dir()]
    problems = check_paths(paths)
    for problem in problems:
        print(printable(str(problem)))  # a flow's text may hold control characters
    errors = sum(1 for p in problems if p.severity == "error")
    lang = locale_language()  # check has no --lang: the terminal's language
    if errors:
        print(CLI(lang, "check_errors", count=errors), file=sys.stderr)
        return EXIT_PROBLEMS
    warnings = len(problems)
    # A warning is not a pass: "could not prove …" must not end on "no problems".
    summary = CLI(lang, "check_warnings", count=warnings) if warnings else CLI(lang, "check_clean")
    print(summary, file=sys.stderr)
    return EXIT_OK


def cmd_graph(args: argparse.Namespace) -> int:
    from alternance_tui.flow.graph import render_graph

    bundle = load_bundle_or_exit(args.flow, EXIT_PROBLEMS)
    from alternance_tui.files.printable import printable_document

    graph = render_graph(bundle.flow, args.format, args.lang)
    write_stdout(printable_document(graph), args.lang)  # labels come from the flow files
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
    from alternance_tui.serve.server import ServeOptions, origin_of, serve

    try:
        extra = tuple(origin_of(value) for value in args.allow_origin)
        if args.public_url:
            origin_of(args.public_url)
    except ValueError as exc:
        fail([str(exc)])
    pin = os.environ.get(PIN_VARIABLE, "")
    lang = args.lang
    if args.kiosk and pin and (problem := pin_problem(pin, lang)) is not None:
        # Said once, now: each kiosk session would otherwise refuse to start.
        fail([CLI(lang, "pin_unusable", option=PIN_VARIABLE, problem=problem)])
    if args.host in ("0.0.0.0", "::", "") and not args.public_url:
        # The page names its websocket at the public URL: http://0.0.0.0:PORT is no address.
        fail([CLI(lang, "host_needs_url", host=args.host or CLI(lang, "host_all"))])
    options = ServeOptions(
        host=args.host,
        port=args.port,
        lang=args.lang,
        kiosk=args.kiosk,
        idle_seconds=args.idle_seconds,
        countdown_seconds=args.countdown_seconds,
        as_of=args.as_of,
        public_url=args.public_url,
        allowed_origins=extra,
        per_user_sessions=args.per_user_sessions,
        max_sessions=max(0, args.max_sessions),
        fork=args.fork,
    )
    return serve(options)


def cmd_web(args: argparse.Namespace) -> int:
    from alternance_tui.webform.seal import SECRET_VARIABLE, key_from
    from alternance_tui.webform.server import WebOptions, run

    try:
        key = key_from(os.environ.get(SECRET_VARIABLE))
    except ValueError as exc:
        fail([str(exc)])
    options = WebOptions(
        host=args.host,
        port=args.port,
        lang=args.lang,
        kiosk=args.kiosk,
        idle_seconds=args.idle_seconds,
        countdown_seconds=args.countdown_seconds,
        as_of=args.as_of,
    )
    return run(options, key)


def cmd_diff(args: argparse.Namespace) -> int:
    from alternance_tui.cli.diff import cmd_diff as run_diff

    return run_diff(args)


def cmd_sessions(args: argparse.Namespace) -> int:
    from alternance_tui.cli.sessions import cmd_sessions as run_sessions

    return run_sessions(args)


def subcommand_parser() -> argparse.ArgumentParser:
    """Every subcommand's parser, as `alternance SUBCOMMAND` reads it (the
    interview's own options are cli/parsers.py's _tui_parser); docs/contract.md
    is checked against both (tests/documentation/test_contract_commands.py)."""
    from alternance_tui.cli.diff import add_parser as add_diff
    from alternance_tui.cli.sessions import add_parser as add_sessions

    return _sub_parser(add_sessions, add_diff)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    return guarded(lambda: _dispatch(argv))


def _dispatch(argv: list[str]) -> int:
    if argv and argv[0] in SUBCOMMANDS:
        args = subcommand_parser().parse_args(argv)
        handler = {
            "recommend": cmd_recommend,
            "check": cmd_check,
            "graph": cmd_graph,
            "schema": cmd_schema,
            "serve": cmd_serve,
            "web": cmd_web,
            "sessions": cmd_sessions,
            "diff": cmd_diff,
        }[args.command]
        return handler(args)
    return run_tui(argv)


if __name__ == "__main__":
    raise SystemExit(main())
