"""Property tests (hypothesis): whatever a person types, in whatever order, the walker
never crashes and a finished interview ends in an outcome; whatever text a flow
puts in a condition, parsing raises at most a ConditionError; whatever a small
flow file holds, loading it gives a flow or located problems, never an exception;
and the checker finds exactly the dead ends a brute-force walk finds."""

from __future__ import annotations

import contextlib
import itertools
import math
import string
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from alternance_tui.flow import cond
from alternance_tui.flow.answers import AnswerError, parse_json, parse_text
from alternance_tui.flow.cond import ConditionError, Value
from alternance_tui.flow.load import check_flow_file, flow_from_data, load_flow
from alternance_tui.flow.model import Flow, Question
from alternance_tui.flow.problems import Problem
from alternance_tui.flow.walk import predicted_path, progress, walk
from alternance_tui.interview.state import Interview

from .conftest import BIKE, SHIPPED

FLOWS = {"bike": load_flow(BIKE), "alternance": load_flow(SHIPPED)}
MODEST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- answers a person may type --------------------------------------------------------------


def _numbers_near(question: Question, flow: Flow) -> list[float]:
    """Numbers at and around every threshold the flow compares this question with."""
    points = {0.0, 1.0, -1.0, 1e9}
    for q in flow.questions.values():
        for rule in q.next:
            if rule.when is not None:
                for value in cond.thresholds(rule.when.tree).get(question.id, set()):
                    points.update((value - 1, value - 0.5, value, value + 0.5, value + 1))
    for bound in (question.minimum, question.maximum):
        if bound is not None:
            points.update((bound - 1, bound, bound + 1))
    return sorted(points)


def valid_value(question: Question, flow: Flow) -> st.SearchStrategy[Value]:
    if question.kind == "choice":
        return st.sampled_from(question.choice_ids)
    if question.kind == "multi":
        return (
            st.frozensets(st.sampled_from(question.choice_ids))
            if question.choices
            else (st.just(frozenset()))
        )
    if question.kind == "yes_no":
        return st.booleans()
    low = question.minimum if question.minimum is not None else -1e6
    high = question.maximum if question.maximum is not None else 1e6
    near = [p for p in _numbers_near(question, flow) if low <= p <= high]
    if question.integer:
        near = [p for p in near if float(p).is_integer()]
        numbers: st.SearchStrategy[float] = st.integers(math.ceil(low), math.floor(high)).map(float)
    else:
        numbers = st.floats(low, high, allow_nan=False)
    if near:
        numbers = st.one_of(st.sampled_from(near), numbers)
    return numbers.map(lambda n: int(n) if float(n).is_integer() else n)


def typed_text(question: Question, flow: Flow) -> st.SearchStrategy[str]:
    """What a person might type: right, nearly right, or anything at all."""
    right = valid_value(question, flow).map(
        lambda v: ", ".join(sorted(v)) if isinstance(v, frozenset) else str(v)
    )
    labels = (
        st.sampled_from([label for c in question.choices for label in c.label.values()])
        if question.choices
        else st.just("")
    )
    nearly = st.sampled_from(["", " ", "12,5", "1 000", "oui", "NON", "-3", "inf", "nan", "1e400"])
    return st.one_of(right, right.map(str.upper), labels, nearly, st.text(max_size=20))


def raw_value() -> st.SearchStrategy[object]:
    """Values of any JSON type, as a broken answers file might hold."""
    scalars = st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=8)
    )
    return st.one_of(
        scalars,
        st.lists(scalars, max_size=3),
        st.dictionaries(st.text(max_size=3), scalars, max_size=2),
    )


def _check_state(flow: Flow, answers: dict[str, Value]) -> None:
    state = walk(flow, answers)
    assert state.path and state.path[0] == flow.start
    assert len(set(state.path)) == len(state.path)
    if state.complete:
        assert state.outcome in flow.outcomes and state.current is None
    else:
        assert state.current == state.path[-1]
        shown = progress(flow, answers, state.current)
        assert 1 <= shown.position <= shown.total
        assert predicted_path(flow, answers)[: len(state.path)] == state.path
    assert set(Interview(flow, answers=answers).applicable()) <= set(answers)


