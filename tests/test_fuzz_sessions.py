"""Fuzzing what people keep and type beside the flows (issue 23): session files,
settings files and session names, with control characters, Rich markup, lone
surrogates, the app's own names, links, FIFOs and folders. Whatever the input,
the commands end with 0 or 2 and a message, print nothing that could drive a
terminal, and never touch a file outside the sessions folder or the app's own
sessions."""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from alternance_tui.cli.main import main
from alternance_tui.sessions.settings import load
from alternance_tui.sessions.settings_file import plainly_valid, quick
from alternance_tui.sessions.store import NameRefused, Session, SessionStore, name_problem

HOSTILE = [
    "\x1b]52;c;cm0gLXJmIH4=\x07",
    "\x1b[2J",
    "[/]",
    "[link=https://example.org]x[/link]",
    "[b]",
    "\ud800",
    "\udfff",
    "\u202e",
    "\x00",
    "\r",
    "\x9b31m",
    "<script>alert(1)</script>",
    "../",
    "previous",
    "autosave-2",
    "Zoé",
    "",
]
texts = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=12),
    st.lists(st.sampled_from(HOSTILE), max_size=3).map("".join),
)
names = st.one_of(texts, st.sampled_from([".", "/", "*", "...", "../..", "AUTOSAVE", "Previous-3"]))
json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**30), max_value=10**30),
        st.floats(allow_nan=True, allow_infinity=True),
        texts,
    ),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=8,
)
YOUNG = {"age": 20, "employer_sector": "private", "diploma": "bac_general", "duration_months": 24}
FIELDS = ("answers", "name", "notes", "saved_at", "lang", "current", "drafts", "scenarios")
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _raw_control(text: str) -> list[str]:
    return [c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0]


@contextlib.contextmanager
def _folder(monkeypatch: pytest.MonkeyPatch) -> Iterator[SessionStore]:
    with tempfile.TemporaryDirectory(prefix="alternance-fuzz-") as folder:
        monkeypatch.setenv("ALTERNANCE_DATA_DIR", folder)
        store = SessionStore()
        store.directory.mkdir(parents=True)
        yield store


def _run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(args)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    return code, out.getvalue(), err.getvalue()


def _snapshot(store: SessionStore) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in store.directory.iterdir() if p.is_file()}


@FUZZ
@given(name=names)
def test_a_typed_name_addresses_an_advisors_file_or_is_refused(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with _folder(monkeypatch) as store:
        store.save(Session("alternance", dict(YOUNG)))
        store.save(Session("alternance", dict(YOUNG)), "previous")
        own = _snapshot(store)
        problem = name_problem(name)
        try:
            path = store.named_path(name)
        except NameRefused:
            assert problem is not None
        else:
            assert problem is None
            assert path.parent == store.directory
            assert path.name not in own
        for action in ("delete", "show"):
            code, out, err = _run(["sessions", action, name])
            assert code in (0, 2)
            assert _raw_control(out + err) == []
            (out + err).encode("utf-8")
        assert {k: v for k, v in _snapshot(store).items() if k in own} == own


@FUZZ
@given(
    fields=st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=5),
    kind=st.sampled_from(["file", "file", "file", "fifo", "dangling", "loop", "folder", "copy"]),
)
def test_any_session_file_is_listed_shown_and_exported_or_refused_in_words(
    fields: dict[str, Any], kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with _folder(monkeypatch) as store:
        path = store.directory / "Zoe.json"
        document = {"version": 1, "flow": "alternance", "answers": dict(YOUNG), **fields}
        if kind in ("file", "copy"):
            path.write_text(json.dumps(document), encoding="utf-8")
            os.utime(path, (1e9, 1e9))  # an old file: set aside at once if damaged
            if kind == "copy":
                (store.directory / "Zoe [copy] \x1b.json").write_bytes(path.read_bytes())
        elif kind == "fifo":
            os.mkfifo(path)
        elif kind == "dangling":
            path.symlink_to(store.directory / "nothing")
        elif kind == "loop":
            path.symlink_to(path)
        else:
            path.mkdir()
        export = ["sessions", "export", "Zoe", "--as-of", "2026-01-01", "--format"]
        for args in (
            ["sessions", "list"],
            ["sessions", "show", "Zoe"],
            [*export, "json"],
            [*export, "markdown", "--notes"],
        ):
            code, out, err = _run(args)
            assert code in (0, 2), (args, err)
            assert _raw_control(out + err) == [], args
            (out + err).encode("utf-8")  # no lone surrogate reaches the terminal
            if code == 2:
                assert err.startswith("alternance: "), err
        assert not any(p.name.startswith(".") for p in store.directory.iterdir())


@FUZZ
@given(
    content=st.one_of(
        st.binary(max_size=64),
        json_values.map(lambda v: json.dumps(v).encode()),
        st.dictionaries(
            st.sampled_from(["lang", "theme", "version", "advisor", "x"]), json_values, max_size=4
        ).map(lambda v: json.dumps(v).encode()),
        st.integers(1, 50_000).map(lambda n: b"[" * n),
    )
)
@example(content=b"[" * 100_000)  # RecursionError in json.loads
@example(content=b'{"lang": "en", "advisor": {"handout_folder": "\\ud800"}}')
def test_any_settings_file_gives_settings_or_the_defaults_never_an_error(
    content: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    with tempfile.TemporaryDirectory(prefix="alternance-fuzz-") as folder:
        monkeypatch.setenv("ALTERNANCE_CONFIG_DIR", folder)
        (Path(folder) / "settings.json").write_bytes(content)
        lang, _theme = quick()
        assert lang in (None, "fr", "en")
        assert isinstance(plainly_valid(), bool)
        settings_read, problem = load()
        assert problem is None or isinstance(problem, str)
        assert settings_read.lang in (None, "fr", "en")
