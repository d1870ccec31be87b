"""``alternance web``: the interview as server-rendered HTML forms (aiohttp, Jinja2).

``GET /`` is the welcome page; every other page is the answer to a ``POST /``
of the page before it, whose hidden ``state`` (seal.py) holds the interview.
The server keeps nothing between requests: any process holding the same key
answers any request. Pages work without JavaScript; ``static/web.js`` only
adds the kiosk's idle countdown, a print button, and keeps what was typed when
the language is switched.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs

import jinja2
from aiohttp import web

from alternance_tui.advice.pay.base import RatesUnknown
from alternance_tui.files.printable import printable_document
from alternance_tui.webform import views
from alternance_tui.webform.seal import Seal, Tampered
from alternance_tui.webform.steps import apply, first
from alternance_tui.webform.views import Page, Site
from alternance_tui.wording.catalogue.web import WEB
from alternance_tui.wording.lookup import LANGUAGES

log = logging.getLogger("alternance-web")

HERE = Path(__file__).resolve().parent
MAX_BODY = 32 * 1024  # bytes of a posted form: a whole interview's state is under 2 KiB
MAX_FIELDS = 64
# Kept to this server, no framing, no referrer: the page shows a person's answers.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; script-src 'self'; "
    "img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


@dataclass(frozen=True)
class WebOptions:
    host: str = "127.0.0.1"
    port: int = 8000
    lang: str = "fr"
    kiosk: bool = False
    idle_seconds: float = 90.0
    countdown_seconds: float = 30.0
    as_of: dt.date | None = None


class Pages:
    """The handlers: each reads the form, moves the interview, renders a page."""

    def __init__(self, site: Site, seal: Seal) -> None:
        self.site = site
        self.seal = seal
        self.templates = jinja2.Environment(
            loader=jinja2.FileSystemLoader(HERE / "templates"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )

    # --- answering ------------------------------------------------------------

    def render(self, page: Page, *, lang: str | None = None) -> web.Response:
        html = self.templates.get_template(page.template).render(
            views.chrome(self.site, page) | {"lang": lang or page.lang}
        )
        # What a person typed comes back in the page (a field's value, a message):
        # a control character, a bidi override or a lone surrogate is shown escaped.
        html = printable_document(html)
        response = web.Response(text=html, content_type="text/html", status=page.status)
        response.headers.update(SECURITY_HEADERS)
        # A kiosk's pages are never kept (the next visitor's Back button); elsewhere
        # only the browser's own cache may keep them, for its Back button.
        response.headers["Cache-Control"] = "no-store" if self.site.kiosk else "private"
        return response

    def fresh_lang(self, request: web.Request) -> str:
        asked = request.query.get("lang", "")
        return asked if asked in LANGUAGES and not self.site.kiosk else self.site.lang

    async def welcome(self, request: web.Request) -> web.Response:
        lang = self.fresh_lang(request)
        erased = self.site.kiosk and request.query.get("erased") == "1"
        return self._welcome(lang, erased=erased)

    def _welcome(self, lang: str, *, erased: bool = False) -> web.Response:
        from alternance_tui.interview.state import Interview

        page = views.welcome(self.site, lang, erased=erased)
        interview = Interview(self.site.engine.bundle.flow, lang=lang)
        page.state = self.seal.seal(interview, time.time())
        return self.render(page)

    async def step(self, request: web.Request) -> web.Response:
        form = await read_form(request)
        if form is None:
            page = views.notice(self.site.lang, "too_large_title", "", 413)
            page.data["text"] = WEB(self.site.lang, "too_large")
            return self.render(page)
        now = time.time()
        site = self.site
        max_age = site.idle_seconds + site.countdown_seconds if site.kiosk else None
        try:
            opened = self.seal.open(first(form, "state"), site.engine.bundle.flow, now, max_age)
        except Tampered as exc:
            log.info("refused a form: %s", exc)
            lang = first(form, "page_lang")
            lang = lang if lang in LANGUAGES else self.site.lang
            page = views.notice(lang, "tampered_title", WEB(lang, "tampered"), 400)
            return self.render(page)
        interview = opened.interview
        if opened.expired and (interview.answers or interview.drafts):
            return self._welcome(self.site.lang, erased=True)
        step = apply(interview, form)
        if interview.place == "welcome":
            if self.site.kiosk and first(form, "go") == "restart":
                interview.lang = self.site.lang  # the next visitor starts afresh
            page = views.welcome(self.site, interview.lang)
        elif interview.place == "question":
            page = views.question_page(interview, step.error, step.picked)
        elif interview.place == "review":
            page = views.review_page(interview)
        else:
            try:
                page = views.results_page(self.site, interview, dt.date.today())
            except RatesUnknown as exc:
                page = views.notice(interview.lang, "not_found_title", str(exc), 200)
        page.state = self.seal.seal(interview, now)
        return self.render(page)

    async def renew(self, request: web.Request) -> web.Response:
        """The same state, made now: a kiosk's script asks while a person is active
        on one page, so that reading for long is not taken for having left."""
        form = await read_form(request)
        max_age = self.site.idle_seconds + self.site.countdown_seconds
        try:
            opened = self.seal.open(
                first(form or {}, "state"), self.site.engine.bundle.flow, time.time(), max_age
            )
        except Tampered:
            return web.Response(status=403, text="", headers=SECURITY_HEADERS)
        if opened.expired:
            return web.Response(status=403, text="", headers=SECURITY_HEADERS)
        token = self.seal.seal(opened.interview, time.time())
        return web.Response(
            text=token,
            content_type="text/plain",
            headers={**SECURITY_HEADERS, "Cache-Control": "no-store"},
        )

    async def health(self, request: web.Request) -> web.Response:
        return web.Response(text="ok\n", headers={"Cache-Control": "no-store"})

    @web.middleware
    async def errors(
        self,
        request: web.Request,
        handler: Callable[[web.Request], Awaitable[web.StreamResponse]],
    ) -> web.StreamResponse:
        started = time.perf_counter()
        try:
            response = await handler(request)
        except web.HTTPNotFound:
            lang = self.fresh_lang(request)
            page = views.notice(lang, "not_found_title", WEB(lang, "not_found"), 404)
            response = self.render(page)
        # How long the page took to make (a browser's developer tools show it;
        # benchmarks/bench_web.py tells it from the time spent on the way).
        spent = 1000 * (time.perf_counter() - started)
        response.headers["Server-Timing"] = f"app;dur={spent:.2f}"
        return response


async def read_form(request: web.Request) -> dict[str, list[str]] | None:
    """The posted fields, read as text whatever bytes came (invalid UTF-8 and lone
    surrogates become U+FFFD); None when the form is larger than any page sends."""
    if request.content_length is not None and request.content_length > MAX_BODY:
        return None
    # read(n) returns what has come so far: a body sent in several packets (a slow
    # link, a proxy, chunked) is read to its end, never cut and taken as tampered.
    body = b""
    while len(body) <= MAX_BODY:
        piece = await request.content.read(MAX_BODY + 1 - len(body))
        if not piece:
            break
        body += piece
    if len(body) > MAX_BODY:
        return None
    text = body.decode("utf-8", "replace")
    try:
        fields = parse_qs(text, keep_blank_values=True, errors="replace", max_num_fields=MAX_FIELDS)
    except ValueError:  # more fields than any page has
        return None
    return {
        name: [v.encode("utf-8", "replace").decode("utf-8") for v in values]
        for name, values in fields.items()
    }


def make_app(options: WebOptions, key: bytes, engine: object | None = None) -> web.Application:
    """The aiohttp application; ``engine`` shared when given (tests, benchmarks)."""
    from alternance_tui.advice.engine import Engine
    from alternance_tui.advice.load import load_bundle

    if not isinstance(engine, Engine):
        # A kiosk writes no file, not even the flow's cache (it checks in memory).
        engine = Engine(load_bundle(write_cache=not options.kiosk))
    site = Site(
        engine=engine,
        lang=options.lang,
        kiosk=options.kiosk,
        idle_seconds=options.idle_seconds,
        countdown_seconds=options.countdown_seconds,
        as_of=options.as_of,
    )
    pages = Pages(site, Seal(key))
    app = web.Application(client_max_size=MAX_BODY, middlewares=[pages.errors])
    app.router.add_get("/", pages.welcome)
    app.router.add_post("/", pages.step)
    app.router.add_post("/renew", pages.renew)
    app.router.add_get("/healthz", pages.health)
    app.router.add_static("/static/", HERE / "static", append_version=False)
    return app


def run(options: WebOptions, key: bytes) -> int:
    app = make_app(options, key)
    host = f"[{options.host}]" if ":" in options.host else options.host
    print(f"alternance web: http://{host}:{options.port}/ (Ctrl+C to stop)", flush=True)
    web.run_app(app, host=options.host, port=options.port, print=None, access_log=None)
    return 0
