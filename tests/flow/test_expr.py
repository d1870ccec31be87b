"""The condition language: what it accepts, what it refuses (and how it says so),
how it evaluates with unanswered questions, and how it is type-checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from alternance_tui.flow import cond
from alternance_tui.flow.cond import ConditionError, Variable, parse

SCOPE = {
    "age": Variable("number"),
    "hours": Variable("number"),
    "sector": Variable("choice", frozenset({"public", "private", "unknown"})),
    "situations": Variable("multi", frozenset({"rqth", "athlete"})),
    "jobseeker": Variable("yes_no"),
}


def holds(source: str, **answers: cond.Value) -> bool | None:
    return parse(source).evaluate(answers)


# --- what a person can write ---------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "answers", "expected"),
    [
        ("age >= 26", {"age": 26}, True),
        ("age >= 26", {"age": 25}, False),
        ("16 <= age <= 29", {"age": 29}, True),
        ("16 <= age <= 29", {"age": 30}, False),
        ("age == 15 and jobseeker", {"age": 15, "jobseeker": True}, True),
        ("not jobseeker", {"jobseeker": False}, True),
        ('sector == "public"', {"sector": "public"}, True),
        ("sector != 'public'", {"sector": "private"}, True),
        ('sector in ["public", "private"]', {"sector": "unknown"}, False),
        ('sector not in ["public", "private"]', {"sector": "unknown"}, True),
        ('"rqth" in situations', {"situations": frozenset({"rqth"})}, True),
        ('"rqth" not in situations', {"situations": frozenset()}, True),
        ("age in [15, 16]", {"age": 16}, True),
        ("age * hours * 52 / 12 <= 924", {"age": 6, "hours": 35}, True),
        ("age * hours * 52 / 12 <= 924", {"age": 7, "hours": 35}, False),
        ("-age < -10", {"age": 11}, True),
        ("age - 1 > +3", {"age": 5}, True),
        ("True", {}, True),
        ("false or age > 1", {"age": 2}, True),
    ],
)
def test_conditions_evaluate_as_written(
    source: str, answers: dict[str, cond.Value], expected: bool
) -> None:
    assert parse(source).evaluate(answers) is expected
    assert parse(source).holds(answers) is expected


def test_the_source_is_kept_for_messages() -> None:
    assert parse("  age >= 26 ").source == "age >= 26"


# --- unanswered questions: three-valued logic -----------------------------------------


@pytest.mark.parametrize(
    ("source", "answers", "expected"),
    [
        ("age >= 26", {}, None),
        ("not jobseeker", {}, None),
        ("age >= 26 or jobseeker", {"jobseeker": True}, True),  # unknown or true
        ("jobseeker or age >= 26", {"jobseeker": True}, True),
        ("age >= 26 and jobseeker", {"jobseeker": False}, False),  # unknown and false
        ("age >= 26 and jobseeker", {"jobseeker": True}, None),  # unknown and true
        ("age >= 26 or jobseeker", {"jobseeker": False}, None),
        ("16 <= age <= 29", {}, None),
        ("age + hours > 10", {"age": 3}, None),
        ('"rqth" in situations', {}, None),
        ("age / hours > 1", {"age": 3, "hours": 0}, None),  # no division by zero
    ],
)
def test_unanswered_questions_make_conditions_unknown(
    source: str, answers: dict[str, cond.Value], expected: bool | None
) -> None:
    condition = parse(source)
    assert condition.evaluate(answers) is expected
    # Only what is known to be true holds: unknown counts as "no".
    assert condition.holds(answers) is (expected is True)


def test_a_chained_comparison_is_false_as_soon_as_one_link_is() -> None:
    assert holds("age < 10 < hours", hours=5) is False  # 10 < 5 settles it
    assert holds("age < 10 < hours", hours=50) is None


def test_answers_of_the_wrong_type_give_unknown_not_an_error() -> None:
    assert holds("age >= 26", age="twenty") is None
    assert holds('"rqth" in situations', situations="rqth") is None
    assert holds("age + 1 > 2", age="x") is None


# --- what is refused, and how ------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "says"),
    [
        ("__import__('os').system('x')", "a function call is not allowed"),
        ("open('/etc/passwd')", "a function call is not allowed"),
        ("age.real > 1", "attribute access is not allowed"),
        ("().__class__.__bases__", "attribute access is not allowed"),
        ("situations[0]", "indexing is not allowed"),
        ("(lambda: 1)", "a lambda is not allowed"),
        ("1 if age else 2", "an if-expression is not allowed"),
        ("[x for x in situations]", "a comprehension is not allowed"),
        ("age is None", "'is' is not allowed"),
        ("~age > 1", "the ~ operator is not allowed"),
        ("f'{age}' == sector", "an f-string is not allowed"),
        ("{'a': 1}", "a table { ... } is not allowed"),
        ("{age: 1}", "a table { ... } is not allowed"),
        ("age ** 2 > 4", "only + - * / are allowed"),
        ("age // 2 > 4", "only + - * / are allowed"),
        ("age % 2 == 0", "only + - * / are allowed"),
        ("age := 3", "cannot read the condition"),
        ("import os", "cannot read the condition"),
        ("age >=", "cannot read the condition"),
        ("age >= 1; age", "cannot read the condition"),
        ("None", "only numbers and quoted text are values"),
        ("b'bytes' == sector", "only numbers and quoted text are values"),
        ("age == 1e999", "numbers in conditions must be finite"),
        ("age == " + "9" * 400, "has 400 digits; numbers in conditions go up to about 1.8e308"),
        ("age > -" + "9" * 309, "has 309 digits"),
        ("sector in [age]", "a list may hold only numbers or quoted text"),
        ("", "the condition is empty"),
        ("   \n ", "the condition is empty"),
        ("age\x00", "NUL"),
    ],
)
def test_forbidden_conditions_are_refused_with_a_reason(source: str, says: str) -> None:
    with pytest.raises(ConditionError) as caught:
        parse(source)
    assert says in str(caught.value)


def test_an_injection_is_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    attempts = [
        f"__import__('os').system('touch {marker}')",
        f"__import__('pathlib').Path('{marker}').touch()",
        f"[c for c in ().__class__.__base__.__subclasses__()] and open('{marker}', 'w')",
        f"(lambda: open('{marker}', 'w'))()",
    ]
    for source in attempts:
        with pytest.raises(ConditionError):
            parse(source)
    assert not marker.exists()


@pytest.mark.parametrize(
    "source",
    [
        "age > 1 or " * 400 + "age > 1",  # too long
        "(" * 1000 + "age" + ")" * 1000,  # too long, and too deep for Python's parser
        "not " * 450 + "jobseeker",  # within the length, too deep
        "-" * 1500 + "1 < age",
        "age" + " + age" * 300 + " > 1",  # a left-leaning chain 300 deep
        "[" * 190 + "]" * 190,
    ],
)
def test_huge_or_deeply_nested_conditions_give_a_clear_error(source: str) -> None:
    with pytest.raises(ConditionError) as caught:
        parse(source)
    message = str(caught.value)
    assert any(word in message for word in ("limit", "nested", "cannot read")), message


def test_reasonable_nesting_is_accepted() -> None:
    source = "(" * 40 + "age >= 18" + ")" * 40
    assert parse(source).evaluate({"age": 20}) is True


def test_only_text_is_a_condition() -> None:
    with pytest.raises(ConditionError):
        parse(42)  # type: ignore[arg-type]


# --- type checking against the flow's questions -----------------------------------------


def problems(source: str) -> list[str]:
    return cond.check(parse(source), SCOPE)


@pytest.mark.parametrize(
    "source",
    [
        "age >= 26",
        'sector == "public"',
        '"public" == sector',
        'sector in ["public", "private"]',
        '"rqth" in situations and not jobseeker',
        '["rqth", "athlete"] in situations',
        "jobseeker == True",
        "age * hours * 52 / 12 <= 924",
        "age in [15, 16]",
        "-age < 3",
    ],
)
def test_sound_conditions_pass_the_type_check(source: str) -> None:
    assert problems(source) == []


@pytest.mark.parametrize(
    ("source", "says"),
    [
        ("agee >= 26", 'unknown question "agee"; did you mean "age"?'),
        ("zzz >= 26", 'unknown question "zzz"'),
        ('sector == "publik"', '"publik" is not a choice of question "sector"; did you mean'),
        ('sector == "army"', 'its choices are "private", "public", "unknown"'),
        ('sector in ["public", "army"]', '"army" is not a choice of question "sector"'),
        ('"rqht" in situations', '"rqht" is not a choice of question "situations"'),
        ('age == "26"', 'cannot compare the number question "age" with the text "26"'),
        ('sector > "public"', "'>' compares numbers"),
        ("jobseeker > 1", "'>' compares numbers"),
        ("age", "is not a yes/no test; compare it, e.g. age >= 18"),
        ('"text"', "is not a yes/no test"),
        ("situations", "is not a yes/no test"),
        ("not age", "'not' needs yes/no tests"),
        ("age and jobseeker", "'and' needs yes/no tests on each side"),
        ("sector + 1 > 2", "+ needs numbers on both sides"),
        ("-sector < 1", "a minus sign needs a number"),
        ('situations == "rqth"', "cannot compare the multi-choice question"),
        ('"rqth" in sector', "'in' needs a quoted choice and a multi-choice question"),
        ("sector == jobseeker", "cannot compare the choice question"),
    ],
)
def test_ill_typed_conditions_are_explained(source: str, says: str) -> None:
    found = problems(source)
    assert found, f"{source!r} passed the type check"
    assert any(says in message for message in found), found


def test_every_problem_of_a_condition_is_reported_at_once() -> None:
    found = problems('agee >= 26 or sector == "army"')
    assert len(found) == 2


# --- compiled evaluation -----------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "16 <= age <= 29 or jobseeker",
        'not (sector in ["public"] and "rqth" in situations)',
        "age * hours / 2 - 3 > -1",
        "age / hours > 1",
    ],
)
@pytest.mark.parametrize(
    "answers",
    [
        {},
        {"age": 20, "hours": 0, "jobseeker": False},
        {"age": 40, "hours": 35, "sector": "public", "situations": frozenset({"rqth"})},
    ],
)
def test_compiled_conditions_give_what_evaluation_gives(
    source: str, answers: dict[str, cond.Value]
) -> None:
    tree = parse(source).tree
    assert cond.compile_tree(tree)(answers) == cond.evaluate(tree, answers)
