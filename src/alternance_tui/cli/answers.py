"""Answers from the command line: `--answers FILE` (JSON, a session file, or
standard input, bounded) and repeated `-a id=value`, with a note for each
answer given twice and one line per problem."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alternance_tui.cli.output import tell
from alternance_tui.files.printable import excerpt
from alternance_tui.wording.catalogue.cli import CLI  # a few strings: cheap at start-up

if TYPE_CHECKING:
    from alternance_tui.advice.model import Bundle
    from alternance_tui.files.input_file import Duplicate
    from alternance_tui.flow.cond import Value


class BadInput(Exception):
    """Input a person gave that cannot be used; each line says what and how to fix it."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = list(lines)
        super().__init__("\n".join(self.lines))


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
    name, data, duplicates = read_json_object(source, lang, "--answers")
    # A saved session file is taken as it is: its answers (scenario A).
    return AnswersFile(name, session_answers(data), duplicates)


def read_json_object(
    source: str, lang: str, option: str
) -> tuple[str, dict[str, Any], list[Duplicate]]:
    """(its name as said, the object, the keys it repeats) of the JSON file
    ``source`` given to ``option``; BadInput saying why it cannot be read."""
    from alternance_tui.files.input_file import (
        MAX_BYTES,
        JsonRefused,
        ReadRefused,
        parse_json,
        read_bounded,
        read_stream_bounded,
    )

    name = CLI(lang, "stdin") if source == "-" else source

    def refused(key: str, **values: object) -> BadInput:
        return BadInput([f"{option}: {CLI(lang, key, file=name, **values)}"])

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
    return name, data, document.duplicates


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


def note(line: str, lang: str) -> None:
    tell(f"{CLI(lang, 'note')}: {line}")


def _json_text(value: object) -> str:
    from alternance_tui.flow.answers import json_text

    return json_text(value)


def _shown_json(value: object) -> str:
    return excerpt(_json_text(value))


def session_answers(data: dict[str, Any]) -> dict[str, Any]:
    """A saved session file is taken as it is: its answers (scenario A) are used."""
    from alternance_tui.sessions.store import FORMAT_VERSION

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
