"""``alternance`` with no subcommand: the interview, in the terminal (or in a
browser tab's process, started by serve/forkserver.py). Apart from
cli/main.py so that a served session imports neither the subcommands nor
``serve`` itself."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

from alternance_tui.cli.answers import BadInput, read_answers_json
from alternance_tui.cli.output import fail
from alternance_tui.cli.parsers import _tui_parser, locale_language
from alternance_tui.tui.options import PIN_VARIABLE, SERVED_VARIABLE, TuiOptions, pin_problem
from alternance_tui.wording.catalogue.cli import CLI


def run_tui(argv: Sequence[str]) -> int:
    parser = _tui_parser(locale_language())
    args = parser.parse_args(argv)
    answers: dict[str, Any] = {}
    if args.answers:
        try:
            answers = read_answers_json(args.answers, args.lang)
        except BadInput as exc:
            fail(exc.lines)
    exit_pin = args.exit_pin or os.environ.get(PIN_VARIABLE, "")
    if args.kiosk and exit_pin and (problem := pin_problem(exit_pin, args.lang)) is not None:
        # Said now: the kiosk would otherwise start with an exit nobody can type.
        option = f"--exit-pin / {PIN_VARIABLE}"
        fail([CLI(args.lang, "pin_unusable", option=option, problem=problem)])
    if wants_plain(args, os.environ, sys.stdout):
        return _run_plain(args, argv, answers)
    options = TuiOptions(
        flow=args.flow,
        lang=args.lang,
        lang_given=any(a == "--lang" or a.startswith("--lang=") for a in argv),
        as_of=args.as_of,
        kiosk=args.kiosk,
        ephemeral=args.ephemeral,
        served=bool(os.environ.get(SERVED_VARIABLE)),
        advisor=args.advisor,
        resume=args.resume,
        answers=answers,
        answers_file=args.answers,
        idle_seconds=args.idle_seconds,
        countdown_seconds=args.countdown_seconds,
        exit_pin=exit_pin,
    )
    from alternance_tui.tui.app import run

    return run(options)


def wants_plain(args: argparse.Namespace, environ: Mapping[str, str], stdout: TextIO) -> bool:
    """``--plain``, or no ``--tui`` and a terminal that cannot take the full-screen
    app: TERM=dumb, or an output that is not a terminal at all (a pipe, a file).
    Never for a browser's session (its output is textual-serve's pipe) nor for
    advisor mode, which has no plain lines."""
    if args.plain:
        return True
    if args.tui or args.advisor or environ.get(SERVED_VARIABLE) or environ.get("TEXTUAL_DRIVER"):
        return False
    try:
        terminal = stdout.isatty()
    except (AttributeError, ValueError):  # closed, or no stream at all
        terminal = False
    return environ.get("TERM") == "dumb" or not terminal


def _run_plain(args: argparse.Namespace, argv: Sequence[str], answers: dict[str, Any]) -> int:
    from alternance_tui.wording.catalogue.plain import PLAIN

    if args.advisor:
        fail([PLAIN(args.lang, "no_advisor")])
    if args.exit_pin:
        fail([PLAIN(args.lang, "no_exit_pin")])
    from alternance_tui.plain.options import PlainOptions
    from alternance_tui.plain.run import CannotStart, run_plain

    options = PlainOptions(
        flow=args.flow,
        lang=args.lang,
        lang_given=any(a == "--lang" or a.startswith("--lang=") for a in argv),
        as_of=args.as_of,
        kiosk=args.kiosk,
        ephemeral=args.ephemeral,
        resume=args.resume,
        answers=answers,
        answers_file=args.answers,
        color=args.color,
        idle_seconds=args.idle_seconds,
        countdown_seconds=args.countdown_seconds,
    )
    try:
        return run_plain(options)
    except CannotStart as exc:
        fail(exc.lines)
