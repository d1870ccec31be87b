"""`alternance serve` in a real browser: Debian's Chromium, headless, driven by
Playwright (never a downloaded browser), on a free loopback port.

A person answers a whole interview with the keyboard, without ever clicking
(the page gives its terminal the keyboard), reads the results, then changes
theme and language; then a second browser (a new context: no cookies, no
storage) opens the same server and must see a fresh welcome screen, none of
the first person's answers, no resume offer, in the default language and
theme. Every request the page makes must stay on this server, and
the data folder must stay empty. The symbols the app draws must be drawn by
the fonts the server sends, not by whatever the browser's system has.

The terminal in the page is xterm.js drawing on a canvas: its text is read from
xterm's own buffer (``buffer.active.getLine(i).translateToString()``). The
page keeps its terminal to itself, so an init script catches it as textual.js
hands it to its add-ons (they all keep it in ``_terminal``).

Skips, saying why, only when Playwright or a Chromium cannot be found
(``.ci/run`` installs both).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

STEP_TIMEOUT_MS = 30_000
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

CATCH_TERMINAL = """
window.__terminals = [];
Object.defineProperty(Object.prototype, "_terminal", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "_terminal", {
      value, writable: true, configurable: true, enumerable: true,
    });
    if (value && value.buffer && value.buffer.active && !window.__terminals.includes(value)) {
      window.__terminals.push(value);
    }
  },
});
"""

TERMINAL_FOCUSED = """() => {
  const input = document.activeElement;
  return Boolean(input && input.classList.contains("xterm-helper-textarea"));
}"""

# The background colour of the terminal's top-left cell: the theme in use.
CORNER_COLOUR = """() => {
  const cell = window.__terminals[0].buffer.active.getLine(0).getCell(0);
  return [cell.getBgColorMode(), cell.getBgColor()];
}"""

SCREEN_TEXT = """() => {
  const terminal = window.__terminals[0];
  if (!terminal) return "";
  const buffer = terminal.buffer.active;
  const lines = [];
  for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i).translateToString(true));
  return lines.join("\\n");
}"""

# Draws each character on a canvas as the terminal does (the page's "Roboto
# Mono", 400) and as its own font file draws it (loaded under a name of its own
# from the same URL): the characters whose pixels differ, or are blank, are
# not drawn by the served font (a system font, or nothing, stands in).
NOT_IN_SERVED_FONT = """async ([checks]) => {
  const draw = (font, ch) => {
    const canvas = document.createElement("canvas");
    canvas.width = 48; canvas.height = 48;
    const context = canvas.getContext("2d");
    context.font = font; context.fillStyle = "#000"; context.textBaseline = "alphabetic";
    context.fillText(ch, 6, 34);
    return Array.from(context.getImageData(0, 0, 48, 48).data).join(",");
  };
  const blank = draw("28px monospace", " ");
  const wrong = [];
  for (const [url, chars] of checks) {
    const name = "Check" + Math.random().toString(36).slice(2);
    const face = new FontFace(name, `url(${url})`);
    await face.load();
    document.fonts.add(face);
    for (const ch of chars) {
      const served = draw("28px 'Roboto Mono'", ch);
      if (served === blank || served !== draw(`28px ${name}`, ch)) wrong.push(ch);
    }
  }
  return wrong;
}"""

# (what the screen shows, then the keys a person types there)
INTERVIEW: list[tuple[str, list[str]]] = [
    ("Work-linked training at IMPGT", ["Enter"]),
    ("How old will you be when the contract starts?", ["2", "0", "Enter"]),
    ("With what kind of employer or host?", ["1"]),  # a private company
    ("What is your highest diploma?", ["2"]),  # general baccalaureate
    ("What is your situation today?", ["Enter"]),  # rather not say, the default
    ("Which year of study would the contract cover?", ["Enter"]),  # the default
    ("How many months would the work-linked period", ["2", "4", "Enter"]),
    ("Do you have RQTH", ["Enter"]),  # no, the default
    ("Have you been an apprentice before?", ["Enter"]),  # no, the default
    ("In which month would the contract start?", ["Enter"]),  # September, the default
    ("In which month were you born?", ["Enter"]),  # not said
    ("How many hours a week?", ["Enter"]),  # 35 h, the default
    ("collective agreement", ["Enter"]),  # not known
    ("Which fields interest you?", ["Enter"]),  # none ticked
    ("Which campus do you prefer?", ["Enter"]),  # either, the default
    ("Your answers", ["r"]),  # the review, then the results
]


def _chromium() -> str:
    for candidate in (os.environ.get("ALTERNANCE_CHROMIUM"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file():
            return candidate
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip(
            "no Chromium on this machine (Debian: apt-get install chromium; .ci/run does it)"
        )
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`alternance serve` on a free loopback port, its data and cache folders in tmp_path."""
    data = tmp_path / "data"
    env = {
        **os.environ,
        "ALTERNANCE_DATA_DIR": str(data),
        "ALTERNANCE_CACHE_DIR": str(tmp_path / "cache"),
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
        "XDG_CACHE_HOME": str(tmp_path / "xdg-cache"),
        "ALTERNANCE_CONFIG_DIR": str(tmp_path / "config"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
    }
    port = _free_port()
    command = [sys.executable, "-m", "alternance_tui", "serve", "--port", str(port)]
    command += ["--lang", "en", "--as-of", "2026-01-01"]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=tmp_path
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"alternance serve exited: {process.stderr.read()!r}")  # type: ignore[union-attr]
                time.sleep(0.1)
        yield url, data
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def _open(browser: Any, url: str, outside: list[str], problems: list[str]) -> Any:
    context = browser.new_context(viewport={"width": 1100, "height": 640})
    context.add_init_script(CATCH_TERMINAL)

    def route(route: Any) -> None:
        if route.request.url.startswith(url.rstrip("/")) or route.request.url.startswith(
            url.replace("http", "ws", 1).rstrip("/")
        ):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(url)
    if not _poll(page, "() => window.__terminals.length > 0"):
        raise AssertionError("the page never started its terminal")
    # No click: the page gives its terminal the keyboard by itself (issue 19).
    if not _poll(page, TERMINAL_FOCUSED):
        focused = page.evaluate("() => document.activeElement && document.activeElement.tagName")
        raise AssertionError(f"keys would go nowhere: the focus is on {focused}, not the terminal")
    return page


