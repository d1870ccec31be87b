"""Two people on one ``alternance web`` at the same time, in two Chromium contexts
(two browsers, as far as the server can tell): one in English with JavaScript at
320 CSS px, one in French without JavaScript at 200 % zoom. Their pages are
interleaved; neither ever sees the other's answers, and the server writes no file
whatever they send."""

from __future__ import annotations

import os
import re
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from tests.webform.browser import chromium_browser, overflow, web_server
from tests.webform.test_browser import AS_OF, OLDER, YOUNG, _answer, _go

START = re.compile("Start|Commencer")


def _review_values(page: Any) -> dict[str, str]:
    """The review page's rows: the question's label, then its answer as shown."""
    rows = page.locator("div.summary-row")
    return {
        rows.nth(i).locator("dt").inner_text(): rows.nth(i).locator("dd.value").inner_text()
        for i in range(rows.count())
    }


def test_two_visitors_at_once_never_see_each_others_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with (
        web_server(tmp_path, "--lang", "en", "--as-of", AS_OF) as url,
        chromium_browser(monkeypatch) as browser,
    ):
        one = browser.new_context(viewport={"width": 320, "height": 640}, locale="en-GB")
        two = browser.new_context(
            viewport={"width": 640, "height": 400},
            device_scale_factor=2,  # 1280 device px at 200 % zoom
            java_script_enabled=False,
            locale="fr-FR",
        )
        ann, bea = one.new_page(), two.new_page()
        _go(ann, lambda: ann.goto(url))
        _go(bea, lambda: bea.goto(url + "?lang=fr"))
        _go(ann, lambda: ann.get_by_role("button", name=START).click())
        _go(bea, lambda: bea.get_by_role("button", name=START).click())
        plans = {id(ann): YOUNG, id(bea): OLDER}
        going = [ann, bea]
        while going:  # one page each in turn, as two people at two desks
            for page in list(going):
                if not page.locator("input[name=asked]").count():
                    going.remove(page)
                    continue
                assert overflow(page) == 0, page.url
                _answer(page, plans[id(page)])
                _go(page, lambda page=page: page.locator("button[value=next]").click())
                assert page.locator(".error-summary").count() == 0, page.content()
        assert ann.locator("html").get_attribute("lang") == "en"
        assert bea.locator("html").get_attribute("lang") == "fr"
        mine, hers = _review_values(ann), _review_values(bea)
        assert mine["Age at the start"] == "20 years"
        assert mine["Highest diploma"] == "General baccalaureate"
        assert hers["Âge au début du contrat"] == "30 ans"
        assert hers["Diplôme le plus élevé"] == "Licence (bac+3)"
        # Only what each was asked: Ann (20) was never asked about job seeking.
        assert "Situations particulières" in hers and len(hers) > len(mine)
        assert not any("job" in label.lower() or "Situations" in label for label in mine)
        _go(ann, lambda: ann.locator("button[value=results]").click())
        _go(bea, lambda: bea.locator("button[value=results]").click())
        assert "Apprenticeship contract" in ann.locator("main").inner_text()
        assert "Contrat d’apprentissage" in bea.locator("main").inner_text()
        assert "RQTH" not in ann.content() and "RQTH" in bea.content()
        for page in (ann, bea):
            assert overflow(page) == 0
        # Nothing ties a browser to its answers on the server: no cookie, no session.
        assert one.cookies() == [] and two.cookies() == []
        one.close()
        two.close()


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    found = {}
    for root, _dirs, names in os.walk(folder):
        for name in names:
            path = Path(root, name)
            info = path.lstat()
            found[str(path.relative_to(folder))] = (info.st_size, info.st_mtime_ns)
    return found


def _post(url: str, fields: list[tuple[str, str]] | bytes) -> tuple[int, str]:
    body = fields if isinstance(fields, bytes) else urllib.parse.urlencode(fields).encode()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, body), timeout=30) as reply:
            return reply.status, reply.read().decode()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read().decode()


def _state(html: str) -> str:
    import html as markup

    return markup.unescape(re.findall(r'name="state" value="([^"]*)"', html)[-1])


@pytest.mark.parametrize("kiosk", [False, True], ids=["web", "kiosk"])
def test_a_visitor_writes_no_file_on_the_server(tmp_path: Path, kiosk: bool) -> None:
    """A whole interview, hostile answers, paths where names go: the server's
    folders (its HOME, data, cache, config and working folder) stay as they were."""
    options = ("--kiosk",) if kiosk else ()
    with web_server(tmp_path, "--as-of", AS_OF, *options) as url:
        with urllib.request.urlopen(url, timeout=30) as reply:
            page = reply.read().decode()
        before = _files(tmp_path)
        status, page = _post(url, [("state", _state(page)), ("go", "start")])
        for typed in ("../../etc/passwd", "/tmp/x", "\x00", "[/]", "%ED%A0%80", "9" * 20_000):
            status, _ = _post(url, [("state", _state(page)), ("go", "next"), ("answer", typed)])
            assert status == 200
        plan = {q: v[0] for q, v in YOUNG.items()}
        for _ in range(20):
            asked = re.search(r'name="asked" value="([^"]*)"', page)
            if asked is None:
                break
            fields = [("state", _state(page)), ("go", "next"), ("asked", asked.group(1))]
            if asked.group(1) in plan:
                fields.append(("answer", plan[asked.group(1)]))
            else:
                fields += [("answer", v) for v in re.findall(r'value="([^"]*)" checked', page)]
            status, page = _post(url, fields)
            assert status == 200, page
        for go in ("results", "change:age", "back", "results", "restart"):
            status, page = _post(url, [("state", _state(page)), ("go", go)])
            assert status == 200
        for path in ("static/../seal.py", "static/%2e%2e/server.py", "static/..%2fserver.py"):
            try:
                with urllib.request.urlopen(url + path, timeout=30) as reply:
                    assert "import" not in reply.read().decode(), path
            except urllib.error.HTTPError as refused:
                assert refused.code in (403, 404), path
        assert _files(tmp_path) == before
