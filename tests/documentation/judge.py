"""What is wrong with a shell block, said so that the writer who meets it knows
which block, which command, and what to do: fix it, give it the file it needs
in a block before, or mark it (blocks.py; docs/architecture.md, "Writing docs")."""

from __future__ import annotations

import io
import re
import textwrap
from contextlib import redirect_stderr, redirect_stdout

from .blocks import MARKS_HELP, WRITING_DOCS, Block, alternance_calls, commands
from .project import ROOT, TIMEOUT, Outcome

TAIL = 1500  # characters of standard error quoted in a message


def _quoted(text: str) -> str:
    text = text.strip()
    if len(text) > TAIL:
        text = "…" + text[-TAIL:]
    return textwrap.indent(text or "(nothing)", "      ")


def _command_at(block: Block, line: int | None) -> str:
    found = [c for c in commands(block.text) if line is None or c[0] <= line]
    return found[-1][1] if found else block.first_line()


def outcome_problem(block: Block, outcome: Outcome) -> str | None:
    """None when the block ran as its mark says; otherwise the message."""
    cmds = commands(block.text)
    expected = int(block.mark.detail) if block.mark and block.mark.kind == "exits" else 0
    line = outcome.line if outcome.line is not None else (cmds[-1][0] if cmds else 1)
    where = f"{block.page}:{block.line + line}"
    command = _command_at(block, outcome.line)
    from alternance_tui.cli.parsers import SUBCOMMANDS

    # The interview, at a reader's terminal: here, with its output in a file, it
    # asks in plain lines and ends at once on the empty input, so it is found by
    # its command line too (what only prints help or lines is left to run).
    starters = [
        f"`{text}` ({block.page}:{block.line + at})"
        for at, text in cmds
        for args in alternance_calls(text)
        if (not args or args[0] not in SUBCOMMANDS)
        and not {"--plain", "--help", "-h", "--version"} & set(args)
    ]
    # (Not found at all, status 127: that is said first, with how to fix it.)
    if outcome.stopped == "full screen" or (starters and outcome.status != 127):
        return (
            f"{block.where}: the block starts a full-screen app (the interview), which this "
            f"test cannot answer: {', '.join(starters) or 'one of its commands'}. Put the "
            "commands that start the app or a server in a block of their own, marked on the "
            "line before its fence:\n"
            "      <!-- not run: it starts the interview -->\n"
            f"    (see {WRITING_DOCS})"
        )
    if outcome.stopped == "timeout":
        return (
            f"{block.where}: the block was still running after {TIMEOUT:.0f} s. "
            "If it starts a server or waits for input, mark it "
            "<!-- not run: it starts a server -->; otherwise make it shorter.\n"
            f"    standard error:\n{_quoted(outcome.stderr)}"
        )
    last_command = cmds[-1][0] if cmds else 1
    ended_at_last = outcome.line is None or outcome.line >= last_command
    if outcome.status == expected and (expected == 0 or ended_at_last):
        if "Traceback (most recent call last)" in outcome.stderr:
            return (
                f"{block.where}: a traceback on standard error (the app never shows one; "
                f"this is a bug to fix in the program, not in the page):\n{_quoted(outcome.stderr)}"
            )
        return None
    # The ERR trap names the command that failed; a block may also end on `exit N`.
    said = f"{'ended' if outcome.line is None else 'failed'} with status {outcome.status}"
    if expected and outcome.status == expected and not ended_at_last:
        said += f", before the last command (the mark <!-- exits {expected} --> is for the last)"
    elif expected:
        said += f" (the mark says the block ends with {expected})"
    return (
        f"{where}: `{command}` {said}. It runs as written, with the blocks before it on "
        f"the page, in a fresh copy of the project (block at {block.where}).\n"
        f"    standard error:\n{_quoted(outcome.stderr)}\n{_hint(command, outcome)}"
        "    Fix the command or the page: a file the command needs (me.json, a session) is "
        "made in a block before it, which the reader follows too. Or, if it cannot run "
        "here, " + MARKS_HELP
    )


