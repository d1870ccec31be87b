"""docs/deploy.md's nginx configuration for ``alternance web``, tried as written:
Debian's nginx on loopback, round robin over two processes that share a key, no
sticky sessions. Skips, saying why, when nginx cannot be found (.ci/run installs
it from Debian)."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from tests.webform.browser import RUNNING, free_port, web_server

ROOT = Path(__file__).resolve().parents[2]
FRAME = """\
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 256; }}
http {{
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    log_format routed '"$request" $status upstream=$upstream_addr';
    access_log {folder}/access.log routed;
{block}
}}
"""
STATE = re.compile(r'name="state" value="([^"]*)"')
ASKED = re.compile(r'name="asked" value="([^"]*)"')


def documented_block() -> str:
    """The nginx block docs/deploy.md shows for ``alternance web``."""
    text = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    found = re.search(r"```nginx\n(# /etc/nginx/conf.d/alternance-web.conf.*?)```", text, re.S)
    assert found, "docs/deploy.md shows no nginx block for alternance web"
    return found.group(1)


def post(url: str, fields: list[tuple[str, str]]) -> str:
    data = urllib.parse.urlencode(fields).encode()
    with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=30) as reply:
        return str(reply.read().decode("utf-8"))


def step(url: str, page: str, go: str, *answers: str) -> str:
    import html

    asked = ASKED.search(page)
    fields = [("state", html.unescape(STATE.findall(page)[-1])), ("go", go)]
    fields += [("asked", asked.group(1) if asked else "")]
    fields += [("answer", a) for a in answers]
    return post(url, fields)


def test_two_web_processes_behind_nginx_with_no_sticky_sessions(tmp_path: Path) -> None:
    nginx = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx",) if Path(p).is_file()), None
    )
    if nginx is None:
        pytest.skip("no nginx on this machine (Debian: apt-get install nginx; .ci/run does it)")
    secret = "same-secret-for-both-" + "x" * 16
    with (
        web_server(tmp_path, "--lang", "en", secret=secret) as one,
        web_server(tmp_path, "--lang", "en", secret=secret) as two,
        web_server(tmp_path, "--lang", "en", secret="another-secret-" + "y" * 16) as third,
    ):
        ports = [urllib.parse.urlsplit(u).port for u in (one, two)]
        proxy = free_port()
        block = documented_block()
        block = block.replace("127.0.0.1:8001", f"127.0.0.1:{ports[0]}")
        block = block.replace("127.0.0.1:8002", f"127.0.0.1:{ports[1]}")
        block = block.replace("listen 80;", f"listen 127.0.0.1:{proxy};")
        (tmp_path / "nginx.conf").write_text(FRAME.format(folder=tmp_path, block=block))
        command = [nginx, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")]
        checked = subprocess.run(
            [*command, "-t", "-q"], capture_output=True, text=True, check=False
        )
        assert checked.returncode == 0, checked.stderr
        server = subprocess.Popen([*command, "-g", "daemon off;"], stderr=subprocess.PIPE)
        url = f"http://127.0.0.1:{proxy}/"
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(url + "healthz", timeout=2).close()
                    break
                except OSError:
                    time.sleep(0.1)
            page = step(url, urllib.request.urlopen(url, timeout=30).read().decode(), "start")
            for answer in ("20", "private", "bac_general"):
                page = step(url, page, "next", answer)
            assert "How many months" in page or "What is your situation" in page
            log = (tmp_path / "access.log").read_text()
            used = set(re.findall(r"upstream=127\.0\.0\.1:(\d+)", log))
            assert used == {str(p) for p in ports}, log  # both served the one interview
            # A page another key made is refused, through nginx too.
            foreign = step(
                third, urllib.request.urlopen(third, timeout=30).read().decode(), "start"
            )
            with pytest.raises(urllib.error.HTTPError) as refused:
                step(url, foreign, "next", "20")
            assert refused.value.code == 400
            assert "This form cannot be used" in refused.value.read().decode()
            # One process stopped: the same interview goes on through the other.
            RUNNING[one].terminate()
            RUNNING[one].wait(15)
            for _ in range(20):
                if "Your answers" in page:
                    break
                page = step(url, page, "next", *_shown(page))
            results = step(url, page, "results")
            assert "Your work-linked training options" in results
            assert "Apprenticeship contract" in results
        finally:
            server.terminate()
            server.wait(15)


def _shown(page: str) -> list[str]:
    import html

    values = []
    for tag in re.findall(r"<input [^>]*name=\"answer\"[^>]*>", page):
        value = re.search(r'value="([^"]*)"', tag)
        if 'type="text"' in tag or " checked" in tag:
            values.append(html.unescape(value.group(1)) if value else "")
    if 'name="asked" value="duration_months"' in page:
        return ["24"]
    return values
