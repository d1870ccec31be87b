"""`alternance serve`: the same app, driven through textual-serve's websocket on
loopback, as a browser would (bounded in time; nothing leaves this machine)."""

from __future__ import annotations

import asyncio
import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import aiohttp
import pytest

from alternance_tui.serve.server import ServeOptions, allowed_origins, origin_of

TIMEOUT = 30.0
ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "alternance_tui"

Serve = Callable[..., int]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Serve]:
    """Starts `alternance serve --lang en ...` on a free port; returns the port."""
    processes: list[subprocess.Popen[bytes]] = []
    pids: dict[int, int] = {}

    def start(*extra: str) -> int:
        port = _free_port()
        command = [sys.executable, "-m", "alternance_tui", "serve", "--port", str(port)]
        process = subprocess.Popen(
            [*command, "--lang", "en", *extra],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=tmp_path,
        )
        processes.append(process)
        pids[port] = process.pid
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return port
            except OSError:
                assert process.poll() is None, "alternance serve exited at start"
                time.sleep(0.1)
        raise AssertionError("alternance serve never listened")

    start.pid_of = pids  # type: ignore[attr-defined]
    yield start
    for process in processes:
        process.terminate()
        process.wait(15)


async def _read_until(ws: aiohttp.ClientWebSocketResponse, text: bytes) -> bool:
    seen = b""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        message = await asyncio.wait_for(ws.receive(), TIMEOUT)
        if message.type == aiohttp.WSMsgType.BINARY:
            seen += message.data
            if text in seen:
                return True
        elif message.type != aiohttp.WSMsgType.TEXT:
            return False
    return False


def _ws_url(port: int) -> str:
    return f"ws://127.0.0.1:{port}/ws?width=100&height=30"


def _origin(port: int) -> dict[str, str]:
    return {"Origin": f"http://127.0.0.1:{port}"}


async def _page(session: aiohttp.ClientSession, port: int) -> tuple[str, dict[str, str]]:
    async with session.get(f"http://127.0.0.1:{port}/") as response:
        return await response.text(), dict(response.headers)


@pytest.mark.parametrize("how", [[], ["--no-fork"]], ids=["forked", "new-process"])
def test_the_app_is_served_to_a_browser_and_answers_keys(serve: Serve, how: list[str]) -> None:
    """Sessions forked from the fork server (the default) or each a new Python."""
    port = serve(*how)

    server = serve.pid_of[port]  # type: ignore[attr-defined]
    if not how:
        assert _fork_server_listening(server), "the fork server never listened"

    async def visit() -> tuple[str, bool, bool, list[list[str]]]:
        async with aiohttp.ClientSession() as session:
            page, _ = await _page(session, port)
            async with session.ws_connect(_ws_url(port), headers=_origin(port)) as ws:
                welcome = await _read_until(ws, b"Work-linked training at IMPGT")
                await ws.send_json(["stdin", "\r"])
                question = await _read_until(ws, b"How old will you be")
                during = _tree(server)
            return page, welcome, question, during

    page, welcome, question, during = asyncio.run(visit())
    assert f"ws://127.0.0.1:{port}/ws" in page
    assert welcome, "the welcome screen never reached the browser"
    assert question, "Enter on the welcome screen did not open the first question"
    forked = any("alternance_tui.serve.forkserver" in " ".join(c) for c in during)
    assert forked == (how == []), during
    sessions = [c for c in during if "--ephemeral" in c or "alternance_tui.serve.forkserver" in c]
    assert len(sessions) == (2 if forked else 1)  # the fork server and its child, or the app
    deadline = time.monotonic() + TIMEOUT
    while len(_tree(server)) > (1 if forked else 0) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(_tree(server)) == (1 if forked else 0), "the closed session's app is still running"


