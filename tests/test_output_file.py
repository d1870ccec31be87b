"""Writing the file a person names: what `> FILE` does, atomic for regular files,
never a device or a link replaced by a regular file, every failure an error."""

from __future__ import annotations

import errno
import os
import select
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.nodes import FULL, char_device, fifo, within

from alternance_tui.files.output_file import OutputError, write_output

NULL = (1, 3)


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _refused(path: Path) -> OutputError:
    with pytest.raises(OutputError) as caught:
        within(5, lambda: write_output(path, "hello"))
    return caught.value


def test_a_new_file_gets_the_umasks_permissions(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "handout.html"
    write_output(target, "<p>é</p>")
    assert target.read_text(encoding="utf-8") == "<p>é</p>"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # not 0600: it is for sharing


def test_an_existing_file_is_replaced_whole_and_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "handout.html"
    target.write_text("old, and longer than the new text", encoding="utf-8")
    target.chmod(0o640)
    before = target.stat().st_ino
    write_output(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.stat().st_ino != before  # renamed over: no reader saw half a file
    assert [p.name for p in tmp_path.iterdir()] == ["handout.html"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "handout.html"
    target.write_text("old", encoding="utf-8")

    def disk_full(handle: int, data: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", disk_full)
    assert _refused(target).detail == os.strerror(errno.ENOSPC)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["handout.html"]


def test_a_link_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.html"
    real.write_text("old", encoding="utf-8")
    real.chmod(0o604)
    link = tmp_path / "link.html"
    link.symlink_to(real.name)
    write_output(link, "new")
    assert link.is_symlink() and link.readlink() == Path("real.html")
    assert real.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o604
    dangling = tmp_path / "dangling.html"
    dangling.symlink_to("made-by-the-write.html")
    write_output(dangling, "made")
    assert (tmp_path / "made-by-the-write.html").read_text(encoding="utf-8") == "made"
    assert dangling.is_symlink()


def test_a_full_device_is_an_error_and_stays_a_device(tmp_path: Path) -> None:
    full = char_device(tmp_path / "full", FULL)
    refused = _refused(full)
    assert (refused.reason, refused.detail) == ("failed", os.strerror(errno.ENOSPC))
    assert stat.S_ISCHR(full.stat().st_mode)


def test_a_device_and_a_link_to_it_are_written_through(tmp_path: Path) -> None:
    null = char_device(tmp_path / "null", NULL)
    link = tmp_path / "stdout"  # as /dev/stdout is a link
    link.symlink_to(null)
    write_output(null, "gone")
    write_output(link, "gone")
    assert stat.S_ISCHR(null.stat().st_mode) and link.is_symlink()


def test_a_pipe_is_written_through_when_read_and_refused_when_not(tmp_path: Path) -> None:
    pipe = fifo(tmp_path / "pipe")
    assert _refused(pipe).reason == "no_reader"
    received: list[bytes] = []
    ready = threading.Event()

    def reader() -> None:
        handle = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)
        ready.set()
        chunks: list[bytes] = []
        # Until the writer has come and gone: before it opens, a read says "end" too.
        while select.select([handle], [], [], 5)[0]:
            chunk = os.read(handle, 65536)
            if not chunk and chunks:
                break
            chunks.append(chunk)
            if not chunk:
                time.sleep(0.01)
        received.append(b"".join(chunks))
        os.close(handle)

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    ready.wait(5)
    big = "x" * 300_000  # more than a pipe holds: the writer waits for the reader
    within(10, lambda: write_output(pipe, big))
    thread.join(5)
    assert received == [big.encode()]
    assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_a_folder_or_a_disk_is_refused(tmp_path: Path) -> None:
    assert _refused(tmp_path).reason == "folder"
    disk = tmp_path / "disk"
    try:
        os.mknod(disk, stat.S_IFBLK | 0o600, os.makedev(7, 0))
    except PermissionError:
        pytest.skip("making a device node needs root")
    assert _refused(disk).reason == "refused"
    assert stat.S_ISBLK(disk.stat().st_mode)


def test_a_path_through_a_file_says_why(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    assert _refused(blocker / "handout.html").detail == os.strerror(errno.ENOTDIR)
