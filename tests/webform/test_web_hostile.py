"""Every field a page sends, given what an attacker or a slip of the hand would
put there: control characters, Rich markup, a lone surrogate (URL-encoded, as a
form cannot carry one otherwise), bytes that are not UTF-8, a huge value, a huge
body; at every kind of page. The answer is always a page, in text, never a
traceback, never markup from the visitor, never another state than the server's."""

from __future__ import annotations

from urllib.parse import quote_from_bytes

import pytest
from tests.webform.support import Reply, answer_all, served

from alternance_tui.advice.engine import Engine
from alternance_tui.advice.model import Bundle
from alternance_tui.webform.server import MAX_BODY

# Each as it goes on the wire (already URL-encoded).
HOSTILE = {
    "control characters": quote_from_bytes(b"\x00\x07\x1b[2J\x1b]52;c;aGk=\x07\r\n\x7f"),
    "markup": quote_from_bytes(b"[/] [bold]x[/bold] [link=file:///etc/passwd]y[/link]"),
    "html": quote_from_bytes(b"\"><script>alert(1)</script><b x='"),
    "lone surrogate": "%ED%A0%80",  # U+D800 as UTF-8 would write it
    "percent-u surrogate": "%25uD800",
    "not utf-8": "%ff%fe%c0%af",
    "bidi override": quote_from_bytes("\u202eevil".encode()),
    "huge value": "9" * (MAX_BODY - 4_000),
}
FIELDS = ("state", "go", "asked", "answer", "lang", "page_lang")
PLAN = {"employer_sector": ["private"], "diploma": ["bac_general"], "duration_months": ["24"]}


@pytest.fixture(scope="module")
def engine(bundle: Bundle) -> Engine:
    return Engine(bundle)


def _fields(page: Reply, go: str) -> dict[str, str]:
    """The fields a browser would send from ``page``, URL-encoded."""
    import re

    asked = re.search(r'name="asked" value="([^"]*)"', page.text)
    return {
        "state": quote_from_bytes(page.state.encode()),
        "go": go,
        "asked": asked.group(1) if asked else "",
        "answer": "20",
        "page_lang": "en",
    }


def _is_a_clean_page(reply: Reply) -> None:
    assert reply.status in (200, 400, 404, 413), reply.status
    assert reply.text.startswith("<!doctype html>"), reply.text[:300]
    assert "Traceback" not in reply.text
    for raw in ("\x00", "\x07", "\x1b", "\x7f", "\u202e", "\ud800"):
        assert raw not in reply.text, repr(raw)
    assert "<script>alert" not in reply.text and "<b x=" not in reply.text
    assert "<h1" in reply.text


def test_every_field_of_every_page_takes_anything_and_answers_a_page(engine: Engine) -> None:
    with served(engine) as browser:
        welcome = browser.get("/")
        age = browser.press(welcome, "start")
        sector = browser.press(age, "next", "20")
        review, _ = answer_all(browser, sector, PLAN)
        results = browser.press(review, "results")
        pages = {"welcome": (welcome, "start"), "number": (age, "next")}
        pages |= {"choice": (sector, "next"), "review": (review, "results")}
        pages |= {"results": (results, "review")}
        tried = 0
        for where, (page, go) in pages.items():
            for field in FIELDS:
                for name, value in HOSTILE.items():
                    fields = _fields(page, go) | {field: value}
                    body = "&".join(f"{k}={v}" for k, v in fields.items()).encode("ascii")
                    reply = browser.post(body)
                    _is_a_clean_page(reply)
                    if field == "state":
                        assert reply.status == 400, (where, name)
                        assert "changed outside this page" in reply.text
                    tried += 1
        assert tried == len(pages) * len(FIELDS) * len(HOSTILE)


def test_a_typed_answer_comes_back_visible_and_escaped_never_lost(engine: Engine) -> None:
    with served(engine) as browser:
        age = browser.press(browser.get("/"), "start")
        body = _fields(age, "next") | {"answer": HOSTILE["control characters"]}
        reply = browser.post("&".join(f"{k}={v}" for k, v in body.items()).encode())
        assert reply.status == 200 and "error-summary" in reply.text
        # Shown as visible escapes in the field, so the person sees what was sent.
        assert 'value="\\x00\\x07\\x1b[2J\\x1b]52;c;aGk=' in reply.text, reply.text
        markup = _fields(age, "next") | {"answer": HOSTILE["markup"]}
        reply = browser.post("&".join(f"{k}={v}" for k, v in markup.items()).encode())
        assert "[/] [bold]x[/bold]" in reply.text  # text, as typed


def test_a_body_larger_than_any_page_sends_is_refused_not_read(engine: Engine) -> None:
    with served(engine) as browser:
        age = browser.press(browser.get("/"), "start")
        for size in (MAX_BODY + 1, 10 * MAX_BODY, 2**24):
            body = _fields(age, "next") | {"answer": "1" * size}
            reply = browser.post("&".join(f"{k}={v}" for k, v in body.items()).encode())
            assert reply.status == 413, size
            _is_a_clean_page(reply)
        many = "&".join(f"f{i}=1" for i in range(500)).encode()
        assert browser.post(many).status == 413


@pytest.mark.parametrize("query", ["lang=%ED%A0%80", "lang=%00%1b", "lang=[/]", "erased=1&lang=xx"])
def test_the_welcome_page_takes_any_query(engine: Engine, query: str) -> None:
    with served(engine) as browser:
        reply = browser.get(f"/?{query}")
        assert reply.status == 200
        _is_a_clean_page(reply)
        assert '<html lang="en">' in reply.text


def test_the_kiosk_renewal_and_odd_paths_refuse_quietly(engine: Engine) -> None:
    with served(engine, kiosk=True, idle_seconds=60, countdown_seconds=20) as browser:
        age = browser.press(browser.get("/"), "start")
        for value in HOSTILE.values():
            reply = browser.post(f"state={value}".encode("ascii"), path="/renew")
            assert reply.status == 403 and reply.text == ""
        renewed = browser.post([("state", age.state)], path="/renew")
        assert renewed.status == 200 and renewed.text.count(".") == 1
        for path in ("/%ED%A0%80", "/%00%1b[2J", "/[/]", "/static/%ED%A0%80", "/" + "a" * 4000):
            reply = browser.get(path)
            assert reply.status in (403, 404), path
            if reply.status == 404 and "text/html" in reply.headers.get("Content-Type", ""):
                _is_a_clean_page(reply)


def test_a_form_that_arrives_in_pieces_is_read_whole(engine: Engine) -> None:
    """A slow link or a proxy can send a body in several packets (here chunked,
    with a pause): the form is read to its end, not refused as tampered."""
    import asyncio
    from collections.abc import AsyncIterator

    with served(engine) as browser:
        age = browser.press(browser.get("/"), "start")
        body = "&".join(f"{k}={v}" for k, v in _fields(age, "next").items()).encode()

        async def pieces() -> AsyncIterator[bytes]:
            half = len(body) // 2
            yield body[:half]
            await asyncio.sleep(0.2)
            yield body[half:]

        async def go() -> tuple[int, str]:
            response = await browser.client.post(
                "/",
                data=pieces(),
                headers={"Content-Type": "application/x-www-form-urlencoded"},
            )
            return response.status, await response.text()

        status, text = browser.loop.run_until_complete(go())
        assert status == 200, text[:600]
        assert 'name="asked" value="employer_sector"' in text