def _fork_server_listening(server: int) -> bool:
    """Waits (bounded) for the fork server's socket, named on its command line."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        for command in _tree(server):
            if "alternance_tui.serve.forkserver" in command and Path(command[-1]).exists():
                return True
        time.sleep(0.1)
    return False


def _tree(pid: int) -> list[list[str]]:
    """The command lines of ``pid``'s descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            todo.append(child)
            try:
                command = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            found.append([part.decode(errors="replace") for part in command if part])
    return found


def test_the_page_loads_nothing_from_outside_this_server(serve: Serve) -> None:
    port = serve()

    async def fetch() -> tuple[str, dict[str, str], list[int]]:
        async with aiohttp.ClientSession() as session:
            page, headers = await _page(session, port)
            statuses = []
            for path in re.findall(r'(?:src|href)="([^"]+)"|url\("([^"]+)"\)', page):
                url = next(p for p in path if p)
                if url.startswith("http"):
                    async with session.get(url) as response:
                        statuses.append(response.status)
            return page, headers, statuses

    page, headers, statuses = asyncio.run(fetch())
    links = re.findall(r"https?://[^\"')\s]+", page)
    outside = [u for u in links if not u.startswith(f"http://127.0.0.1:{port}/")]
    assert outside == ["http://www.w3.org/2000/svg"]  # an SVG namespace, never fetched
    assert "googleapis" not in page
    assert "alternance-symbols.ttf" in page and "RobotoMono-VariableFont_wght.ttf" in page
    assert statuses and all(status == 200 for status in statuses)  # every asset is here
    policy = headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "onclick" not in page.lower()  # no inline script: the policy would block it


def test_a_page_of_another_origin_cannot_open_a_session(serve: Serve) -> None:
    port = serve()

    async def connect(headers: dict[str, str]) -> int:
        async with aiohttp.ClientSession() as session:
            try:
                async with session.ws_connect(_ws_url(port), headers=headers) as ws:
                    await ws.close()
                    return 101
            except aiohttp.WSServerHandshakeError as exc:
                return exc.status

    assert asyncio.run(connect({"Origin": "http://evil.example"})) == 403
    assert asyncio.run(connect({"Origin": f"http://127.0.0.1:{port + 1}"})) == 403
    assert asyncio.run(connect({})) == 403  # browsers always send one
    assert asyncio.run(connect({"Origin": f"http://localhost:{port}"})) == 101
    assert asyncio.run(connect(_origin(port))) == 101


def test_allowed_origins_are_the_served_one_and_those_given() -> None:
    assert origin_of("HTTPS://Example.org:443/path") == "https://example.org"
    assert origin_of("http://example.org:8080") == "http://example.org:8080"
    with pytest.raises(ValueError, match="not an http"):
        origin_of("example.org")
    behind_proxy = ServeOptions(
        host="127.0.0.1",
        port=8001,
        public_url="https://alternance.example.org/",
        allowed_origins=("https://intranet.example.org",),
    )
    assert allowed_origins(behind_proxy) == {
        "https://alternance.example.org",
        "https://intranet.example.org",
    }
    assert "http://localhost:8000" in allowed_origins(ServeOptions(port=8000))


def _sessions_on_disk(data: Path) -> list[Path]:
    return sorted(data.rglob("*.json")) if data.exists() else []


