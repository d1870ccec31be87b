"""A second, unrelated flow (choosing a bike, tests/data/flows/bike.toml) runs
through loading, walking, checking and drawing with no change to the code: the
engine knows nothing about work-linked training."""

from __future__ import annotations

import itertools
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from alternance_tui.advice.load import check_paths, load_bundle
from alternance_tui.flow.answers import parse_answers
from alternance_tui.flow.check.run import check_flow
from alternance_tui.flow.cond import Value
from alternance_tui.flow.graph import render_graph
from alternance_tui.flow.load import check_flow_file, load_flow
from alternance_tui.flow.model import Flow
from alternance_tui.flow.walk import progress, walk
from alternance_tui.interview.state import Interview

from .conftest import BIKE, SHIPPED

# Every way through the bike flow, as answers typed on the command line.
JOURNEYS = {
    "mountain_bike": {"usage": "trails", "suspension": "yes"},
    "gravel_bike": {"usage": "Forest trails", "suspension": "non"},
    "road_bike": {"usage": "road", "distance_km": "60"},
    "cargo_bike": {"usage": "city", "distance_km": "20", "extras": "child_seat"},
    "ebike": {"usage": "En ville", "distance_km": "20", "extras": "laptop"},
    "city_bike": {"usage": "city", "distance_km": "3"},
}


def _shipped_words() -> set[str]:
    """Every id of the shipped flow: none may appear in the engine's messages."""
    data = tomllib.loads(SHIPPED.read_text(encoding="utf-8"))
    words = {q["id"] for q in data["questions"]}
    words |= {c["id"] for q in data["questions"] for c in q.get("choices", [])}
    # Words of the engine's own vocabulary ("unknown" choices) are not the domain's.
    return {w for w in words if len(w) > 3} - {"unknown", "none", "either"}


def test_the_bike_flow_loads_and_checks_clean(bike: Flow) -> None:
    assert bike.id == "bike"
    assert set(bike.questions) == {"usage", "suspension", "distance_km", "extras"}
    assert check_flow(bike) == []
    assert check_flow_file(BIKE)[1] == []
    assert check_paths([BIKE]) == []


def test_it_loads_as_a_bundle_with_no_data_files() -> None:
    bundle = load_bundle(BIKE)
    assert bundle.flow.id == "bike"
    assert bundle.flow.uses == ()


@pytest.mark.parametrize(("outcome", "typed"), sorted(JOURNEYS.items()))
def test_every_outcome_is_reached_by_typed_answers(
    bike: Flow, outcome: str, typed: dict[str, str]
) -> None:
    answers, problems = parse_answers(bike, typed, "en", from_text=True)
    assert problems == []
    state = walk(bike, answers)
    assert state.outcome == outcome
    assert Interview(bike, answers=answers).applicable() == answers
    # Progress counts the questions of this very path.
    last = state.path[-1]
    shown = progress(bike, {k: v for k, v in answers.items() if k != last}, last)
    assert (shown.position, shown.total) == (len(state.path), len(state.path))


def test_every_combination_of_answers_ends_in_an_outcome(bike: Flow) -> None:
    # Brute force over representative answers: the checker's promise, kept.
    values: dict[str, list[Value]] = {
        "usage": ["city", "road", "trails"],
        "suspension": [True, False],
        "distance_km": [1, 14, 15, 39, 40, 300],
        "extras": [frozenset(), frozenset({"cargo"}), frozenset({"laptop"}), None],
    }
    reached = set()
    for combo in itertools.product(*values.values()):
        state = walk(bike, dict(zip(values, combo, strict=True)))
        assert state.complete, combo
        reached.add(state.outcome)
    assert reached == set(bike.outcomes)


def test_the_graph_draws_the_bike_flow(bike: Flow) -> None:
    for fmt in ("mermaid", "dot"):
        text = render_graph(bike, fmt, "fr")
        for node in [*bike.questions, *bike.outcomes]:
            assert node in text
        assert "Un vélo cargo" in text


def test_mistakes_in_the_bike_flow_are_told_in_its_own_words(tmp_path: Path) -> None:
    broken = tmp_path / "bike.toml"
    text = BIKE.read_text(encoding="utf-8")
    text = text.replace('usage == "trails"', 'usage == "forest"')
    text = text.replace('"child_seat" in extras', '"child" in extras')
    text = text.replace("distance_km >= 15", "distance >= 15")
    text = text.replace('when = "suspension"', 'when = "suspension >"')
    broken.write_text(text, encoding="utf-8")
    problems = check_paths([broken])
    messages = "\n".join(p.message for p in problems)
    assert '"forest" is not a choice of question "usage"' in messages
    assert '"child" is not a choice of question "extras"; did you mean "child_seat"?' in messages
    assert 'unknown question "distance"; did you mean "distance_km"?' in messages
    assert "cannot read the condition 'suspension >'" in messages
    assert len(problems) == 4
    leaked = {w for w in _shipped_words() if w in messages}
    assert leaked == set(), f"the engine talks about alternance: {leaked}"


def test_the_command_line_runs_the_bike_flow(tmp_path: Path) -> None:
    flow = tmp_path / "bike.toml"
    shutil.copy(BIKE, flow)
    script = Path(sys.executable).with_name("alternance")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "alternance_tui"]
    checked = subprocess.run(
        [*command, "check", str(flow)], capture_output=True, text=True, timeout=60, check=False
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    graph = subprocess.run(
        [*command, "graph", "--flow", str(flow), "--format", "dot", "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert graph.returncode == 0
    assert '"distance_km" -> "road_bike"' in graph.stdout


def test_the_engine_sources_name_nothing_of_the_domain() -> None:
    import alternance_tui.flow as engine

    folder = Path(engine.__file__).parent
    words = _shipped_words() | {"smic", "apprenticeship", "apprentissage", "contract", "diploma"}
    for source in folder.rglob("*.py"):
        code = source.read_text(encoding="utf-8").lower()
        # Docstrings and comments may give examples; identifiers and messages may not.
        code_lines = [
            line
            for line in code.splitlines()
            if not line.strip().startswith("#") and "``" not in line and "e.g." not in line
        ]
        body = "\n".join(code_lines)
        found = {w for w in words if f'"{w}"' in body or f"'{w}'" in body}
        assert found == set(), f"{source.name} names {found}"


def test_the_engine_does_not_import_the_ui() -> None:
    code = (
        "import sys\n"
        "import alternance_tui.flow.load, alternance_tui.flow.walk, alternance_tui.flow.check.run\n"
        "import alternance_tui.flow.graph, alternance_tui.flow.answers, alternance_tui.flow.cache\n"
        f"alternance_tui.flow.load.load_flow(__import__('pathlib').Path({str(BIKE)!r}))\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'textual'], 'textual imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr


def test_loading_a_flow_needs_no_network_and_no_user_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "nowhere"))
    monkeypatch.setenv("ALTERNANCE_NO_CACHE", "1")
    assert load_flow(BIKE).start == "usage"
