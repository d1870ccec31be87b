"""Reading TOML data files safely, and turning pydantic errors into plain words."""

from __future__ import annotations

import difflib
import math
import re
import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alternance_tui.files.input_file import ReadRefused, read_bounded
from alternance_tui.flow.gcpause import paused_gc
from alternance_tui.flow.problems import KeyPath, Problem
from alternance_tui.flow.toml_lines import key_lines, line_of

if TYPE_CHECKING:
    from pydantic import ValidationError

MAX_FILE_BYTES = 1024 * 1024
# The patterns of schema.LanguageCode and schema.ChoiceId (kept here so that
# reading a file does not import the schema), to word their errors.
LANGUAGE_PATTERN = r"^[a-z]{2,3}$"
CHOICE_ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_END = re.compile(r"\s*\(at end of document\)$")


def display_name(path: Path) -> str:
    """The path as a person typed it, relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a loop of links
        return str(path)


def read_toml(path: Path) -> tuple[dict[str, Any] | None, str, list[Problem]]:
    """The parsed document, its text, and the problems that stopped reading it."""
    name = display_name(path)

    def refuse(message: str) -> tuple[None, str, list[Problem]]:
        return None, "", [Problem(name, message)]

    try:
        # Regular files only, and never more than the limit: a pipe would wait
        # for ever, a device such as /dev/zero never end.
        raw = read_bounded(path, MAX_FILE_BYTES)
    except ReadRefused as exc:
        if exc.reason == "folder":
            return refuse("is a folder, not a TOML file")
        if exc.reason == "not_regular":
            return refuse("is not a regular file (a device or a pipe?), not a TOML file")
        if exc.reason == "missing":
            return refuse("no such file")
        if exc.reason == "too_large":
            return refuse(
                f"the file is too large ({exc.size / 1024 / 1024:.1f} MiB); "
                f"data files are limited to {MAX_FILE_BYTES // 1024 // 1024} MiB"
            )
        return refuse(f"cannot read the file: {exc.detail}")
    return parse_toml_bytes(raw, name)


def parse_toml_bytes(raw: bytes, name: str) -> tuple[dict[str, Any] | None, str, list[Problem]]:
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        return None, "", [Problem(name, "the file holds binary data, not TOML text", line=line)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return (
            None,
            "",
            [
                Problem(
                    name,
                    f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x}); save it as UTF-8",
                    line=line,
                )
            ],
        )
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        return (
            None,
            text,
            [
                Problem(
                    name,
                    "the file is empty: it needs at least an id, a title, "
                    "languages, questions and outcomes (see README)",
                )
            ],
        )
    try:
        with paused_gc():
            data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        error_line: int | None = None
        if match := _TOML_POSITION.search(message):
            error_line = int(match.group(1))
            message = message[: match.start()] + f" (column {match.group(2)})"
        elif _TOML_END.search(message):
            # The last line with something on it: what an editor shows as the end.
            error_line = text.rstrip().count("\n") + 1
            message = _TOML_END.sub(" (at the end of the file)", message)
        return (
            None,
            text,
            [Problem(name, f"TOML syntax error: {_lower_first(message)}", line=error_line)],
        )
    except RecursionError:
        return None, text, [Problem(name, "the file nests tables or arrays too deeply to read")]
    unusable = [Problem(name, message, path) for path, message in _unusable_numbers(data)]
    if unusable:
        return None, text, sorted(located(unusable, text), key=lambda p: p.line or 0)
    return data, text, []


# TOML integers are 64-bit; tomllib reads longer ones, which no float can hold.
_INTEGERS = range(-(2**63), 2**63)


def _unusable_numbers(data: dict[str, Any]) -> list[tuple[KeyPath, str]]:
    """The numbers no bound, rate or percentage can be: nan and inf (which TOML
    allows, and which compare false with everything, so a bound of nan lets any
    answer through) and integers too long for a float. Anywhere in the file."""
    found: list[tuple[KeyPath, str]] = []
    # A stack, not recursion: tomllib reads nesting deeper than a walk could follow.
    stack: list[tuple[KeyPath, object]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            stack.extend(((*path, key), item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend(((*path, index), item) for index, item in enumerate(value))
        elif isinstance(value, float) and not math.isfinite(value):
            found.append((path, f"must be a finite number, not {value}"))
        elif isinstance(value, int) and value not in _INTEGERS:
            found.append((path, "is too large a number (TOML integers are at most 2^63 - 1)"))
    return found


def _lower_first(message: str) -> str:
    return message[:1].lower() + message[1:]


def located(problems: Iterable[Problem], text: str) -> list[Problem]:
    """The problems with the line each key path starts on, where it can be found."""
    problems = list(problems)
    if not text or all(p.line is not None or not p.path for p in problems):
        return problems
    lines = key_lines(text)
    return [
        p
        if p.line is not None or not p.path
        else Problem(p.file, p.message, p.path, line_of(lines, p.path), p.severity)
        for p in problems
    ]


_KIND_NAMES = {
    "string_type": "text in quotes",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "a list [ ... ]",
    "dict_type": "a table { ... }",
    "model_type": "a table { ... }",
    "date_type": "a date (2026-01-01)",
}


_BOUND_WORDS = {
    "greater_than": ("greater than", "gt"),
    "greater_than_equal": ("at least", "ge"),
    "less_than": ("less than", "lt"),
    "less_than_equal": ("at most", "le"),
}


def _type_name(value: object) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (yes/no)"
    if isinstance(value, str):
        return f'the text "{value[:40]}"'
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def schema_problems(
    error: ValidationError,
    name: str,
    known_keys: Sequence[str],
    union_tags: frozenset[str] = frozenset(),
) -> list[Problem]:
    """One plain-words problem per pydantic error.

    ``union_tags`` are the names pydantic puts in locations for the member of a
    tagged union it tried; they are not keys of the file, so they are left out.
    """
    problems: list[Problem] = []
    errors = error.errors()
    # A misspelt key gives two errors: the unknown key, and the missing one it
    # stands for. The first says it all ("did you mean ...?"), so the second goes.
    suggested: set[tuple[str | int, ...]] = set()
    for item in errors:
        if item["type"] == "extra_forbidden" and item["loc"]:
            close = difflib.get_close_matches(str(item["loc"][-1]), known_keys, n=1)
            if close:
                suggested.add((*item["loc"][:-1], close[0]))
    for item in errors:
        if item["type"] == "missing" and tuple(item["loc"]) in suggested:
            continue
        # "[key]" marks an error in a table's key (a language code, an id) itself.
        in_key = bool(item["loc"]) and item["loc"][-1] == "[key]"
        path = tuple(
            p
            for p in item["loc"]
            if isinstance(p, int) or (isinstance(p, str) and p not in union_tags and p != "[key]")
        )
        kind = item["type"]
        value = item.get("input")
        key = str(path[-1]) if path else ""
        pattern = str(item.get("ctx", {}).get("pattern", ""))
        if kind == "extra_forbidden":
            close = difflib.get_close_matches(key, known_keys, n=1)
            hint = f'; did you mean "{close[0]}"?' if close else ""
            message = f'unknown key "{key}"{hint}'
        elif kind == "missing":
            message = f'missing key "{key}"'
        elif kind == "string_pattern_mismatch" and pattern == LANGUAGE_PATTERN:
            message = f'"{value}" is not a language code such as "fr" or "en"'
            if in_key:
                message += '; texts are written { fr = "...", en = "..." }'
        elif kind == "string_pattern_mismatch" and pattern == CHOICE_ID_PATTERN:
            message = (
                f'"{value}" is not a valid choice id: use lowercase letters, digits, _ and - '
                "(starting with a letter or a digit)"
            )
        elif kind in _KIND_NAMES:
            message = f"expected {_KIND_NAMES[kind]}, found {_type_name(value)}"
        elif kind == "string_pattern_mismatch":
            message = (
                f'"{value}" is not a valid id: use lowercase letters, digits and _ '
                "(starting with a letter or _)"
            )
        elif kind == "literal_error":
            expected = item.get("ctx", {}).get("expected", "")
            message = f"{_type_name(value)} is not allowed here; expected one of {expected}"
        elif kind == "too_short":
            message = "must not be empty"
        elif kind == "string_too_long":
            message = f"is too long (at most {item.get('ctx', {}).get('max_length')} characters)"
        elif kind == "finite_number":
            message = "must be a finite number"
        elif kind in _BOUND_WORDS:
            words, bound_key = _BOUND_WORDS[kind]
            bound = item.get("ctx", {}).get(bound_key)
            shown = f"{bound:g}" if isinstance(bound, int | float) else bound
            message = f"must be {words} {shown}, not {value}"
        else:
            message = _lower_first(str(item["msg"]))
        problems.append(Problem(name, message, path))
    return problems
