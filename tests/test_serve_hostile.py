"""What a hostile visitor sends down `alternance serve`'s websocket ends nothing
but that message (issue 23, item 11)."""

from __future__ import annotations

import asyncio

import aiohttp
from tests.test_serve import Serve, _origin, _read_until, _ws_url, serve

__all__ = ["serve"]  # the fixture, used by name


def test_a_message_nested_too_deep_is_dropped_and_the_session_goes_on(serve: Serve) -> None:
    port = serve()

    async def visit() -> tuple[bool, bool]:
        async with aiohttp.ClientSession() as session:
            async with session.ws_connect(_ws_url(port), headers=_origin(port)) as ws:
                welcome = await _read_until(ws, b"Work-linked training at IMPGT")
                # json.loads runs out of stack on this (RecursionError, not ValueError).
                await ws.send_str("[" * 100_000)
                await ws.send_str('["stdin", ' + "[" * 50_000 + "]")
                await ws.send_json(["stdin", "\r"])
                question = await _read_until(ws, b"How old will you be")
            return welcome, question

    welcome, question = asyncio.run(visit())
    assert welcome
    assert question, "the session ended on a message nested too deeply"
