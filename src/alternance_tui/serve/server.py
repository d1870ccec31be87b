"""``alternance serve``: the same app in a web browser, through textual-serve.

textual-serve starts one app process per websocket. On top of it:

- **Private sessions.** Each connection runs ``alternance --ephemeral``: no
  resume offer, nothing read from or written to the data folder, no settings
  read or written (one visitor's language and theme are not the next's). With
  ``per_user_sessions`` each browser instead gets a random cookie, and its app
  keeps its sessions and settings in a folder of its own under the data folder
  (named by a hash of the cookie), so that a person finds their own answers again, never
  anyone else's.
- **Origins.** The websocket is refused (403) unless the page that opens it
  comes from an allowed origin: by default the served address itself (for a
  loopback address, also its ``localhost``/``127.0.0.1`` twin). Without this,
  any web page open in a browser on the machine could start sessions and read
  their screens.
- **Nothing from outside.** The page is our template (``web/templates``):
  textual-serve's own loads a font from Google. Roboto Mono comes from
  textual-serve's installed static files, the symbols it lacks (✔ ✘ ◐ ⓘ ⚠ ★,
  arrows, box drawing) from ``web/static/alternance-symbols.ttf``, shipped in
  the package (``tools/make_symbol_font.py``). A Content-Security-Policy header
  keeps the page to this server.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hashlib
import logging
import re
import secrets
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp_jinja2
import jinja2
from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from alternance_tui.serve.process import AppProcess, ForkServer, shell_command

log = logging.getLogger("alternance-serve")

WEB = Path(__file__).resolve().parent / "web"
COOKIE = "alternance_browser"
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")  # secrets.token_urlsafe(32)
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
MAX_COLUMNS, MAX_ROWS = 500, 200
BUSY_SECONDS = 60.0


def busy(lang: str) -> str:
    """Drawn in the page's terminal when --max-sessions are already running: the
    screen cleared, then the words, indented."""
    from alternance_tui.wording.catalogue.serve import SERVE

    lines = (SERVE(lang, "busy"), SERVE(lang, "busy_again"))
    return "\x1b[2J\x1b[H\r\n" + "".join(f"  {line}\r\n" for line in lines)


@dataclass(frozen=True)
class ServeOptions:
    """What ``alternance serve`` is started with (see ``alternance serve --help``)."""

    host: str = "127.0.0.1"
    port: int = 8000
    lang: str = "fr"
    kiosk: bool = False
    idle_seconds: float | None = None  # a kiosk's, when not the app's default
    countdown_seconds: float | None = None
    as_of: dt.date | None = None
    public_url: str | None = None
    allowed_origins: tuple[str, ...] = ()
    per_user_sessions: bool = False
    max_sessions: int = 0  # 0: no limit
    fork: bool = True  # sessions forked from a fork server (else a new Python each)


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` in lower case, the default port left out (as browsers send it)."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{url!r} is not an http(s) origin, e.g. https://example.org")
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    if port is None or (scheme, port) in (("http", 80), ("https", 443)):
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def public_url_of(options: ServeOptions) -> str:
    if options.public_url:
        return options.public_url.rstrip("/")
    host = f"[{options.host}]" if ":" in options.host else options.host
    return f"http://{host}:{options.port}"


def allowed_origins(options: ServeOptions) -> frozenset[str]:
    """The served origin, its loopback twins, and any origin the operator added."""
    served = origin_of(public_url_of(options))
    found = {served, *(origin_of(extra) for extra in options.allowed_origins)}
    parts = urlsplit(served)
    if parts.hostname in ("127.0.0.1", "localhost", "::1"):
        port = f":{parts.port}" if parts.port else ""
        found.update(f"{parts.scheme}://{name}{port}" for name in LOOPBACK_NAMES)
    return frozenset(found)


def app_command(options: ServeOptions, *, ephemeral: bool = True) -> list[str]:
    """The app one browser connection runs."""
    command = [sys.executable, "-m", "alternance_tui", "--lang", options.lang]
    if options.as_of is not None:
        command += ["--as-of", options.as_of.isoformat()]
    if options.kiosk:
        command.append("--kiosk")
        if options.idle_seconds is not None:
            command += ["--idle-seconds", f"{options.idle_seconds:g}"]
        if options.countdown_seconds is not None:
            command += ["--countdown-seconds", f"{options.countdown_seconds:g}"]
    if ephemeral:
        command.append("--ephemeral")
    return command


def browser_data_dir(token: str) -> Path:
    """The data folder of one browser (``per_user_sessions``), named by a hash of its cookie."""
    from alternance_tui.sessions.store import data_dir

    digest = hashlib.sha256(token.encode("ascii")).hexdigest()[:32]
    return data_dir() / "browsers" / digest


class AlternanceServer(Server):
    def __init__(self, options: ServeOptions) -> None:
        self.options = options
        super().__init__(
            shell_command(app_command(options)),
            host=options.host,
            port=options.port,
            title="alternance-tui",
            public_url=public_url_of(options),
            templates_path=WEB / "templates",
        )
        self.allowed = allowed_origins(options)
        self.sessions = 0  # websockets with an app running now
        self.fork_server: ForkServer | None = None
        self._secure_cookie = self.public_url.startswith("https")
        served = urlsplit(self.public_url)
        websocket = f"{'wss' if served.scheme == 'https' else 'ws'}://{served.netloc}"
        self.content_security_policy = "; ".join(
            [
                "default-src 'self'",
                "script-src 'self'",
                # xterm.js and textual.js add style elements of their own.
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data:",
                "font-src 'self'",
                f"connect-src 'self' {websocket}",
                "base-uri 'none'",
                "form-action 'none'",
                "frame-ancestors 'none'",
            ]
        )

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._security_headers])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, name="static"),
                web.static("/assets", WEB / "static", name="assets"),
            ]
        )
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    @web.middleware
    async def _security_headers(
        self,
        request: web.Request,
        handler: Callable[[web.Request], Awaitable[web.StreamResponse]],
    ) -> web.StreamResponse:
        response = await handler(request)
        response.headers.setdefault("Content-Security-Policy", self.content_security_policy)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    async def handle_index(self, request: web.Request) -> web.Response:
        router = request.app.router

        def url(route: str) -> str:
            return f"{self.public_url}{router[route].url_for(filename='/')}".rstrip("/") + "/"

        websocket = f"{self.public_url}{router['websocket'].url_for()}"
        scheme = "wss:" if websocket.startswith("https") else "ws:"
        context = {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": scheme + websocket.split(":", 1)[1],
            "static_url": url("static"),
            "assets_url": url("assets"),
            "title": self.title,
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.headers["Cache-Control"] = "no-store"
        if self.options.per_user_sessions and not _TOKEN.match(request.cookies.get(COOKIE, "")):
            response.set_cookie(
                COOKIE,
                secrets.token_urlsafe(32),
                max_age=400 * 24 * 3600,
                path="/",
                httponly=True,
                samesite="Strict",
                secure=self._secure_cookie,
            )
        return response

    def origin_allowed(self, request: web.Request) -> bool:
        origin = request.headers.get("Origin")
        if origin is None:
            return False
        try:
            return origin_of(origin) in self.allowed
        except ValueError:
            return False

    def _environment_for(self, request: web.Request) -> tuple[list[str], dict[str, str]]:
        """The command and extra environment of one connection's app."""
        token = request.cookies.get(COOKIE, "")
        if self.options.per_user_sessions and _TOKEN.match(token):
            command = app_command(self.options, ephemeral=self.options.kiosk)
            # Its settings (language, theme) beside its sessions: its own, too.
            folder = str(browser_data_dir(token))
            return command, {"ALTERNANCE_DATA_DIR": folder, "ALTERNANCE_CONFIG_DIR": folder}
        return app_command(self.options), {}

    def start_fork_server(self) -> None:
        """Start the fork server with the environment textual-serve gives apps."""

        async def nothing(*_: object) -> None:
            return None

        model = AppProcess(
            app_command(self.options),
            environment={},
            write_bytes=nothing,
            write_str=nothing,
            close=nothing,
            download_manager=self.download_manager,
            debug=self.debug,
        )
        # Not waited for: until it listens, sessions start as new processes.
        self.fork_server = ForkServer(model._build_environment())

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if not self.origin_allowed(request):
            log.warning("websocket refused: origin %r", request.headers.get("Origin"))
            raise web.HTTPForbidden(text="This origin may not open a session.\n")
        websocket = web.WebSocketResponse(heartbeat=15)
        width, height = _size(request.query.get("width", ""), request.query.get("height", ""))
        if self.options.max_sessions and self.sessions >= self.options.max_sessions:
            log.warning("session refused: %d sessions already", self.sessions)
            await websocket.prepare(request)
            await websocket.send_bytes(busy(self.options.lang).encode("utf-8"))
            # Left open for a while: once closed, the page covers the message
            # with its "Session ended" dialog.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(BUSY_SECONDS):
                    async for _ in websocket:
                        pass
            await websocket.close()
            return websocket
        command, environment = self._environment_for(request)
        app_service: AppService | None = None
        self.sessions += 1
        try:
            await websocket.prepare(request)
            app_service = AppProcess(
                command,
                environment=environment,
                fork_server=self.fork_server.usable() if self.fork_server else None,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            await app_service.start(width, height)
            await self._process_messages(websocket, app_service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:
            log.exception(error)
        finally:
            self.sessions -= 1
            if app_service is not None:
                await app_service.stop()
        return websocket

    async def _process_messages(
        self, websocket: web.WebSocketResponse, app_service: AppService
    ) -> None:
        """As textual-serve's, but a malformed message is dropped, not a crash of the session."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = message.json()
                kind = envelope[0]
                data = envelope[1] if len(envelope) > 1 else None
                if kind == "stdin" and isinstance(data, str):
                    await app_service.send_bytes(data.encode("utf-8"))
                elif kind == "resize" and isinstance(data, dict):
                    await app_service.set_terminal_size(*_size(data["width"], data["height"]))
                elif kind == "ping":
                    await websocket.send_json(["pong", data])
                elif kind == "blur":
                    await app_service.blur()
                elif kind == "focus":
                    await app_service.focus()
            except (ValueError, TypeError, KeyError, IndexError, RecursionError):
                continue  # RecursionError: "[" nested 100,000 deep, from any visitor


def _size(width: object, height: object) -> tuple[int, int]:
    """A terminal size from the browser, within bounds (a huge one would cost the app memory)."""
    return (
        max(20, min(to_int(str(width), 80), MAX_COLUMNS)),
        max(5, min(to_int(str(height), 24), MAX_ROWS)),
    )


def serve(options: ServeOptions) -> int:
    server = AlternanceServer(options)
    if options.fork:
        server.start_fork_server()
    try:
        server.serve()
    finally:
        if server.fork_server is not None:
            server.fork_server.stop()
    return 0
