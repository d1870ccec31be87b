"""Issue 26, items 5 and 6: docs/contract.md names every command and option that
`--help` shows, and every one of them has a help text. The parsers are walked
as the program builds them (cli/parsers.py's _tui_parser, cli/main.py's
subcommand_parser), so an option added there and not here fails at once."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from alternance_tui.cli.main import subcommand_parser
from alternance_tui.cli.parsers import _tui_parser

from .project import ROOT

CONTRACT = "docs/contract.md"
HEADING = re.compile(r"^(#{2,6})\s+(.*?)\s*$")


@dataclass(frozen=True)
class Command:
    path: str  # "alternance sessions export"
    parser: argparse.ArgumentParser
    help: str | None  # what the parent's list says of it (None for the top)


def _commands() -> Iterator[Command]:
    yield Command("alternance", _tui_parser("en"), None)
    pending = [("alternance", subcommand_parser())]
    while pending:
        path, parser = pending.pop(0)
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                helps = {a.dest: a.help for a in action._choices_actions}
                for name, sub in action.choices.items():
                    yield Command(f"{path} {name}", sub, helps.get(name))
                    pending.append((f"{path} {name}", sub))


def _arguments(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [
        a
        for a in parser._actions
        if not isinstance(a, argparse._HelpAction | argparse._SubParsersAction)
    ]


COMMANDS = [c for c in _commands() if _arguments(c.parser) or not c.parser._subparsers]


def _sections() -> dict[str, str]:
    """Each heading's text (code marks removed) -> its section, down to the next
    heading of the same level or above."""
    lines = (ROOT / CONTRACT).read_text(encoding="utf-8").splitlines()
    found: dict[str, str] = {}
    for index, line in enumerate(lines):
        if not (match := HEADING.match(line)):
            continue
        level = len(match[1])
        end = next(
            (
                j
                for j in range(index + 1, len(lines))
                if (m := HEADING.match(lines[j])) and len(m[1]) <= level
            ),
            len(lines),
        )
        found[match[2].replace("`", "")] = "\n".join(lines[index + 1 : end])
    return found


def _missing(section: str, action: argparse.Action) -> list[str]:
    """What of ``action`` the section does not name: its option strings (each as
    code: `--format ...`), a positional's name, every choice."""
    missing = [
        option
        for option in action.option_strings
        if not re.search(rf"`{re.escape(option)}(?=[\s=`\[])", section)
    ]
    if not action.option_strings:
        name = action.metavar if isinstance(action.metavar, str) else None
        if name and not re.search(rf"`{re.escape(name)}\b", section):
            missing.append(name)
    words = " ".join(re.findall(r"`([^`]*)`", section))
    missing += [
        f"{action.option_strings[0] if action.option_strings else action.dest} {choice}"
        for choice in (action.choices or ())
        if not re.search(rf"(?<![\w-]){re.escape(str(choice))}(?![\w-])", words)
    ]
    return missing


def test_every_command_is_walked() -> None:
    paths = {c.path for c in COMMANDS}
    assert {"alternance", "alternance recommend", "alternance serve"} <= paths
    assert {"alternance sessions export", "alternance sessions repair"} <= paths
    assert "alternance sessions" not in paths  # nothing of its own: its actions are listed


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.path)
def test_the_contract_names_every_option(command: Command) -> None:
    sections = _sections()
    if command.path not in sections:
        options = ", ".join(
            a.option_strings[0] if a.option_strings else str(a.metavar or a.dest)
            for a in _arguments(command.parser)
        )
        pytest.fail(
            f"{CONTRACT}: no section for `{command.path}`: add a heading "
            f"'### `{command.path}`' in '## Commands', with what it does and a line "
            f"per option ({options or 'it has none'}): `--option VALUE`: what it does."
        )
    section = sections[command.path]
    missing = [m for a in _arguments(command.parser) for m in _missing(section, a)]
    assert not missing, (
        f"{CONTRACT}, section `{command.path}`: not named: {', '.join(missing)}. Add a "
        "line per option, the option as code with its values (`--format text|json`): what "
        "it does, its default."
    )


@pytest.mark.parametrize("command", list(_commands()), ids=lambda c: c.path)
def test_every_option_has_a_help_text(command: Command) -> None:
    """`alternance graph -h` listed --flow, --format and --lang with no word on them."""
    silent = [
        a.option_strings[0] if a.option_strings else str(a.metavar or a.dest)
        for a in _arguments(command.parser)
        if not (a.help or "").strip() or a.help == argparse.SUPPRESS
    ]
    if command.path != "alternance" and not (command.help or "").strip():
        silent.append("the command itself (help= in its add_parser)")
    assert not silent, f"`{command.path} -h`: no help text for {', '.join(silent)}"


def test_a_missing_option_is_found() -> None:
    """The check above can fail: a section without `--all` misses it."""
    diff = next(c for c in COMMANDS if c.path == "alternance diff")
    section = _sections()["alternance diff"].replace("`--all`", "all")
    every = next(a for a in _arguments(diff.parser) if "--all" in a.option_strings)
    assert _missing(section, every) == ["--all"]
    fmt = next(a for a in _arguments(diff.parser) if "--format" in a.option_strings)
    assert _missing(section.replace("text|json", "text"), fmt) == ["--format json"]