def _finish(flow: Flow, answers: dict[str, Value], data: st.DataObject) -> str:
    """Answer validly until the end; the outcome reached. On the way, "question k
    of about n" only moves forward."""
    last_position = 0
    for _ in range(len(flow.questions) + 1):
        state = walk(flow, answers)
        if state.complete:
            assert state.outcome is not None
            return state.outcome
        assert state.current is not None
        position = progress(flow, answers, state.current).position
        assert position > last_position
        last_position = position
        question = flow.questions[state.current]
        answers[state.current] = data.draw(valid_value(question, flow), label=state.current)
    raise AssertionError("the interview did not end")


@MODEST
@given(data=st.data(), flow_name=st.sampled_from(sorted(FLOWS)))
def test_any_sequence_of_answers_never_crashes_the_walker(
    data: st.DataObject, flow_name: str
) -> None:
    flow = FLOWS[flow_name]
    answers: dict[str, Value] = {}
    actions = data.draw(
        st.lists(st.sampled_from(["answer", "back", "edit", "clear", "raw"]), max_size=15),
        label="actions",
    )
    lang = data.draw(st.sampled_from(["fr", "en"]), label="lang")
    for action in actions:
        state = walk(flow, answers)
        if action == "answer" and state.current is not None:
            question = flow.questions[state.current]
            try:
                answers[state.current] = parse_text(
                    question, data.draw(typed_text(question, flow)), lang
                )
            except AnswerError as error:
                assert str(error)  # a message for the person, and nothing stored
        elif action == "back" and state.current is not None:
            earlier = state.previous(state.current)
            if earlier is not None:  # going back, then answering again
                answers[earlier] = data.draw(valid_value(flow.questions[earlier], flow))
        elif action == "edit" and state.path:
            target = data.draw(st.sampled_from(state.path))
            answers[target] = data.draw(valid_value(flow.questions[target], flow))
        elif action == "clear" and answers:
            del answers[data.draw(st.sampled_from(sorted(answers)))]
        elif action == "raw":
            target = data.draw(st.sampled_from(sorted(flow.questions)))
            raw = data.draw(raw_value())
            with contextlib.suppress(AnswerError):
                answers[target] = parse_json(flow.questions[target], raw, lang)
        _check_state(flow, answers)
    # Whatever happened before, answering on reaches an outcome.
    for question_id, value in list(answers.items()):
        if value is None and not flow.questions[question_id].optional:
            del answers[question_id]
    assert _finish(flow, answers, data) in flow.outcomes


@MODEST
@given(data=st.data(), flow_name=st.sampled_from(sorted(FLOWS)))
def test_wrongly_typed_answers_never_crash_the_walker(data: st.DataObject, flow_name: str) -> None:
    # A caller that skipped answer parsing (a hand-edited session file ...).
    flow = FLOWS[flow_name]
    hashable = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        st.text(max_size=5),
        st.frozensets(st.text(max_size=3), max_size=3),
    )
    answers = data.draw(st.dictionaries(st.sampled_from(sorted(flow.questions)), hashable))
    state = walk(flow, answers)
    assert state.path[0] == flow.start
    walk(flow, answers, use_defaults=True)
    predicted_path(flow, answers)
    Interview(flow, answers=answers).applicable()


@MODEST
@given(data=st.data(), flow_name=st.sampled_from(sorted(FLOWS)))
def test_every_complete_walk_ends_in_an_outcome(data: st.DataObject, flow_name: str) -> None:
    flow = FLOWS[flow_name]
    answers: dict[str, Value] = {}
    outcome = _finish(flow, answers, data)
    state = walk(flow, answers)
    assert state.complete and state.outcome == outcome
    # Every answer given is on the path: nothing was asked for nothing.
    assert set(answers) == set(state.path)


# --- conditions -------------------------------------------------------------------------------

