"""F6 in a browser writes nothing on the server (issue 23, item 1).

A real `alternance serve` (default options) in Debian's headless Chromium: a
visitor answers, presses F6 and gets the handout as a download from the
browser; no dialog asks for, or shows, a path on the server. Then the visitor
tries the attack that used to work (F6, clear the path, type a server path,
Enter, confirm) and the file must not appear; nothing new is written anywhere
in the server's folders but the flow cache.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
from tests.test_serve_browser import (
    INTERVIEW,
    LAUNCH_ARGS,
    SCREEN_TEXT,
    _chromium,
    _open,
    _wait_for,
    served,
)

__all__ = ["served"]  # the fixture, used by name


def _files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file() and "cache" not in p.relative_to(root).parts}


def test_f6_in_a_browser_is_a_download_and_no_server_file_is_written(
    served: tuple[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is not installed (pip install -e '.[test]')"
    )
    executable = _chromium()
    url, _ = served
    target = tmp_path / "victim.txt"
    target.write_text("the server's own file\n", encoding="utf-8")
    planted = tmp_path / "planted.html"
    profile = tempfile.TemporaryDirectory(prefix="alt-chromium-")
    monkeypatch.setenv("TMPDIR", profile.name)
    before = _files(tmp_path)
    outside: list[str] = []
    problems: list[str] = []
    with profile, sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        try:
            page = _open(browser, url, outside, problems)
            for shown, keys in INTERVIEW:
                _wait_for(page, shown)
                for key in keys:
                    page.keyboard.press(key)
            _wait_for(page, "Apprenticeship")
            # The handout arrives as a download, in a tab the page opens for it:
            # read on its way to the browser (the tab closes once it is saved).
            downloads: list[tuple[dict[str, str], bytes]] = []

            def keep(route: Any) -> None:
                response = route.fetch()
                downloads.append((response.headers, response.body()))
                route.fulfill(response=response)

            page.context.route("**/download/**", keep)
            page.keyboard.press("F6")
            deadline = time.monotonic() + 30
            while not downloads and time.monotonic() < deadline:
                page.wait_for_timeout(100)
            assert downloads, "F6 gave no download"
            [(headers, body)] = downloads
            assert headers["content-disposition"] == "attachment; filename=handout-session-en.html"
            assert headers["content-type"].startswith("text/html")
            text = body.decode("utf-8")
            assert '<html lang="en">' in text and "Apprenticeship" in text
            screen = _wait_for(page, "Handout sent to your browser")
            assert "handout-session-en.html" in screen
            # No dialog, and no path of the server on screen.
            for secret in (str(tmp_path), "/home", "Documents", "/root", "/tmp"):
                assert secret not in screen
            # The old attack: F6, clear the path, a server path, Enter, confirm.
            for keys in (
                ["F6", *["Backspace"] * 80],
                list(str(target)),
                ["Enter", "o", "y", "Enter"],
                ["F6", *["Backspace"] * 80],
                list(str(planted)),
                ["Enter", "o", "y"],
            ):
                for key in keys:
                    page.keyboard.press(key)
            time.sleep(2.0)  # whatever the keys started has had time to finish
            screen = str(page.evaluate(SCREEN_TEXT))
            assert str(tmp_path) not in screen.replace(str(target), "").replace(str(planted), "")
        finally:
            browser.close()
    assert target.read_text(encoding="utf-8") == "the server's own file\n"
    assert not planted.exists()
    assert _files(tmp_path) == before, "the served session wrote a file on the server"
    assert outside == [], "the page asked for something outside this server"
