"""``alternance`` with no subcommand: the interview, in the terminal (or in a
browser tab's process, started by serve/forkserver.py). Apart from
cli/main.py so that a served session imports neither the subcommands nor
``serve`` itself."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

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
