"""Loading a flow file: read, validate against the schema, build, check.

``load_flow`` raises ``FlowError`` with every problem found, each located as
``FILE:LINE: key.path: message``; it never lets a traceback through for a
malformed file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alternance_tui.flow.files import display_name, located, read_toml, schema_problems
from alternance_tui.flow.gcpause import paused_gc
from alternance_tui.flow.model import Flow
from alternance_tui.flow.problems import FlowError, Problem


def file_kind(data: dict[str, Any]) -> str:
    """The file's ``kind`` ("flow" when it has none). One that is not text
    (``kind = 1979-05-27``) is given as written, to be refused like any
    unknown kind, not read as a flow."""
    kind = data.get("kind", "flow")
    return kind if isinstance(kind, str) else str(kind)


def flow_from_data(
    data: dict[str, Any], text: str, path: Path
) -> tuple[Flow | None, list[Problem]]:
    """Validate and check a parsed flow document."""
    # Deferred: pydantic is only needed when a flow is not in the cache.
    from pydantic import ValidationError

    from alternance_tui.flow.build import build_flow
    from alternance_tui.flow.check.run import check_flow
    from alternance_tui.flow.schema import FlowFile

    name = display_name(path)
    with paused_gc():
        try:
            model = FlowFile.model_validate(data)
        except ValidationError as exc:
            return None, located(schema_problems(exc, name, all_flow_keys()), text)
        flow, problems = build_flow(model, name, path.parent)
        if not any(p.severity == "error" for p in problems):
            problems += check_flow(flow)
    return flow, located(problems, text)


def check_flow_file(path: Path) -> tuple[Flow | None, list[Problem]]:
    """The flow in ``path`` (None if it could not be built) and its problems."""
    data, text, problems = read_toml(path)
    if data is None:
        return None, problems
    kind = file_kind(data)
    if kind != "flow":
        message = f'kind = "{kind}": this is not a flow file'
        return None, located([Problem(display_name(path), message, ("kind",))], text)
    return flow_from_data(data, text, path)


def load_flow(path: Path) -> Flow:
    flow, problems = check_flow_file(path)
    if flow is None or any(p.severity == "error" for p in problems):
        raise FlowError(problems)
    return flow


def all_flow_keys() -> list[str]:
    from alternance_tui.flow.schema import ChoiceFile, FlowFile, NextFile, OutcomeFile, QuestionFile

    keys: set[str] = set()
    for model in (FlowFile, QuestionFile, ChoiceFile, NextFile, OutcomeFile):
        keys.update(model.model_fields)
    return sorted(keys)
