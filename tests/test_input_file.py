"""Reading a named file (answers, sessions, flows): regular files only, bounded,
and JSON that cannot crash the reader."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pytest
from tests.nodes import ZERO, char_device, fifo, within

from alternance_tui.files.input_file import (
    MAX_BYTES,
    Duplicate,
    JsonRefused,
    ReadRefused,
    parse_json,
    read_bounded,
    read_stream_bounded,
)


def _refused(path: Path) -> ReadRefused:
    with pytest.raises(ReadRefused) as caught:
        within(5, lambda: read_bounded(path))
    return caught.value


def test_a_regular_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "me.json"
    path.write_bytes(b'{"age": 20}')
    assert read_bounded(path) == b'{"age": 20}'


def test_a_device_that_never_ends_is_refused_not_read(tmp_path: Path) -> None:
    assert _refused(char_device(tmp_path / "zero", ZERO)).reason == "not_regular"


def test_a_fifo_is_refused_at_once_not_waited_on(tmp_path: Path) -> None:
    assert _refused(fifo(tmp_path / "pipe")).reason == "not_regular"


def test_a_link_to_a_device_is_refused_too(tmp_path: Path) -> None:
    link = tmp_path / "me.json"
    link.symlink_to(char_device(tmp_path / "zero", ZERO))
    assert _refused(link).reason == "not_regular"


def test_a_folder_and_a_missing_file_say_so(tmp_path: Path) -> None:
    assert _refused(tmp_path).reason == "folder"
    assert _refused(tmp_path / "nothing.json").reason == "missing"


def test_a_file_over_the_limit_is_refused_with_its_size(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b" " * (MAX_BYTES + 10))
    refused = _refused(path)
    assert (refused.reason, refused.size) == ("too_large", MAX_BYTES + 10)


def test_standard_input_is_read_up_to_the_limit() -> None:

    assert read_stream_bounded(io.TextIOWrapper(io.BytesIO(b"{}"))) == b"{}"
    endless = io.TextIOWrapper(io.BytesIO(b"\0" * (MAX_BYTES + 1)))
    with pytest.raises(ReadRefused) as caught:
        read_stream_bounded(endless)
    assert caught.value.reason == "too_large"
    assert read_stream_bounded(io.StringIO('{"a": 1}')) == b'{"a": 1}'


def test_json_nested_beyond_any_answer_is_refused_not_a_recursion_error() -> None:
    with pytest.raises(JsonRefused) as caught:
        parse_json(b"[" * 100_000 + b"]" * 100_000)
    assert caught.value.reason == "too_deep"


def test_json_integers_of_any_length_are_read() -> None:
    # Python refuses to make an int of over 4,300 digits; such a number is
    # infinite here, which the range check refuses in words.
    data = parse_json(b'{"a": 1' + b"0" * 399 + b', "b": -' + b"9" * 5000 + b"}").data
    assert data == {"a": 10**399, "b": -math.inf}


def test_json_syntax_errors_say_where() -> None:
    with pytest.raises(JsonRefused) as caught:
        parse_json(b'{\n  "age": 20,\n}')
    assert (caught.value.reason, caught.value.line, caught.value.column) == ("syntax", 3, 1)
    with pytest.raises(JsonRefused) as caught:
        parse_json(b'{"age": "\xff"}')
    assert caught.value.reason == "not_utf8"


def test_keys_given_twice_at_the_top_are_told_with_every_value() -> None:
    document = parse_json(b'{"age": 20, "inner": {"x": 1, "x": 2}, "age": 25, "age": 30}')
    assert document.data == {"age": 30, "inner": {"x": 2}}
    # Only the answers object's own keys: an inner object's are its value's business.
    assert document.duplicates == [Duplicate("age", (20, 25, 30))]


def test_a_name_with_a_null_byte_is_no_file_not_a_value_error(tmp_path: Path) -> None:
    assert _refused(tmp_path / "me.json\0x").reason == "missing"
