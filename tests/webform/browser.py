"""A real ``alternance web`` process and Debian's Chromium (headless, driven by
Playwright, never a downloaded browser) for the browser tests."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

# The process behind each address web_server started, while it runs (a test may stop one).
RUNNING: dict[str, subprocess.Popen[bytes]] = {}
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# axe's best-practice rules for what a screen reader navigates by: landmarks and headings.
STRUCTURE = [
    "region",
    "landmark-one-main",
    "landmark-unique",
    "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo",
    "page-has-heading-one",
    "heading-order",
    "empty-heading",
]


def chromium() -> str:
    for candidate in (os.environ.get("ALTERNANCE_CHROMIUM"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file():
            return candidate
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip("no Chromium on this machine (Debian: apt-get install chromium; .ci/run does)")
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def web_server(folder: Path, *options: str, secret: str = "s" * 32) -> Iterator[str]:
    """``alternance web`` on a free loopback port, its HOME and data folders in ``folder``."""
    env = {
        **os.environ,
        "HOME": str(folder / "home"),
        "ALTERNANCE_DATA_DIR": str(folder / "data"),
        "ALTERNANCE_CACHE_DIR": str(folder / "cache"),
        "ALTERNANCE_CONFIG_DIR": str(folder / "config"),
        "XDG_DATA_HOME": str(folder / "xdg-data"),
        "XDG_CACHE_HOME": str(folder / "xdg-cache"),
        "XDG_CONFIG_HOME": str(folder / "xdg-config"),
        "ALTERNANCE_WEB_SECRET": secret,
    }
    port = free_port()
    command = [sys.executable, "-m", "alternance_tui", "web", "--port", str(port), *options]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=folder
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"alternance web did not start: {process.stderr.read()!r}")  # type: ignore[union-attr]
                time.sleep(0.1)
        url = f"http://127.0.0.1:{port}/"
        RUNNING[url] = process
        yield url
    finally:
        RUNNING.pop(f"http://127.0.0.1:{port}/", None)
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


@contextmanager
def chromium_browser(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is not installed (pip install -e '.[test]')"
    )
    executable = chromium()
    # A short profile folder of its own: Chromium refuses a socket path over 108 bytes.
    import tempfile

    with tempfile.TemporaryDirectory(prefix="alt-web-chromium-") as profile:
        monkeypatch.setenv("TMPDIR", profile)
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
            try:
                yield browser
            finally:
                browser.close()


def axe_violations(page: Any) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it stands, and its rules on
    landmarks and headings, one line each."""
    axe_module = pytest.importorskip(
        "axe_playwright_python.sync_playwright",
        reason="axe-playwright-python is not installed (pip install -e '.[test]')",
    )
    axe = axe_module.Axe()
    found = []
    for run_only in ({"type": "tag", "values": WCAG}, {"type": "rule", "values": STRUCTURE}):
        results = axe.run(page, options={"runOnly": run_only, "resultTypes": ["violations"]})
        found += [
            f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']]}"
            for v in results.response["violations"]
        ]
    return found


def overflow(page: Any) -> int:
    """CSS pixels the page is wider than its window (0: no horizontal scrolling)."""
    return int(
        page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
    )