TOKENS = [
    "age",
    "x",
    "y",
    "situations",
    "__import__",
    "os",
    "lambda",
    "import",
    "open",
    "eval",
    "and",
    "or",
    "not",
    "in",
    "is",
    "if",
    "else",
    "for",
    "True",
    "None",
    "0",
    "1",
    "18",
    "-2.5",
    "1e999",
    "'a'",
    '"b"',
    "'",
    '"',
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ".",
    ":",
    ";",
    "==",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    "+",
    "-",
    "*",
    "/",
    "//",
    "**",
    "%",
    "~",
    "@",
    "=",
    ":=",
    "\\",
    "#",
    "\n",
    "\x00",
    "…",
    "é",
]


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(max_size=200), st.lists(st.sampled_from(TOKENS), max_size=40).map(" ".join))
)
def test_any_text_parses_or_raises_a_condition_error(source: str) -> None:
    try:
        condition = cond.parse(source)
    except ConditionError as error:
        assert str(error)
        return
    scope = {
        "age": cond.Variable("number"),
        "x": cond.Variable("yes_no"),
        "situations": cond.Variable("multi", frozenset({"a", "b"})),
    }
    cond.check(condition, scope)  # a list of messages, never an exception
    for env in ({}, {"age": 20, "x": True, "y": "a", "situations": frozenset({"a"})}):
        assert cond.compile_tree(condition.tree)(env) == cond.evaluate(condition.tree, env)
        assert condition.evaluate(env) in (True, False, None)


@settings(max_examples=60, deadline=None)
@given(depth=st.integers(1, 400), op=st.sampled_from(["not ", "-", "(", "[", "+"]))
def test_nesting_at_any_depth_parses_or_is_refused_cleanly(depth: int, op: str) -> None:
    source = {"(": "(" * depth + "x" + ")" * depth, "[": "[" * depth + "]" * depth}.get(
        op, op * depth + "x"
    )
    with contextlib.suppress(ConditionError):
        cond.parse(source)


# --- random small flows ------------------------------------------------------------------------


