"""Reading a data file whatever is at the path given: a device, a pipe, a loop of
links, a missing file. A clear message naming the path, never a hang or a crash."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from alternance_tui.flow.files import MAX_FILE_BYTES, read_toml
from alternance_tui.flow.load import check_flow_file


def _refusal(path: Path) -> str:
    data, _, problems = read_toml(path)
    assert data is None
    assert len(problems) == 1
    return str(problems[0])


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_an_endless_device_is_refused_at_once() -> None:
    assert "/dev/zero: is not a regular file" in _refusal(Path("/dev/zero"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    pipe = tmp_path / "flow.toml"
    os.mkfifo(pipe)
    result: list[str] = []
    reader = threading.Thread(target=lambda: result.append(_refusal(pipe)), daemon=True)
    reader.start()
    reader.join(timeout=10)
    assert result, "reading a pipe hung"
    assert "is not a regular file" in result[0]


def test_a_loop_of_links_is_a_message(tmp_path: Path) -> None:
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    first.symlink_to(second)
    second.symlink_to(first)
    assert "cannot read the file" in _refusal(first)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    assert _refusal(tmp_path / "nowhere.toml").endswith("nowhere.toml: no such file")


def test_a_folder_is_not_a_flow(tmp_path: Path) -> None:
    flow, problems = check_flow_file(tmp_path)
    assert flow is None
    assert [p.message for p in problems] == ["is a folder, not a TOML file"]


def test_a_file_growing_past_the_limit_is_never_read_whole(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    big.write_bytes(b"# " + b"x" * (MAX_FILE_BYTES + 10) + b"\n")
    assert "the file is too large (1.0 MiB); data files are limited to 1 MiB" in _refusal(big)


def test_a_file_just_under_the_limit_is_read(tmp_path: Path) -> None:
    body = b'id = "x"\n'
    padding = b"#" * (MAX_FILE_BYTES - len(body) - 1) + b"\n"
    path = tmp_path / "just.toml"
    path.write_bytes(body + padding)
    assert path.stat().st_size == MAX_FILE_BYTES
    data, _, problems = read_toml(path)
    assert problems == []
    assert data == {"id": "x"}
