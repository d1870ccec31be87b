"""`alternance graph` (the decision tree, Mermaid or dot) and `alternance schema`
(the JSON Schema editors use to validate and complete flow files)."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from alternance_tui.cli.main import main
from alternance_tui.flow.graph import render_graph
from alternance_tui.flow.load import load_flow
from alternance_tui.flow.model import Flow

from .conftest import BIKE, SHIPPED, WriteFlow, outcomes_toml, question_toml


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _edges(flow: Flow) -> list[tuple[str, str, str | None]]:
    return [
        (q.id, rule.goto, rule.when.source if rule.when else None)
        for q in flow.questions.values()
        for rule in q.next
    ]


# --- mermaid ---------------------------------------------------------------------------------


def test_mermaid_shows_every_question_outcome_and_rule(
    capsys: pytest.CaptureFixture[str], bike: Flow
) -> None:
    code, out, _ = run(capsys, "graph", "--flow", str(BIKE), "--lang", "en")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "flowchart TD"
    assert '  usage["Terrain"]' in lines
    assert '  mountain_bike(["A mountain bike"])' in lines  # outcomes are rounded
    for source, target, when in _edges(bike):
        if when is None:
            assert f"  {source} --> {target}" in lines
        else:
            assert f'  {source} -->|"{when.replace(chr(34), chr(39))}"| {target}' in lines
    assert len([ln for ln in lines if "-->" in ln]) == len(_edges(bike))


def test_the_graph_speaks_the_language_asked_for(capsys: pytest.CaptureFixture[str]) -> None:
    _, english, _ = run(capsys, "graph", "--flow", str(BIKE), "--lang", "en")
    _, french, _ = run(capsys, "graph", "--flow", str(BIKE), "--lang", "fr")
    assert "A cargo bike" in english and "A cargo bike" not in french
    assert "Un vélo cargo" in french


def test_the_default_graph_is_the_shipped_flow(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "graph", "--lang", "en")
    assert code == 0
    assert "  age -->" in out
    assert "results" in out


# --- dot ---------------------------------------------------------------------------------------


def _dot_statements(text: str) -> list[str]:
    lines = text.strip().splitlines()
    assert lines[0].startswith("digraph ") and lines[0].endswith("{")
    assert lines[-1] == "}"
    body = lines[1:-1]
    assert all(line.rstrip().endswith(";") for line in body), body
    return body


def test_dot_shows_every_question_outcome_and_rule(
    capsys: pytest.CaptureFixture[str], bike: Flow
) -> None:
    code, out, _ = run(capsys, "graph", "--flow", str(BIKE), "--format", "dot", "--lang", "en")
    assert code == 0
    body = _dot_statements(out)
    assert out.count("{") == out.count("}")
    for question in bike.questions.values():
        assert any(line.startswith(f'  "{question.id}" [shape=box') for line in body)
    for outcome in bike.outcomes.values():
        assert any(line.startswith(f'  "{outcome.id}" [shape=ellipse') for line in body)
    edges = [line for line in body if "->" in line]
    assert len(edges) == len(_edges(bike))
    assert '  "usage" -> "suspension" [label="usage == \'trails\'"];' in edges


def test_ids_that_are_keywords_of_dot_or_mermaid_still_draw(write_flow: WriteFlow) -> None:
    # "node" and "edge" are dot keywords, "end" closes a block in Mermaid.
    path = write_flow(
        question_toml("node", "yes_no", next_rules=[("node", "edge"), (None, "end")]),
        question_toml("edge", "yes_no", next_rules=[(None, "end")]),
        outcomes_toml("end"),
    )
    flow = load_flow(path)
    dot = render_graph(flow, "dot")
    _dot_statements(dot)
    assert re.search(r"^\s*node\b", dot, re.MULTILINE) is None  # never a bare keyword
    assert '"node" -> "edge"' in dot
    mermaid = render_graph(flow, "mermaid")
    assert re.search(r"(^|\s)end(\s|\[|\(|$)", mermaid, re.MULTILINE) is None
    assert "End" in mermaid


def test_quotes_and_backslashes_in_texts_do_not_break_the_graph(write_flow: WriteFlow) -> None:
    path = write_flow(
        question_toml("pick", "yes_no", next_rules=[(None, "done")]),
        '[[outcomes]]\nid = "done"\n'
        'title = { en = "The \\"best\\" C:\\\\path", fr = "Le \\"meilleur\\"" }\n',
    )
    flow = load_flow(path)
    dot = render_graph(flow, "dot", "en")
    label = re.search(r'"done" \[shape=ellipse, style=bold, label="(.*)"\];', dot)
    assert label is not None
    assert '"' not in label.group(1)
    assert flow.outcomes["done"].title["en"] == 'The "best" C:\\path'
    assert "C:\\\\path" in label.group(1)  # the backslash escaped
    assert "The 'best'" in render_graph(flow, "mermaid", "en")


def test_a_broken_flow_has_no_graph(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('id = "x"\n', encoding="utf-8")
    code, out, err = run(capsys, "graph", "--flow", str(broken))
    assert code == 1
    assert out == ""
    assert "broken.toml" in err and "missing key" in err
    assert "Traceback" not in err


# --- schema -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["schema"]) == 0
    return json.loads(buffer.getvalue())  # valid JSON


def _definition(schema: dict[str, Any], name: str) -> dict[str, Any]:
    return schema["$defs"][name]


def _ref(prop: dict[str, Any]) -> str:
    """The $defs name a property points to (directly, in an array, or optional)."""
    for candidate in (prop, prop.get("items", {}), *prop.get("anyOf", [])):
        if "$ref" in candidate:
            return str(candidate["$ref"]).rsplit("/", 1)[-1]
        if "items" in candidate and "$ref" in candidate["items"]:
            return str(candidate["items"]["$ref"]).rsplit("/", 1)[-1]
    raise AssertionError(f"no $ref in {prop}")


def test_the_schema_is_json_schema_for_flow_files(schema: dict[str, Any]) -> None:
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["type"] == "object"
    assert {"id", "title", "languages", "questions", "outcomes"} <= set(schema["required"])
    assert schema["additionalProperties"] is False  # editors flag typos too


def test_the_schema_describes_questions(schema: dict[str, Any]) -> None:
    question = _definition(schema, _ref(schema["properties"]["questions"]))
    assert question["additionalProperties"] is False
    assert set(question["properties"]["kind"]["enum"]) == {"choice", "multi", "number", "yes_no"}
    assert {"id", "kind", "prompt"} <= set(question["required"])
    for key in ("choices", "min", "max", "integer", "unit", "optional", "default", "next"):
        assert key in question["properties"]
    rule = _definition(schema, _ref(question["properties"]["next"]))
    assert set(rule["properties"]) == {"when", "goto"}
    assert "condition" in rule["properties"]["when"]["description"]


@pytest.mark.parametrize("flow_path", [BIKE, SHIPPED], ids=["bike", "alternance"])
def test_the_schema_knows_every_key_real_flows_use(schema: dict[str, Any], flow_path: Path) -> None:
    data = tomllib.loads(flow_path.read_text(encoding="utf-8"))
    assert set(data) <= set(schema["properties"])
    question_def = _definition(schema, _ref(schema["properties"]["questions"]))
    choice_def = _definition(schema, _ref(question_def["properties"]["choices"]))
    for question in data["questions"]:
        assert set(question) <= set(question_def["properties"]), question["id"]
        assert question["kind"] in question_def["properties"]["kind"]["enum"]
        for choice in question.get("choices", []):
            assert set(choice) <= set(choice_def["properties"])
            assert re.fullmatch(choice_def["properties"]["id"]["pattern"], choice["id"])


@pytest.mark.parametrize("kind", ["rates", "advice"])
def test_the_other_data_files_have_schemas_too(
    capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    code, out, _ = run(capsys, "schema", kind)
    assert code == 0
    assert json.loads(out)["properties"]["kind"]["const"] == kind
