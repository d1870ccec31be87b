"""Printing a page as a person would: through a real headless Chromium (Debian's,
driven by Playwright, never a downloaded browser) to an A4 PDF, read back page
by page with pypdf. The handout and the printed comparison are checked this way."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from io import BytesIO
from pathlib import Path

import pytest

_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium() -> str:
    """The system's Chromium, or the test is skipped saying why."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip("no chromium on this machine (.ci/run installs Debian's): cannot print")
    return found


def printed(page_html: str, pdf: Path | None = None) -> list[str]:
    """The text of each A4 page ``page_html`` prints to, as Chromium prints it
    (the page's own @page margins); the PDF is kept at ``pdf`` when given."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[test]'")
    reader = pytest.importorskip("pypdf", reason="pip install -e '.[test]'")
    executable = chromium()
    # A short profile folder of our own: Chromium refuses socket paths over 108 bytes.
    with tempfile.TemporaryDirectory(prefix="alt-print-") as profile:
        old = os.environ.get("TMPDIR")
        os.environ["TMPDIR"] = profile
        try:
            with sync_api.sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=executable, args=_ARGS)
                try:
                    page = browser.new_page()
                    page.set_content(page_html, wait_until="load")
                    data = page.pdf(format="A4", prefer_css_page_size=True)
                finally:
                    browser.close()
        finally:
            if old is None:
                os.environ.pop("TMPDIR", None)
            else:
                os.environ["TMPDIR"] = old
    if pdf is not None:
        pdf.write_bytes(data)
    pages = reader.PdfReader(BytesIO(data)).pages
    return [_plain(p.extract_text() or "") for p in pages]


def _plain(text: str) -> str:
    return re.sub(r"[ \u00a0\u202f]+", " ", text)


def headings(page_html: str) -> list[str]:
    """The page's h2 and h3 texts, as printed (spaces made plain)."""
    import html

    found = re.findall(r"<h[23][^>]*>(.*?)</h[23]>", page_html)
    return [_plain(html.unescape(re.sub(r"<[^>]+>", "", h))) for h in found]


def stranded(pages: list[str], titles: list[str]) -> list[str]:
    """The headings that end a page (their content went to the next one)."""
    out = []
    for text in pages[:-1]:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if lines and any(lines[-1] == t or t.endswith(lines[-1]) for t in titles):
            out.append(lines[-1])
    return out
