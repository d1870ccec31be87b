"""Driving ``alternance web`` in-process over HTTP (aiohttp's test client): the
forms a page holds, read from its HTML as a browser would submit them."""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from aiohttp.test_utils import TestClient, TestServer

from alternance_tui.advice.engine import Engine
from alternance_tui.webform.server import WebOptions, make_app

KEY = b"k" * 32
AS_OF = dt.date(2026, 1, 1)
STATE = re.compile(r'name="state" value="([^"]*)"')


@dataclass
class Reply:
    status: int
    text: str
    headers: Any

    @property
    def state(self) -> str:
        found = STATE.findall(self.text)
        assert found, f"no state on the page:\n{self.text[:2000]}"
        return html.unescape(found[-1])  # the page's own form (the last one)

    @property
    def title(self) -> str:
        found = re.search(r"<title>(.*?)</title>", self.text, re.S)
        return html.unescape(found.group(1)) if found else ""

    @property
    def h1(self) -> str:
        found = re.search(r"<h1>(.*?)</h1>", self.text, re.S)
        return html.unescape(found.group(1)) if found else ""


class Browser:
    """A client that posts forms as a browser does (no JavaScript)."""

    def __init__(self, client: TestClient[Any, Any], loop: asyncio.AbstractEventLoop) -> None:
        self.client = client
        self.loop = loop

    def _run(self, coro: Any) -> Any:
        return self.loop.run_until_complete(coro)

    def get(self, path: str = "/") -> Reply:
        async def go() -> Reply:
            response = await self.client.get(path, allow_redirects=False)
            return Reply(response.status, await response.text(), response.headers)

        return self._run(go())

    def post(self, fields: list[tuple[str, str]] | bytes, path: str = "/") -> Reply:
        async def go() -> Reply:
            headers = {"Content-Type": "application/x-www-form-urlencoded"}
            if isinstance(fields, bytes):
                response = await self.client.post(path, data=fields, headers=headers)
            else:
                response = await self.client.post(path, data=fields)
            return Reply(response.status, await response.text(), response.headers)

        return self._run(go())

    def press(self, page: Reply, go: str, *answers: str, asked: str | None = None) -> Reply:
        fields = [("state", page.state), ("go", go)]
        if asked is None:
            found = re.search(r'name="asked" value="([^"]*)"', page.text)
            asked = found.group(1) if found else ""
        fields.append(("asked", asked))
        fields += [("answer", a) for a in answers]
        return self.post(fields)


@contextmanager
def served(engine: Engine, key: bytes = KEY, **options: Any) -> Iterator[Browser]:
    loop = asyncio.new_event_loop()
    app = make_app(WebOptions(as_of=AS_OF, **{"lang": "en", **options}), key, engine)
    client: TestClient[Any, Any] = TestClient(TestServer(app), loop=loop)
    loop.run_until_complete(client.start_server())
    try:
        yield Browser(client, loop)
    finally:
        loop.run_until_complete(client.close())
        loop.close()


def shown(page: Reply) -> list[str]:
    """What the question's fields hold as the page was sent: ticked boxes, typed text."""
    values = []
    for tag in re.findall(r"<input [^>]*name=\"answer\"[^>]*>", page.text):
        value = re.search(r'value="([^"]*)"', tag)
        text = html.unescape(value.group(1)) if value else ""
        if 'type="text"' in tag or " checked" in tag:
            values.append(text)
    return values


def asked_id(page: Reply) -> str:
    found = re.search(r'name="asked" value="([^"]*)"', page.text)
    return found.group(1) if found else ""


def answer_all(
    browser: Browser, page: Reply, plan: dict[str, list[str]]
) -> tuple[Reply, list[str]]:
    """Continue from question to question, giving ``plan``'s answers, else what each
    page shows (its default), until a page asks nothing; that page and the ids asked."""
    asked = []
    for _ in range(40):
        question = asked_id(page)
        if not question:
            return page, asked
        asked.append(question)
        page = browser.press(page, "next", *plan.get(question, shown(page)))
        assert page.status == 200, page.text
        assert "error-summary" not in page.text, page.text
    raise AssertionError("the interview never ended")