def _poll(page: Any, predicate: str, arg: object = None) -> bool:
    """Whether ``predicate`` turns true within STEP_TIMEOUT_MS. Polled from here:
    Playwright's wait_for_function evaluates strings in the page, which the
    page's Content-Security-Policy (no eval) refuses."""
    deadline = time.monotonic() + STEP_TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        if page.evaluate(predicate, arg):
            return True
        page.wait_for_timeout(50)
    return False


def _wait_for(page: Any, text: str) -> str:
    if not _poll(page, f"(expected) => ({SCREEN_TEXT})().includes(expected)", text):
        screen = page.evaluate(SCREEN_TEXT)
        raise AssertionError(f"never showed {text!r}; the screen was:\n{screen}")
    return str(page.evaluate(SCREEN_TEXT))


def test_a_whole_interview_in_a_browser_and_a_second_visitor_sees_none_of_it(
    served: tuple[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is not installed (pip install -e '.[test]')"
    )
    executable = _chromium()
    url, data = served
    outside: list[str] = []
    problems: list[str] = []
    # Playwright gives the browser a fresh profile folder under TMPDIR: a short
    # one of this test's own (Chromium refuses a socket path over 108 bytes, and
    # tmp_path's can be longer), removed afterwards.
    profile = tempfile.TemporaryDirectory(prefix="alt-chromium-")
    monkeypatch.setenv("TMPDIR", profile.name)
    with profile, sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        try:
            first = _open(browser, url, outside, problems)
            _wait_for(first, INTERVIEW[0][0])
            default_colour = first.evaluate(CORNER_COLOUR)
            for shown, keys in INTERVIEW:
                _wait_for(first, shown)
                for key in keys:
                    first.keyboard.press(key)
            results = _wait_for(first, "Your work-linked options")
            results = _wait_for(first, "Apprenticeship")
            first.screenshot(path=str(tmp_path / "results.png"))
            assert "Worked out as of 1 January 2026" in results
            # Open at 20, at 43 % of the SMIC in the first year (as `alternance recommend`).
            assert "✔ Apprenticeship contract — €783.90 gross a month in year 1" in results
            assert "✘ Internship agreement" in results

            symbols = ("/assets/alternance-symbols.ttf", "✔✘◐ⓘ⚠★←→⏎⌫─│╭╮■□")
            latin = ("/static/fonts/RobotoMono-VariableFont_wght.ttf", "Aé€•—’")
            assert first.evaluate(NOT_IN_SERVED_FONT, [[symbols, latin]]) == []

            # The first visitor changes theme (F3) and language (F2), for them alone.
            first.keyboard.press("F3")
            assert _poll(first, f"() => ({CORNER_COLOUR})()[1] !== {default_colour[1]}")
            first.keyboard.press("F2")
            _wait_for(first, "Vos possibilités")

            second = _open(browser, url, outside, problems)
            welcome = _wait_for(second, "Work-linked training at IMPGT")  # in English
            assert second.evaluate(CORNER_COLOUR) == default_colour  # in the default theme
            time.sleep(1.0)  # a saved session would be offered just after the first frame
            welcome = str(second.evaluate(SCREEN_TEXT))
            assert "Resume" not in welcome
            assert "Nothing is sent or saved" in welcome
            second.keyboard.press("Enter")
            question = _wait_for(second, "How old will you be when the contract starts?")
            assert "20" not in question.split("How old", 1)[1]
            # The first person's results are still theirs, in their own tab.
            assert "783,90" in str(first.evaluate(SCREEN_TEXT))  # now in French
        finally:
            browser.close()
    assert outside == [], "the page asked for something outside this server"
    assert problems == [], "the page logged errors (a refused resource, a script error)"
    assert not data.exists() or not any(data.rglob("*")), "a browser session wrote to the data"
    config = tmp_path / "config"
    assert not config.exists() or not any(config.rglob("*")), "a browser wrote settings"
