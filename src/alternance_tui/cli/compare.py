"""`alternance recommend --compare FILE`: scenarios side by side from the command line.

Scenario A is the answers of ``--answers``/``-a``; each ``--compare`` file adds
a scenario: its answers over A's (so a file may hold only what changes). A
saved session with scenarios gives all of its own (A, B, C) at once.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any

from alternance_tui.cli.output import EXIT_OK, refused, write_stdout, write_user_file
from alternance_tui.wording.catalogue.cli import CLI

if TYPE_CHECKING:
    from alternance_tui.advice.model import Bundle
    from alternance_tui.flow.cond import Value

MAX_SCENARIOS = 3


class CompareProblem(Exception):
    """Input that gives no comparison, one line per problem."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        super().__init__("\n".join(lines))


def _read(path: str, lang: str) -> dict[str, Any]:
    """The JSON object in ``path``, read and refused in the words of --answers
    (input_file.py: a regular file or standard input, at most 1 MiB)."""
    from alternance_tui.cli.answers import BadInput, read_json_object

    try:
        return read_json_object(path, lang, "--compare")[1]
    except BadInput as exc:
        raise CompareProblem(exc.lines) from None


def scenario_sets(
    base: dict[str, Any] | None, files: list[str], lang: str = "en"
) -> tuple[dict[str, dict[str, Any]], str]:
    """Every scenario's raw answers by letter, A first; and the session's name
    when the scenarios come from a saved session ("" otherwise)."""
    from alternance_tui.cli.answers import session_answers
    from alternance_tui.wording.catalogue.cli import CLI

    letters = "ABC"
    found: list[dict[str, Any]] = [base] if base is not None else []
    name = ""
    lone_session = ""  # a session file given alone that holds scenario A only
    for path in files:
        data = _read(path, lang)
        scenarios = data.get("scenarios")
        if isinstance(scenarios, dict) and "answers" in data and base is None and not found:
            name = str(data.get("name") or "")
            found.append(session_answers(data))
            found.extend(v for _, v in sorted(scenarios.items()) if isinstance(v, dict))
            lone_session = path if len(found) == 1 else ""
            continue
        answers = session_answers(data)
        found.append({**(found[0] if found else {}), **answers})
    if len(found) < 2:
        if lone_session:
            raise CompareProblem([CLI(lang, "compare_one_scenario", file=lone_session)])
        raise CompareProblem([CLI(lang, "compare_two")])
    if len(found) > MAX_SCENARIOS:
        raise CompareProblem([CLI(lang, "compare_at_most", count=MAX_SCENARIOS)])
    return dict(zip(letters, found, strict=False)), name


def cmd_compare(args: argparse.Namespace, bundle: Bundle, base: dict[str, Value] | None) -> int:
    from alternance_tui.advice.compare import compare
    from alternance_tui.advice.engine import Engine, IncompleteAnswers
    from alternance_tui.advice.pay.base import RatesUnknown
    from alternance_tui.advice.render.compare import render_comparison
    from alternance_tui.flow.answers import parse_answers, to_json

    try:
        raw, name = scenario_sets(
            {k: to_json(v) for k, v in base.items()} if base is not None else None,
            args.compare,
            args.lang,
        )
    except CompareProblem as exc:
        return refused(exc.lines)
    engine = Engine(bundle)
    as_of = args.as_of or dt.date.today()
    recs = {}
    for letter, answers in raw.items():
        parsed, problems = parse_answers(bundle.flow, answers, args.lang)
        if problems:
            return refused(
                [
                    CLI(
                        args.lang,
                        "scenario_problem",
                        letter=letter,
                        question=p.question,
                        message=p.message,
                    )
                    for p in problems
                ]
            )
        try:
            recs[letter] = engine.recommend(parsed, as_of=as_of, lang=args.lang)
        except IncompleteAnswers as exc:
            return refused(
                [
                    CLI(args.lang, "scenario_problem", letter=letter, question=q, message=m)
                    for q, m in zip(exc.missing, exc.messages, strict=True)
                ]
            )
        except RatesUnknown as exc:
            return refused([f"--as-of: {exc}"])
    text = render_comparison(compare(recs, bundle, name=name), args.format)
    if args.output:
        write_user_file(args.output, text, args.lang)
    else:
        write_stdout(text, args.lang)
    return EXIT_OK