def _hint(command: str, outcome: Outcome) -> str:
    """Issue 26, item 1: after the quick start `alternance` is in .venv/bin, on
    no PATH; a page that calls it bare must say how it gets there."""
    if outcome.status != 127 or not alternance_calls(command):
        return ""
    return (
        "    After the quick start, `alternance` is .venv/bin/alternance, on no PATH: "
        "activate the venv in a block before (`. .venv/bin/activate`, which the reader "
        "types too) or write `.venv/bin/alternance`.\n"
    )


def parse_problem(args: list[str]) -> str | None:
    """What the real parsers say about `alternance ARGS`, if they refuse it."""
    from alternance_tui.cli.main import subcommand_parser
    from alternance_tui.cli.parsers import SUBCOMMANDS, _tui_parser

    parser = subcommand_parser() if args and args[0] in SUBCOMMANDS else _tui_parser("en")
    err = io.StringIO()
    with redirect_stderr(err), redirect_stdout(io.StringIO()):
        try:
            parser.parse_args(args)
        except SystemExit as exc:
            if exc.code not in (0, None):
                return err.getvalue().strip() or f"exit {exc.code}"
    return None


def not_run_problems(block: Block) -> list[str]:
    """A block not run still names real options: each `alternance` command in it
    is read by the program's own parsers (nothing is run)."""
    problems = []
    for line, command in commands(block.text):
        for args in alternance_calls(command):
            if (problem := parse_problem(args)) is not None:
                problems.append(
                    f"{block.page}:{block.line + line}: `{command}` (in a block not run) is "
                    f"refused by the command line: {problem}"
                )
    return problems


def same_as_problems(block: Block) -> list[str]:
    assert block.mark is not None
    path = ROOT / block.mark.detail
    if not path.is_file():
        return [f"{block.where}: <!-- same as {block.mark.detail} -->: no such file"]
    shown = [c for _, c in commands(block.text)]
    real = [c for _, c in commands(path.read_text(encoding="utf-8"))]
    if shown == real:
        return []
    first = next(
        (i for i, (a, b) in enumerate(zip(shown, real, strict=False)) if a != b),
        min(len(shown), len(real)),
    )
    return [
        f"{block.where}: the block's commands differ from {block.mark.detail} (comments "
        f"aside), from command {first + 1}:\n      page: "
        f"{shown[first] if first < len(shown) else '(nothing)'}\n      file: "
        f"{real[first] if first < len(real) else '(nothing)'}\n"
        "    Copy the file's commands into the block again."
    ]


# A command named in a sentence: `alternance …` in a code span, outside the blocks.
INLINE = re.compile(r"(?<!`)`([^`]*\balternance(?: [^`]*)?)`(?!`)")
FENCED = re.compile(r"^\s*(```|~~~).*?^\s*\1[`~]*\s*$", re.MULTILINE | re.DOTALL)


def inline_problems(page: str, text: str) -> list[str]:
    """Commands named in the text (`alternance serve --kiosk`) use real subcommands
    and options. A span may name a command without its arguments (`alternance
    sessions show`), and `…` stands for the rest."""
    text = FENCED.sub(lambda m: "\n" * m[0].count("\n"), text)
    problems = []
    for match in INLINE.finditer(text):
        span = " ".join(match[1].split())
        for args in alternance_calls(span):
            shown = [a for a in args if a not in ("…", "...")]
            problem = parse_problem(shown)
            if problem is None or "the following arguments are required" in problem:
                continue
            line = text.count("\n", 0, match.start()) + 1
            problems.append(
                f"{page}:{line}: `{span}` is refused by the command line: {problem}. Write the "
                'command as the program takes it (see docs/contract.md, "Commands").'
            )
    return problems