def test_per_user_sessions_come_back_to_their_browser_only(
    serve: Serve, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = Path(os.environ["ALTERNANCE_DATA_DIR"])
    port = serve("--per-user-sessions")

    async def answer_age(session: aiohttp.ClientSession) -> None:
        await _page(session, port)  # sets this browser's cookie
        async with session.ws_connect(_ws_url(port), headers=_origin(port)) as ws:
            assert await _read_until(ws, b"Work-linked training at IMPGT")
            await ws.send_json(["stdin", "\r"])
            assert await _read_until(ws, b"How old will you be")
            await ws.send_json(["stdin", "23\r"])
            assert await _read_until(ws, b"With what kind of employer")
            await ws.send_json(["stdin", "\x1bOQ"])  # F2: French, remembered for this browser
            assert await _read_until(ws, b"Avec quel type")
            await asyncio.sleep(1.5)  # the autosave waits for a quiet moment

    async def welcome_of(session: aiohttp.ClientSession) -> bytes:
        await _page(session, port)
        seen = b""
        async with session.ws_connect(_ws_url(port), headers=_origin(port)) as ws:
            deadline = time.monotonic() + 6
            while time.monotonic() < deadline:
                try:
                    message = await asyncio.wait_for(ws.receive(), 1)
                except TimeoutError:
                    continue
                if message.type == aiohttp.WSMsgType.BINARY:
                    seen += message.data
        return seen

    async def visits() -> tuple[bytes, bytes]:
        # Two browsers: two cookie jars (which take cookies from an IP address).
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as first:
            await answer_age(first)
            again = await welcome_of(first)
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as other:
            elsewhere = await welcome_of(other)
        return again, elsewhere

    again, elsewhere = asyncio.run(visits())
    assert b"Resume (1 answers" in again
    assert b"Work-linked training at IMPGT" in elsewhere  # not the other browser's
    assert b"Resume" not in elsewhere
    saved = _sessions_on_disk(data)
    assert saved and all(p.is_relative_to(data / "browsers") for p in saved)
    # Its settings (F2 chose French) are in its own folder too, none in the server's.
    assert [json.loads(p.read_text())["lang"] for p in saved if p.name == "settings.json"] == ["fr"]
    config = Path(os.environ["ALTERNANCE_CONFIG_DIR"])
    assert not config.exists() or not any(config.iterdir())


def test_by_default_a_browser_session_writes_nothing(serve: Serve) -> None:
    data = Path(os.environ["ALTERNANCE_DATA_DIR"])
    port = serve()

    async def visit() -> None:
        async with (
            aiohttp.ClientSession() as session,
            session.ws_connect(_ws_url(port), headers=_origin(port)) as ws,
        ):
            assert await _read_until(ws, b"Nothing is sent or saved")
            await ws.send_json(["stdin", "\r"])
            assert await _read_until(ws, b"How old will you be")
            await ws.send_json(["stdin", "23\r"])
            assert await _read_until(ws, b"With what kind of employer")
            await asyncio.sleep(1.0)

    asyncio.run(visit())
    assert _sessions_on_disk(data) == []


def test_serve_kiosk_serves_kiosk_sessions_that_ctrl_q_does_not_end(serve: Serve) -> None:
    port = serve("--kiosk")

    async def visit() -> tuple[bytes, bool]:
        async with (
            aiohttp.ClientSession() as session,
            session.ws_connect(_ws_url(port), headers=_origin(port)) as ws,
        ):
            seen = b""
            async with asyncio.timeout(TIMEOUT):
                while b"Nothing is sent or saved" not in seen or b"Help" not in seen:
                    message = await ws.receive()
                    assert message.type == aiohttp.WSMsgType.BINARY, message
                    seen += message.data
            await ws.send_json(["stdin", "\x11"])  # Ctrl+Q
            await asyncio.sleep(1.0)
            await ws.send_json(["stdin", "\r"])
            return seen, await _read_until(ws, b"How old will you be")

    welcome, still_there = asyncio.run(visit())
    assert b"Quit" not in welcome  # no Ctrl+Q in the key bar
    assert still_there, "Ctrl+Q ended a kiosk session"


def test_serve_kiosk_sessions_reset_after_the_idle_time_given(serve: Serve) -> None:
    port = serve("--kiosk", "--idle-seconds", "4", "--countdown-seconds", "1")

    async def visit() -> tuple[bool, bool, bool]:
        async with (
            aiohttp.ClientSession() as session,
            session.ws_connect(_ws_url(port), headers=_origin(port)) as ws,
        ):
            welcome = await _read_until(ws, b"Help")  # the welcome's key bar: drawn whole
            await asyncio.sleep(0.5)
            await ws.send_json(["stdin", "\r"])
            asked = await _read_until(ws, b"How old will you be")
            # Left alone: "Still there?" after 4 s, the welcome screen 1 s later.
            reset = await _read_until(ws, b"Still there?") and await _read_until(
                ws, b"Nothing is sent or saved"
            )
            return welcome, asked, reset

    welcome, asked, reset = asyncio.run(visit())
    assert welcome and asked
    assert reset, "the kiosk's idle time did not reach the browser session"


def test_beyond_max_sessions_a_browser_is_told_to_come_back(serve: Serve) -> None:
    port = serve("--max-sessions", "1")

    async def visits() -> tuple[bool, bool, bool]:
        async with aiohttp.ClientSession() as session:
            async with session.ws_connect(_ws_url(port), headers=_origin(port)) as first:
                welcome = await _read_until(first, b"Work-linked training at IMPGT")
                async with session.ws_connect(_ws_url(port), headers=_origin(port)) as second:
                    busy = await _read_until(second, b"Too many people at once")
            # The first tab closed: its place is free again.
            await asyncio.sleep(0.5)
            async with session.ws_connect(_ws_url(port), headers=_origin(port)) as third:
                again = await _read_until(third, b"Work-linked training at IMPGT")
        return welcome, busy, again

    assert asyncio.run(visits()) == (True, True, True)


def test_serve_on_every_address_needs_the_public_url() -> None:
    result = subprocess.run(
        [
            *(sys.executable, "-m", "alternance_tui", "serve"),
            *("--host", "0.0.0.0", "--port", "1", "--lang", "en"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "--host 0.0.0.0 needs --public-url" in result.stderr


def test_serve_help_says_what_it_does() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "alternance_tui", "serve", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    text = " ".join(result.stdout.split())
    options = ("--per-user-sessions", "--allow-origin", "--public-url", "--max-sessions")
    for option in (*options, "--kiosk", "--as-of"):
        assert option in text
    assert "private session" in text and "allowed origins" in text


def _app_characters() -> set[str]:
    """Every character the app's own texts can draw (screens, advice, flows)."""
    files = [
        *SRC.glob("tui/**/*.py"),
        *SRC.glob("advice/**/*.py"),
        *(ROOT / "flows").rglob("*.toml"),
    ]
    text = "".join(path.read_text(encoding="utf-8") for path in files)
    return {c for c in text if ord(c) > 0x7E}


def test_every_symbol_the_app_draws_is_in_the_served_fonts() -> None:
    ttlib = pytest.importorskip("fontTools.ttLib", reason="fontTools is not installed")
    import textual_serve

    roboto = Path(textual_serve.__file__).parent / "static/fonts/RobotoMono-VariableFont_wght.ttf"
    symbols = SRC / "serve/web/static/alternance-symbols.ttf"
    page = (SRC / "serve/web/templates/app_index.html").read_text(encoding="utf-8")
    declared = re.search(r"unicode-range: ([^;]+);", page)
    assert declared is not None
    ranges = []
    for part in declared.group(1).split(","):
        low, _, high = part.strip().removeprefix("U+").partition("-")
        ranges.append((int(low, 16), int(high or low, 16)))

    def from_symbols(c: str) -> bool:
        return any(low <= ord(c) <= high for low, high in ranges)

    roboto_has = ttlib.TTFont(roboto).getBestCmap()
    symbols_have = ttlib.TTFont(symbols).getBestCmap()
    box_drawing = {chr(cp) for cp in range(0x2500, 0x25A0)}
    needed = _app_characters() | box_drawing | set("✔✘◐ⓘ•")
    missing = sorted(
        c
        for c in needed
        if not (ord(c) in symbols_have if from_symbols(c) else ord(c) in roboto_has)
    )
    assert missing == []
    assert {"✔", "✘", "◐", "ⓘ"} <= {c for c in needed if from_symbols(c)}