def _toml(value: object) -> str:
    """A value as inline TOML (enough for generated flows)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value) if math.isfinite(value) else ("nan" if math.isnan(value) else "inf")
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_toml(v)}" for k, v in value.items()) + " }"
    raise TypeError(value)


def _key(key: str) -> str:
    return (
        key
        if key and all(c in string.ascii_letters + string.digits + "_-" for c in key)
        else _toml(key)
    )


def _document(data: dict[str, Any]) -> str:
    lines = [
        f"{_key(k)} = {_toml(v)}" for k, v in data.items() if k not in ("questions", "outcomes")
    ]
    for table in ("questions", "outcomes"):
        items = data.get(table)
        if isinstance(items, list) and all(isinstance(i, dict) for i in items):
            for item in items:
                lines.append(f"\n[[{table}]]")
                lines += [f"{_key(k)} = {_toml(v)}" for k, v in item.items()]
        elif table in data:
            lines.append(f"{table} = {_toml(items)}")
    return "\n".join(lines) + "\n"


KINDS = ["number", "choice", "yes_no", "multi"]


@st.composite
def sound_flows(
    draw: st.DrawFn, with_arithmetic: bool = True, choices: tuple[str, ...] = ("a", "b", "c")
) -> dict[str, Any]:
    """A small flow whose rules only lead forward; it may still have dead ends."""
    count = draw(st.integers(1, 5))
    questions: list[dict[str, Any]] = []
    for index in range(count):
        kind = draw(st.sampled_from(KINDS))
        question: dict[str, Any] = {"id": f"q{index}", "kind": kind, "prompt": {"en": "?"}}
        if kind in ("choice", "multi"):
            question["choices"] = [{"id": c, "label": {"en": c}} for c in choices]
        if kind == "number":
            if draw(st.booleans()):
                question["min"] = 0
            if draw(st.booleans()):
                question["max"] = 100
            question["integer"] = draw(st.booleans())
        if draw(st.integers(0, 4)) == 0:
            question["optional"] = True
        questions.append(question)

    def atom(index: int) -> str:
        question = questions[index]
        name = question["id"]
        if question["kind"] == "number":
            numbers = [q["id"] for q in questions[: index + 1] if q["kind"] == "number"]
            if with_arithmetic and len(numbers) > 1 and draw(st.integers(0, 5)) == 0:
                return f"{name} + {draw(st.sampled_from(numbers))} > {draw(st.integers(0, 150))}"
            op = draw(st.sampled_from(["<", "<=", ">", ">=", "==", "!="]))
            return f"{name} {op} {draw(st.sampled_from([5, 17.5, 18, 99.99, 100]))}"
        first, last = choices[0], choices[-1]
        if question["kind"] == "choice":
            return draw(
                st.sampled_from(
                    [f'{name} == "{first}"', f'{name} in ["{first}"]', f'{name} != "{last}"']
                )
            )
        if question["kind"] == "yes_no":
            return draw(st.sampled_from([name, f"not {name}"]))
        return f'"{draw(st.sampled_from(choices))}" in {name}'

    for index, question in enumerate(questions):
        targets = [f"q{j}" for j in range(index + 1, min(count, index + 3))] + ["end_a", "end_b"]
        rules = []
        for _ in range(draw(st.integers(0, 3))):
            parts = [atom(draw(st.integers(0, index))) for _ in range(draw(st.integers(1, 2)))]
            joiner = draw(st.sampled_from([" and ", " or "]))
            rules.append({"when": joiner.join(parts), "goto": draw(st.sampled_from(targets))})
        if not rules or draw(st.booleans()):
            rules.append({"goto": draw(st.sampled_from(targets))})
        question["next"] = rules
    return {
        "id": "random",
        "title": {"en": "Random"},
        "languages": ["en"],
        "questions": questions,
        "outcomes": [{"id": "end_a", "title": {"en": "A"}}, {"id": "end_b", "title": {"en": "B"}}],
    }


MUTATIONS = [
    "drop_key",
    "typo_key",
    "wrong_type",
    "bad_goto",
    "bad_condition",
    "duplicate_id",
    "bad_language",
    "garbage_value",
    "none",
]


@st.composite
def mutated_flows(draw: st.DrawFn) -> dict[str, Any]:
    data = draw(sound_flows())
    for _ in range(draw(st.integers(0, 3))):
        mutation = draw(st.sampled_from(MUTATIONS))
        questions = data.get("questions")
        if not isinstance(questions, list) or not questions:
            questions = [{}]
        question = draw(st.sampled_from(questions))
        if not isinstance(question, dict):
            question = {}
        rules = question.get("next")
        first_rule = rules[0] if isinstance(rules, list) and rules else None
        if mutation == "drop_key":
            target = draw(st.sampled_from([data, question]))
            if target:
                del target[draw(st.sampled_from(sorted(target)))]
        elif mutation == "typo_key" and question:
            key = draw(st.sampled_from(sorted(question)))
            question[key + draw(st.sampled_from(["s", "_", "x"]))] = question.pop(key)
        elif mutation == "wrong_type" and question:
            key = draw(st.sampled_from(sorted(question)))
            question[key] = draw(st.sampled_from([1, "text", True, [], {}, 2.5]))
        elif mutation == "bad_goto" and isinstance(first_rule, dict):
            first_rule["goto"] = draw(st.sampled_from(["nowhere", "q0", "Q1", "", "end a"]))
        elif mutation == "bad_condition" and isinstance(first_rule, dict):
            tokens = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=8).map(" ".join)
            first_rule["when"] = draw(st.one_of(tokens, st.text(max_size=30)))
        elif mutation == "duplicate_id":
            question["id"] = draw(st.sampled_from(["q0", "end_a", "and", "not"]))
        elif mutation == "bad_language":
            question["prompt"] = draw(st.sampled_from([{"fr": "?"}, {}, {"en": ""}, {"EN": "?"}]))
        elif mutation == "garbage_value":
            data[draw(st.sampled_from(["id", "title", "languages", "start", "uses"]))] = draw(
                st.one_of(st.text(max_size=5), st.integers(), st.lists(st.integers(), max_size=2))
            )
    return data


def _assert_located(problems: list[Problem], path: Path) -> None:
    for problem in problems:
        assert Path(problem.file).resolve() == path.resolve(), problem
        assert problem.message and "Traceback" not in problem.message
        assert problem.path or problem.line is not None, f"not located: {problem}"


@MODEST
@given(data=mutated_flows())
def test_random_flows_load_or_give_located_problems(
    data: dict[str, Any], tmp_path_factory: Any
) -> None:
    folder = tmp_path_factory.mktemp("random")
    path = folder / "random.toml"
    path.write_text(_document(data), encoding="utf-8")
    flow, problems = check_flow_file(path)  # never raises
    errors = [p for p in problems if p.severity == "error"]
    if not errors:
        assert flow is not None
    _assert_located(problems, path)
    # The same document given as data (no text to find lines in) is located by key path.
    flow_from_data(data, "", path)


def _options(question: Question, flow: Flow) -> list[Value]:
    """Every answer worth trying: each choice or set of choices; for a number, each
    threshold, a number between two thresholds, and numbers beyond them."""
    options: list[Value]
    if question.kind == "choice":
        options = list(question.choice_ids)
    elif question.kind == "multi":
        ids = question.choice_ids
        options = [
            frozenset(c) for r in range(len(ids) + 1) for c in itertools.combinations(ids, r)
        ]
    elif question.kind == "yes_no":
        options = [True, False]
    else:
        thresholds = sorted(
            {
                value
                for q in flow.questions.values()
                for rule in q.next
                if rule.when is not None
                for value in cond.thresholds(rule.when.tree).get(question.id, set())
            }
        )
        points = set(thresholds)
        if thresholds:
            points |= {thresholds[0] - 1, thresholds[-1] + 1}
            points |= {(a + b) / 2 for a, b in itertools.pairwise(thresholds)}
            if question.integer:
                points |= {math.floor(t) for t in thresholds} | {math.ceil(t) for t in thresholds}
                points |= {math.floor(t) - 1 for t in thresholds}
                points |= {math.ceil(t) + 1 for t in thresholds}
        points |= {b for b in (question.minimum, question.maximum) if b is not None} or {0}
        options = [
            int(p) if float(p).is_integer() else p
            for p in sorted(points)
            if (question.minimum is None or p >= question.minimum)
            and (question.maximum is None or p <= question.maximum)
            and (not question.integer or float(p).is_integer())
        ]
    if question.optional:
        options.append(None)
    return options


def _dead_ends_by_brute_force(flow: Flow) -> set[str]:
    """Questions where some answers leave no rule to follow, by trying every answer
    worth trying at every question asked."""
    found: set[str] = set()

    def explore(answers: dict[str, Value]) -> None:
        state = walk(flow, answers)
        if state.complete or state.current is None:
            return
        if state.current in answers:  # answered, and no rule applies
            found.add(state.current)
            return
        for option in _options(flow.questions[state.current], flow):
            explore({**answers, state.current: option})

    explore({})
    return found


# Found by this test: 17 was never tried against a decimal threshold.
DECIMAL_THRESHOLD = {
    "id": "random",
    "title": {"en": "Random"},
    "languages": ["en"],
    "questions": [
        {
            "id": "q0",
            "kind": "number",
            "prompt": {"en": "?"},
            "integer": True,
            "next": [{"when": "q0 < 17.5", "goto": "end_a"}],
        }
    ],
    "outcomes": [{"id": "end_a", "title": {"en": "A"}}],
}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=sound_flows(with_arithmetic=False, choices=("a", "b")))
@example(data=DECIMAL_THRESHOLD)
def test_the_checker_finds_exactly_the_dead_ends_a_brute_force_walk_finds(
    data: dict[str, Any],
) -> None:
    from alternance_tui.flow.build import build_flow
    from alternance_tui.flow.check.run import check_flow
    from alternance_tui.flow.schema import FlowFile

    flow, problems = build_flow(FlowFile.model_validate(data), "random.toml")
    assert [p for p in problems if p.severity == "error"] == []
    reported = set()
    for problem in check_flow(flow):
        if "a path ends here with no outcome" in problem.message:
            index = problem.path[1]
            assert isinstance(index, int)
            reported.add(list(flow.questions)[index])
    assert reported == _dead_ends_by_brute_force(flow)
