"""A damaged saved session is set aside with a warning in the person's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from alternance_tui.store import SessionStore


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["The saved session autosave.json was damaged", "Starting afresh."]),
        ("fr", ["La session enregistrée autosave.json était endommagée", "Nouvel entretien."]),
    ],
)
def test_a_damaged_session_is_set_aside_with_a_warning_in_the_persons_language(
    tmp_path: Path, lang: str, words: list[str]
) -> None:
    store = SessionStore(tmp_path)
    (tmp_path / "autosave.json").write_text("{half a file", encoding="utf-8")
    loaded = store.load(lang=lang)
    assert loaded.session is None and loaded.warning is not None
    for part in words:
        assert part in loaded.warning
    [kept] = tmp_path.glob("autosave.damaged-*.json.bak")
    assert kept.name in loaded.warning
    assert not (tmp_path / "autosave.json").exists()
