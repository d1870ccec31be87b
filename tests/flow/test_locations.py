"""Messages name the line a key is on: every key of the shipped data files, and of
TOML written in less common ways, is found on the line that names it."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from alternance_tui.flow.files import parse_toml_bytes
from alternance_tui.flow.problems import format_path
from alternance_tui.flow.toml_lines import key_lines, line_of

from .conftest import BIKE, SHIPPED

DATA_FILES = [*sorted(SHIPPED.parent.glob("*.toml")), BIKE]


def _key_paths(node: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            found.append((*path, key))
            found += _key_paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _key_paths(value, (*path, index))
    return found


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_every_key_of_the_shipped_files_is_on_its_line(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = key_lines(text)
    source = text.splitlines()
    for key_path in _key_paths(tomllib.loads(text)):
        line = lines.get(key_path)
        assert line is not None, format_path(key_path)
        assert str(key_path[-1]) in source[line - 1], (format_path(key_path), line)


TRICKY = '''\
# [[questions]] in a comment is not a table
"quoted key" = 1
dotted.inner.key = "x"
text = """
[[questions]]
id = "not a real key"
"""
literal = \'\'\'a ' quote\'\'\'

[[questions]]
id = "first"
next = [
  { when = "a == 'b'", goto = "x" },  # a comment, with ] and }
  { goto = "y" },
]

[[questions]]
id = "second"
[questions.extra]
deep = { a = { b = 2 } }
[[questions.choices]]
id = "c1"
[[questions.choices]]
id = "c2"
'''


@pytest.mark.parametrize(
    ("key_path", "line"),
    [
        (("quoted key",), 2),
        (("dotted", "inner", "key"), 3),
        (("text",), 4),
        (("literal",), 8),
        (("questions", 0), 10),
        (("questions", 0, "id"), 11),
        (("questions", 0, "next", 0, "when"), 13),
        (("questions", 0, "next", 1), 14),
        (("questions", 0, "next", 1, "goto"), 14),
        (("questions", 1, "id"), 18),
        (("questions", 1, "extra", "deep", "a", "b"), 20),
        (("questions", 1, "choices"), 21),
        (("questions", 1, "choices", 1, "id"), 24),
    ],
)
def test_keys_written_in_less_common_ways_are_found(
    key_path: tuple[str | int, ...], line: int
) -> None:
    assert tomllib.loads(TRICKY)  # the document is valid TOML
    assert line_of(key_lines(TRICKY), key_path) == line


def test_a_key_that_is_missing_points_at_its_table() -> None:
    # questions[2].prompt is not in the file: the message names [[questions]] #2.
    assert line_of(key_lines(TRICKY), ("questions", 1, "prompt")) == 17


def test_the_scanner_gives_up_quietly_on_what_it_cannot_follow() -> None:
    for text in ['a = "unclosed\n', "[[", "= 1", "a = [1, 2", "x = {", "\x00"]:
        key_lines(text)  # no exception


def test_a_byte_order_mark_and_windows_line_ends_are_read() -> None:
    raw = '\ufeffid = "x"\r\ntitle = { en = "T" }\r\n'.encode()
    data, text, problems = parse_toml_bytes(raw, "bom.toml")
    assert problems == []
    assert data == {"id": "x", "title": {"en": "T"}}
    assert key_lines(text)[("title",)] == 2
