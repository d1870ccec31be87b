"""Try docs/deploy.md's nginx set-up on loopback: two `alternance serve`
processes behind a real nginx (Debian's), everything on 127.0.0.1, in a
temporary folder removed at the end.

Run: .venv/bin/python tools/try_nginx.py [--browsers 20] [--keep]

It writes the nginx configuration of docs/deploy.md (with loopback ports and
the temporary folder's paths), starts `nginx -p DIR -c nginx.conf`, and checks
through nginx, as browsers would:

1. the page names the proxy's websocket address (--public-url);
2. the websocket upgrade works: every session shows its welcome screen;
3. browsers with no cookie yet are spread over both backends;
4. with --per-user-sessions, every websocket of one browser (its cookie) goes
   to the same backend, session after session (nginx's access log records the
   backend of each request), and its answers come back to it, never to another
   browser;
5. a page of another origin is refused (403) through the proxy too.

Prints what it found; exits 1 if a check fails. Every wait is bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import aiohttp

TIMEOUT = 60.0
CONFIG = """\
# docs/deploy.md's configuration, on loopback, in {folder}
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    log_format routed '$remote_addr "$request" $status '
                      'cookie=$cookie_alternance_browser upstream=$upstream_addr';
    access_log {folder}/access.log routed;

{snippet}
}}
"""
# The part docs/deploy.md shows (its ports and name replaced here).
SNIPPET = """\
    # A websocket asks to be upgraded; anything else closes as usual.
    map $http_upgrade $connection_upgrade {{
        default upgrade;
        ''      close;
    }}
    # Sticky by browser: the cookie `alternance serve --per-user-sessions` sets.
    # Without one (a first visit, or private sessions), a random key: sessions
    # spread over the backends.
    map $cookie_alternance_browser $alternance_route {{
        ''      $request_id;
        default $cookie_alternance_browser;
    }}
    upstream alternance {{
        hash $alternance_route consistent;
        server 127.0.0.1:{port_a} max_fails=0;
        server 127.0.0.1:{port_b} max_fails=0;
    }}
    server {{
        listen 127.0.0.1:{proxy_port};
        location / {{
            proxy_pass http://alternance;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_read_timeout 1h;   # a session may sit idle while a person reads
            proxy_send_timeout 1h;
            proxy_buffering off;     # frames go to the browser as they come
        }}
    }}"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_listening(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if process.poll() is not None:
                raise SystemExit(f"{process.args!r} exited") from None
            time.sleep(0.1)
    raise SystemExit(f"nothing listens on {port}")


async def session(
    client: aiohttp.ClientSession, proxy: int, *, answer: bool = False
) -> tuple[bytes, int]:
    """One browser tab: the page, then its websocket; what the welcome screen showed."""
    async with client.get(f"http://127.0.0.1:{proxy}/") as response:
        page = await response.text()
    assert f"ws://127.0.0.1:{proxy}/ws" in page, "the page does not name the proxy"
    seen = b""
    headers = {"Origin": f"http://127.0.0.1:{proxy}"}
    async with client.ws_connect(
        f"ws://127.0.0.1:{proxy}/ws?width=100&height=30", headers=headers
    ) as ws:

        async def until(text: bytes) -> None:
            nonlocal seen
            async with asyncio.timeout(TIMEOUT):
                while text not in seen:
                    message = await ws.receive()
                    if message.type != aiohttp.WSMsgType.BINARY:
                        raise AssertionError(f"the session ended before {text!r}")
                    seen += message.data

        await until(b"Work-linked training at IMPGT")
        # A saved session is offered once the app has loaded, after its first
        # frame: read on until it is, or for 8 s (long on a busy machine).
        deadline = time.monotonic() + 8
        while time.monotonic() < deadline and b"Resume (" not in seen:
            try:
                message = await asyncio.wait_for(ws.receive(), 0.5)
            except TimeoutError:
                continue
            if message.type == aiohttp.WSMsgType.BINARY:
                seen += message.data
        if answer:
            await ws.send_json(["stdin", "\r"])
            await until(b"How old will you be")
            await ws.send_json(["stdin", "23\r"])
            await until(b"With what kind of employer")
            await asyncio.sleep(1.5)  # the autosave waits for a quiet moment
    return seen, 101


async def refused(proxy: int) -> int:
    async with aiohttp.ClientSession() as client:
        try:
            async with client.ws_connect(
                f"ws://127.0.0.1:{proxy}/ws", headers={"Origin": "http://evil.example"}
            ):
                return 101
        except aiohttp.WSServerHandshakeError as exc:
            return exc.status


def routes(log: Path) -> list[tuple[str, str]]:
    """(cookie, backend) of each websocket request in nginx's access log."""
    found = []
    for line in log.read_text().splitlines():
        if '"GET /ws?' not in line or " 101 " not in line:
            continue
        cookie = line.split("cookie=", 1)[1].split()[0]
        upstream = line.split("upstream=", 1)[1].strip()
        found.append((cookie if cookie != "-" else "", upstream))
    return found


