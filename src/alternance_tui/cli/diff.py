"""`alternance diff`: what a change of the rules changes, profile by profile (two
dates and/or two copies of the flows folder); exit 0 when nothing changed, 1
when something did, 2 on bad input."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from alternance_tui.cli.output import EXIT_OK, EXIT_PROBLEMS, fail, load_bundle_or_exit
from alternance_tui.cli.parsers import parse_date
from alternance_tui.wording.catalogue.cli import CLI


def add_parser(subs: Any, lang: str) -> None:
    dif = subs.add_parser(
        "diff",
        help="what a change of the rules changes, profile by profile",
        description="Compares two states of the rules: two dates (--as-of-old, --as-of-new) "
        "and/or two copies of the flows folder (--flow-old, --flow-new). Lists every distinct "
        "profile whose recommendation changed, for each contract and course: who can get it "
        "(the answers its rules read) and what it pays (the answers its pay reads), each shown "
        "by the answers the change depends on (the JSON adds a whole set of answers to replay "
        "with `recommend`); exit 0 if none, 1 if some, 2 on bad input.",
    )
    dif.add_argument(
        "--as-of-old",
        type=parse_date,
        metavar="YYYY-MM-DD",
        help="the date of the rules before (with --as-of-new)",
    )
    dif.add_argument(
        "--as-of-new",
        type=parse_date,
        metavar="YYYY-MM-DD",
        help="the date of the rules after (with --as-of-old)",
    )
    dif.add_argument(
        "--flow-old",
        type=Path,
        metavar="PATH",
        help="the flow before: a flow file or a folder (a copy made before the edit, e.g. "
        "cp -r flows flows-before)",
    )
    dif.add_argument(
        "--flow-new", type=Path, metavar="PATH", help="the flow after: a flow file or a folder"
    )
    dif.add_argument(
        "--as-of", type=parse_date, metavar="YYYY-MM-DD", help="the date for both (default: today)"
    )
    dif.add_argument("--flow", type=Path, metavar="PATH", help="the flow for both sides")
    dif.add_argument(
        "--lang", choices=("fr", "en"), default=lang, help=f"language (default: {lang})"
    )
    dif.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text, or json for a spreadsheet or a script (default: text)",
    )
    dif.add_argument("--all", action="store_true", help="list every changed profile")


def _flow_file(path: Path | None, option: str, lang: str) -> Path | None:
    """A flow file, or a folder holding the shipped flow's file name."""
    from alternance_tui.files.paths import default_flow_path

    if path is None:
        return None
    if path.is_dir():
        path = path / default_flow_path().name
    if path.exists() and not path.is_file():
        fail([CLI(lang, "flow_not_regular", option=option, path=path)])
    if not path.is_file():
        # The usual slip: comparing with a copy of the flows that was never made.
        hint = CLI(lang, "flow_old_hint") if option == "--flow-old" else ""
        fail([CLI(lang, "no_flow_file", option=option, path=path) + hint])
    return path


def cmd_diff(args: argparse.Namespace) -> int:
    from alternance_tui.advice.diff.run import Side, diff
    from alternance_tui.advice.engine import Engine
    from alternance_tui.advice.render.diff import diff_json_text, diff_text

    lang = args.lang
    pairs = (
        ("--as-of-old", args.as_of_old, "--as-of-new", args.as_of_new),
        ("--flow-old", args.flow_old, "--flow-new", args.flow_new),
    )
    for old_name, old, new_name, new in pairs:
        if (old is None) != (new is None):
            fail([CLI(lang, "diff_pair", old=old_name, new=new_name)])
    if args.as_of_old is None and args.flow_old is None:
        fail([CLI(lang, "diff_needs_two")])
    today = args.as_of or dt.date.today()
    dates = (args.as_of_old or today, args.as_of_new or today)
    paths = (
        _flow_file(args.flow_old, "--flow-old", lang) or _flow_file(args.flow, "--flow", lang),
        _flow_file(args.flow_new, "--flow-new", lang) or _flow_file(args.flow, "--flow", lang),
    )
    old_bundle = load_bundle_or_exit(paths[0])
    new_bundle = old_bundle if paths[0] == paths[1] else load_bundle_or_exit(paths[1])
    # One engine per state of the rules, built once (compiling is most of a first call).
    old_engine = Engine(old_bundle)
    new_engine = old_engine if new_bundle is old_bundle else Engine(new_bundle)
    for day, engine, option in (
        (dates[0], old_engine, "--as-of-old"),
        (dates[1], new_engine, "--as-of-new"),
    ):
        known_from = engine.bundle.rates_known_from
        if known_from is not None and day < known_from:
            date = known_from.isoformat()
            fail([CLI(lang, "rates_unknown_before", option=option, date=date)])

    def label(day: dt.date, path: Path | None) -> str:
        return day.isoformat() + (f" ({path})" if args.flow_old is not None else "")

    result = diff(
        Side(old_engine, dates[0], label(dates[0], paths[0])),
        Side(new_engine, dates[1], label(dates[1], paths[1])),
        args.lang,
    )
    from alternance_tui.files.printable import printable_document

    # Labels come from the flow files: escaped, as in every output.
    if args.format == "json":
        sys.stdout.write(printable_document(diff_json_text(result), json=True))
    else:
        sys.stdout.write(printable_document(diff_text(result, args.lang, every=args.all)))
    return EXIT_PROBLEMS if result.changed else EXIT_OK
