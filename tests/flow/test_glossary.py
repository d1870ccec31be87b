"""A flow's glossary: its words found in a text as whole words, explained in every
language, each word once."""

from __future__ import annotations

from alternance_tui.flow.glossary import explained, in_short, sorted_entries, used_in
from alternance_tui.flow.load import load_flow
from alternance_tui.flow.model import GlossaryEntry

from .conftest import WriteFlow, outcomes_toml, problems_of, question_toml

SMIC = GlossaryEntry(
    {"fr": "SMIC", "en": "SMIC"}, {"fr": "le salaire minimum.", "en": "the minimum wage."}
)
CSG = GlossaryEntry(
    {"fr": "CSG, CRDS", "en": "CSG, CRDS"},
    {"fr": "des prélèvements.", "en": "deductions."},
    ("CSG", "CRDS"),
)
GROSS = GlossaryEntry(
    {"fr": "Brut", "en": "Gross"},
    {"fr": "avant cotisations.", "en": "before contributions."},
    ("brut", "Brut", "gross", "Gross"),
    {"fr": "avant cotisations", "en": "before contributions"},
)


def test_words_are_found_whole() -> None:
    glossary = [SMIC, CSG, GROSS]
    assert used_in(["43 % of the SMIC"], glossary, "en") == [SMIC]
    assert used_in(["CSG-CRDS on the part above"], glossary, "fr") == [CSG]
    assert used_in(["SMICARD", "a grossly long text", "PCSG"], glossary, "en") == []
    assert used_in(["Monthly gross"], glossary, "en") == [GROSS]
    assert used_in([], glossary, "en") == []


def test_explained_in_each_language_and_a_to_z() -> None:
    assert explained(SMIC, "fr") == "SMIC\u00a0: le salaire minimum."
    assert explained(GROSS, "en") == "Gross: before contributions."
    assert in_short(GROSS, "fr") == "Brut\u00a0: avant cotisations"
    assert in_short(SMIC, "en") == "SMIC: the minimum wage."  # no short: the meaning
    assert sorted_entries([SMIC, GROSS, CSG], "fr") == [GROSS, CSG, SMIC]


def _flow(write_flow: WriteFlow, glossary: str):  # type: ignore[no-untyped-def]
    return write_flow(
        question_toml("age", "number", next_rules=[(None, "done")]),
        outcomes_toml("done"),
        glossary,
    )


def test_a_glossary_is_read_from_the_flow(write_flow: WriteFlow) -> None:
    path = _flow(
        write_flow,
        '[[glossary]]\nterm = "SMIC"\nmeans = { en = "the minimum wage.", fr = "le SMIC." }\n',
    )
    assert problems_of(path) == []
    [entry] = load_flow(path).glossary
    assert entry.term == {"en": "SMIC", "fr": "SMIC"}


def test_a_word_explained_twice_or_in_one_language_is_a_problem(write_flow: WriteFlow) -> None:
    twice = '[[glossary]]\nterm = "SMIC"\nmeans = { en = "a.", fr = "a." }\n' * 2
    messages = [p.message for p in problems_of(_flow(write_flow, twice))]
    assert '"SMIC" is explained twice in the glossary' in messages
    half = '[[glossary]]\nterm = "SMIC"\nmeans = { en = "the minimum wage." }\n'
    assert any("fr" in p.message for p in problems_of(_flow(write_flow, half)))