async def trial(proxy: int, browsers: int, log: Path) -> list[str]:
    problems: list[str] = []
    # Private visits (no cookie kept): spread over both backends.
    async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) as client:
        shown = await asyncio.gather(*(session(client, proxy) for _ in range(browsers)))
    if not all(b"Work-linked training at IMPGT" in s for s, _ in shown):
        problems.append("a private session did not show its welcome screen through nginx")
    await asyncio.sleep(1.0)  # nginx logs a websocket once it has closed
    private = [upstream for cookie, upstream in routes(log) if not cookie]
    print(f"private visits: {len(private)} websockets, backends {sorted(set(private))}")
    if len(set(private)) < 2:
        problems.append("private sessions all went to one backend")

    # Browsers with their cookie: each answers, then comes back twice.
    jars = [aiohttp.CookieJar(unsafe=True) for _ in range(browsers)]

    async def browser(index: int) -> tuple[bytes, bytes]:
        async with aiohttp.ClientSession(cookie_jar=jars[index]) as client:
            await session(client, proxy, answer=index % 2 == 0)
            again, _ = await session(client, proxy)
            third, _ = await session(client, proxy)
        return again, third

    returns = await asyncio.gather(*(browser(i) for i in range(browsers)))
    for index, (again, third) in enumerate(returns):
        offered = b"Resume (1 answers" in again and b"Resume (1 answers" in third
        if offered != (index % 2 == 0):
            problems.append(f"browser {index}: resume offered {offered}, answered {index % 2 == 0}")
    by_cookie: dict[str, set[str]] = defaultdict(set)
    for cookie, upstream in routes(log):
        if cookie:
            by_cookie[cookie].add(upstream)
    sticky = sum(1 for backends in by_cookie.values() if len(backends) == 1)
    used = {next(iter(b)) for b in by_cookie.values() if len(b) == 1}
    print(
        f"browsers with a cookie: {len(by_cookie)}, each on one backend: {sticky}, "
        f"backends used {sorted(used)}"
    )
    if sticky != len(by_cookie) or len(by_cookie) != browsers:
        problems.append("a browser's websockets went to more than one backend")
    status = await refused(proxy)
    print(f"another origin through nginx: HTTP {status}")
    if status != 403:
        problems.append("another origin was not refused through nginx")
    return problems


def in_chromium(proxy: int, executable: str) -> list[str]:
    """A real browser through nginx: the page, its websocket, a key, the first question."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from playwright.sync_api import sync_playwright
    from tests.test_serve_browser import CATCH_TERMINAL, LAUNCH_ARGS, SCREEN_TEXT

    outside: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        try:
            context = browser.new_context()
            context.add_init_script(CATCH_TERMINAL)
            page = context.new_page()
            page.on("request", lambda r: None if "127.0.0.1" in r.url else outside.append(r.url))
            page.goto(f"http://127.0.0.1:{proxy}/")
            seen = ""
            deadline = time.monotonic() + TIMEOUT
            pressed = False
            while time.monotonic() < deadline and "How old will you be" not in seen:
                seen = str(
                    page.evaluate(SCREEN_TEXT) if page.evaluate("window.__terminals.length") else ""
                )
                if "Work-linked training at IMPGT" in seen and not pressed:
                    page.focus(".xterm-helper-textarea")
                    page.keyboard.press("Enter")
                    pressed = True
                page.wait_for_timeout(100)
        finally:
            browser.close()
    print(f"Chromium through nginx: first question shown: {'How old will you be' in seen}")
    problems = (
        [] if "How old will you be" in seen else ["Chromium never reached the first question"]
    )
    return problems + [f"the page asked for {url}" for url in outside]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--browsers", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument(
        "--chromium",
        metavar="PATH",
        help="also open the proxy in this headless Chromium (Playwright) and start an interview",
    )
    args = parser.parse_args()
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise SystemExit("no nginx (Debian: apt-get install nginx)")
    folder = Path(tempfile.mkdtemp(prefix="try-nginx-"))
    proxy, port_a, port_b = free_port(), free_port(), free_port()
    snippet = SNIPPET.format(port_a=port_a, port_b=port_b, proxy_port=proxy)
    (folder / "nginx.conf").write_text(CONFIG.format(folder=folder, snippet=snippet))
    env = {**os.environ, "ALTERNANCE_CACHE_DIR": str(folder / "cache")}
    processes: list[subprocess.Popen[bytes]] = []
    try:
        for port, name in ((port_a, "a"), (port_b, "b")):
            command = [sys.executable, "-m", "alternance_tui", "serve", "--port", str(port)]
            command += ["--lang", "en", "--per-user-sessions"]
            command += ["--public-url", f"http://127.0.0.1:{proxy}"]
            backend_env = {**env, "ALTERNANCE_DATA_DIR": str(folder / f"data-{name}")}
            processes.append(
                subprocess.Popen(
                    command, env=backend_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
                )
            )
        check = subprocess.run(
            [nginx, "-t", "-q", "-p", str(folder), "-c", str(folder / "nginx.conf")],
            capture_output=True,
            text=True,
            check=False,
        )
        if check.returncode != 0:
            raise SystemExit(f"nginx -t: {check.stderr}")
        processes.append(
            subprocess.Popen(
                [nginx, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-g", "daemon off;"]
            )
        )
        for port, process in zip((port_a, port_b, proxy), processes, strict=True):
            wait_listening(port, process)
        print(f"nginx on 127.0.0.1:{proxy} -> serve on 127.0.0.1:{port_a} and :{port_b}")
        problems = asyncio.run(trial(proxy, args.browsers, folder / "access.log"))
        if args.chromium:
            problems += in_chromium(proxy, args.chromium)
    finally:
        for process in reversed(processes):
            process.terminate()
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
        if args.keep:
            print(f"kept: {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    for problem in problems:
        print(f"PROBLEM: {problem}")
    print("all checks passed" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
