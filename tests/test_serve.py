"""`alternance serve`: the same app, driven through textual-serve's websocket on
loopback, as a browser would (bounded in time; nothing leaves this machine)."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import aiohttp
import pytest

TIMEOUT = 20.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server() -> Iterator[int]:
    port = _free_port()
    command = [sys.executable, "-m", "alternance_tui", "serve", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--lang", "en"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        yield port
    finally:
        process.terminate()
        process.wait(10)


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


async def _session(port: int) -> tuple[str, bool, bool]:
    async with aiohttp.ClientSession() as session:
        page = ""
        for _ in range(100):
            try:
                async with session.get(f"http://127.0.0.1:{port}/") as response:
                    page = await response.text()
                    break
            except aiohttp.ClientError:
                await asyncio.sleep(0.1)
        url = f"ws://127.0.0.1:{port}/ws?width=80&height=24"
        async with session.ws_connect(url) as ws:
            welcome = await _read_until(ws, b"Work-linked training at IMPGT")
            await ws.send_json(["stdin", "\r"])
            question = await _read_until(ws, b"How old will you be")
        return page, welcome, question


def test_the_app_is_served_to_a_browser_and_answers_keys(server: int) -> None:
    page, welcome, question = asyncio.run(_session(server))
    assert f"ws://127.0.0.1:{server}/ws" in page
    assert welcome, "the welcome screen never reached the browser"
    assert question, "Enter on the welcome screen did not open the first question"
