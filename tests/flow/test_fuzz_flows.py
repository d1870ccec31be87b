"""Mutated copies of the shipped flows folder, checked and run (issue 9, quality bar).

A seeded generator damages the folder as a clumsy or hostile author would: keys
deleted, values of another type, nan and inf, NUL characters, random conditions,
ids used twice, `uses` entries out of the folder, data files replaced by links.
Then `alternance check` and `alternance recommend --flow` run on it, in process:
never a traceback, never more than 5 s, and a flow the check passes never gives
an impossible result (a negative or non-finite number in the JSON report).

Seeds are fixed, so a failure names the case that reproduces it:
``pytest tests/flow/test_fuzz_flows.py -k 'case-17'``. More cases, as a
benchmark-style run outside the suite: ``FUZZ_CASES=1000 pytest ...``.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import os
import random
import re
import shutil
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

import pytest

from alternance_tui.advice.load import check_bundle
from alternance_tui.cli.main import main
from alternance_tui.flow.model import Question

SHIPPED = Path(__file__).resolve().parents[2] / "flows"
CASES = int(os.environ.get("FUZZ_CASES", "60"))
TIME_LIMIT_S = 5

_ASSIGNMENT = re.compile(r"^(\s*[A-Za-z_][\w-]*\s*=\s*)(.+)$")
_NUMBER = re.compile(r"(?<![\w.\"])-?\d+(?:\.\d+)?(?:e-?\d+)?(?![\w.\"-])")
_WHEN = re.compile(r"when = (?:'[^']*'|\"[^\"]*\")")
_ID = re.compile(r'^id = "([a-z_][a-z0-9_]*)"', re.MULTILINE)

_VALUES = [
    '"text"',
    '""',
    "0",
    "-1",
    "1e300",
    "-1e300",
    "nan",
    "-nan",
    "inf",
    "-inf",
    "true",
    "[]",
    "{}",
    "1979-05-27",
    '"\\u0000"',
    "-0.0",
    "9" * 30,
    '{ fr = "x" }',
    '["a", 1]',
]
_NUMBERS = ["nan", "inf", "-inf", "-1", "0", "1e308", "-1e308", "1e-300", "-0.5", "9" * 25]
_OPERATORS = ["<", "<=", ">", ">=", "==", "!="]


class _TooSlow(Exception):
    pass


@contextlib.contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    # CPU time, not wall time: the guard is for a mutation that sends a check into a
    # runaway search, and a loaded CI machine must not trip it (it did, at load 20).
    def stop(signum: int, frame: FrameType | None) -> None:
        raise _TooSlow(f"took more than {seconds} s of CPU")

    previous = signal.signal(signal.SIGPROF, stop)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


# --- mutations: each edits the folder in place, and says what it did ---------


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines), encoding="utf-8")


def _some_line(rng: random.Random, lines: list[str], pattern: re.Pattern[str]) -> int | None:
    found = [i for i, line in enumerate(lines) if pattern.search(line)]
    return rng.choice(found) if found else None


def _delete_line(rng: random.Random, folder: Path, file: Path) -> str:
    lines = _lines(file)
    index = _some_line(rng, lines, _ASSIGNMENT)
    if index is None:
        return "nothing to delete"
    removed = lines.pop(index)
    _write(file, lines)
    return f"{file.name}: deleted {removed[:60]!r}"


def _swap_type(rng: random.Random, folder: Path, file: Path) -> str:
    lines = _lines(file)
    index = _some_line(rng, lines, _ASSIGNMENT)
    if index is None:
        return "nothing to swap"
    match = _ASSIGNMENT.match(lines[index])
    assert match is not None
    value = rng.choice(_VALUES)
    # A value spanning lines ("next = [") keeps its rest, now out of place: a
    # syntax error, which is a case worth having too.
    lines[index] = match.group(1) + value
    _write(file, lines)
    return f"{file.name}:{index + 1}: {match.group(1).strip()} {value}"


def _odd_number(rng: random.Random, folder: Path, file: Path) -> str:
    lines = _lines(file)
    index = _some_line(rng, lines, _NUMBER)
    if index is None:
        return "no number"
    number = rng.choice(_NUMBERS)
    lines[index] = _NUMBER.sub(number, lines[index], count=1)
    _write(file, lines)
    return f"{file.name}:{index + 1}: a number became {number}"


def _odd_bound(rng: random.Random, folder: Path, file: Path) -> str:
    """A number question's min, max or default, where a wrong one does the most harm."""
    flow = folder / "alternance.toml"
    lines = _lines(flow)
    index = _some_line(rng, lines, re.compile(r"^(min|max|default) = -?\d"))
    if index is None:
        return "no bound"
    key = lines[index].split(" = ")[0]
    value = rng.choice(["-1", "-1e9", "0", "1e7", "1e300", "-0.0", "nan", "inf", "100000"])
    lines[index] = f"{key} = {value}"
    _write(flow, lines)
    return f"alternance.toml:{index + 1}: {key} = {value}"


def _nul(rng: random.Random, folder: Path, file: Path) -> str:
    text = file.read_text(encoding="utf-8")
    quotes = [m.start() + 1 for m in re.finditer(r'(?<!\\)"', text)]
    if rng.random() < 0.2 or not quotes:
        at = rng.randrange(len(text))
        file.write_bytes(text[:at].encode() + b"\x00" + text[at:].encode())
        return f"{file.name}: a raw NUL byte"
    at = rng.choice(quotes)
    file.write_text(text[:at] + "\\u0000" + text[at:], encoding="utf-8")
    return f"{file.name}: a NUL in a string"


def _random_condition(rng: random.Random, folder: Path, file: Path) -> str:
    text = file.read_text(encoding="utf-8")
    spots = list(_WHEN.finditer(text))
    if not spots:
        return "no condition"
    ids = _ID.findall((folder / "alternance.toml").read_text(encoding="utf-8", errors="replace"))
    condition = _condition(rng, ids or ["age"], 0)
    spot = rng.choice(spots)
    file.write_text(
        text[: spot.start()] + f"when = '{condition}'" + text[spot.end() :], encoding="utf-8"
    )
    return f"{file.name}: when = {condition!r}"


def _condition(rng: random.Random, ids: list[str], depth: int) -> str:
    roll = rng.random()
    if depth < 3 and roll < 0.3:
        joiner = rng.choice([" and ", " or "])
        return "(" + joiner.join(_condition(rng, ids, depth + 1) for _ in range(2)) + ")"
    if depth < 3 and roll < 0.4:
        return "not " + _condition(rng, ids, depth + 1)
    left = rng.choice(ids)
    if rng.random() < 0.3:
        left = f"{left} {rng.choice('+-*/')} {rng.choice([*ids, '0', '12', '0.5'])}"
    right = rng.choice(
        [*ids, "0", "-1", "21", "1e308", "0.0001", '"private"', '"rqth"', "true", '["a", "b"]']
    )
    if rng.random() < 0.15:
        return f"{right} in {left}"
    return f"{left} {rng.choice(_OPERATORS)} {right}"


def _duplicate_id(rng: random.Random, folder: Path, file: Path) -> str:
    text = file.read_text(encoding="utf-8")
    ids = _ID.findall(text)
    if len(ids) < 2:
        return "no ids"
    first, second = rng.sample(ids, 2)
    file.write_text(text.replace(f'id = "{second}"', f'id = "{first}"', 1), encoding="utf-8")
    return f"{file.name}: {second} renamed {first}"


def _odd_uses(rng: random.Random, folder: Path, file: Path) -> str:
    flow = folder / "alternance.toml"
    entry = rng.choice(
        [
            '"../rates.toml"',
            '"/tmp/x.toml"',
            '"rates.toml\\u0000x"',
            '"."',
            '""',
            '"sub/../rates.toml"',
            '"rates.toml"',
        ]
    )
    text = flow.read_text(encoding="utf-8", errors="replace")
    flow.write_text(text.replace("uses = [", f"uses = [{entry}, ", 1), encoding="utf-8")
    return f"uses gained {entry}"


def _link(rng: random.Random, folder: Path, file: Path) -> str:
    outside = folder.parent / "outside"
    outside.mkdir(exist_ok=True)
    (outside / "rates.toml").write_bytes((SHIPPED / "rates.toml").read_bytes())
    victim = rng.choice(["rates.toml", "contracts.toml", "courses.toml"])
    target = folder / victim
    target.unlink(missing_ok=True)
    where = rng.choice(["outside", "loop", "folder", "dangling", "inside"])
    if where == "outside":
        target.symlink_to(outside / "rates.toml")
    elif where == "loop":
        target.symlink_to(target)
    elif where == "folder":
        target.symlink_to(outside, target_is_directory=True)
    elif where == "dangling":
        target.symlink_to(folder / "nowhere.toml")
    else:
        kept = folder / "kept"
        kept.mkdir(exist_ok=True)
        (kept / victim).write_bytes((SHIPPED / victim).read_bytes())
        target.symlink_to(kept / victim)
    return f"{victim} is a link ({where})"


_MUTATIONS: list[Callable[[random.Random, Path, Path], str]] = [
    _delete_line,
    _swap_type,
    _odd_number,
    _odd_bound,
    _odd_bound,
    _nul,
    _random_condition,
    _random_condition,
    _duplicate_id,
    _odd_uses,
    _link,
]


def _mutate(seed: int, folder: Path) -> list[str]:
    rng = random.Random(seed)
    done = []
    for _ in range(rng.choice([1, 1, 2, 3])):
        files = sorted(p for p in folder.glob("*.toml") if p.is_file() and not p.is_symlink())
        if not files:
            break
        done.append(rng.choice(_MUTATIONS)(rng, folder, rng.choice(files)))
    return done


# --- running it ---------------------------------------------------------------


def _run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(args)
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
    return code, out.getvalue(), err.getvalue()


def _answers(questions: list[Question], rng: random.Random) -> list[str]:
    """Answers at the edges of what each question accepts."""
    args: list[str] = []
    for question in questions:
        if question.kind == "number":
            low = question.minimum if question.minimum is not None else 0
            high = question.maximum if question.maximum is not None else low + 100
            value: object = rng.choice([low, high])
            if question.integer:
                value = int(value)  # type: ignore[call-overload]
            args += ["-a", f"{question.id}={value}"]
        elif question.kind == "choice" and question.choice_ids:
            args += ["-a", f"{question.id}={rng.choice(question.choice_ids)}"]
        elif question.kind == "yes_no":
            args += ["-a", f"{question.id}={rng.choice(['yes', 'no'])}"]
        elif question.kind == "multi" and question.choice_ids:
            args += ["-a", f"{question.id}={','.join(question.choice_ids[:2])}"]
    return args


def _impossible(report: object, path: str = "") -> list[str]:
    """The numbers no report may hold: non-finite anywhere, negative in pay (ages,
    months, hours, percentages, rates, amounts) or among the answers."""
    if isinstance(report, dict):
        return [bad for k, v in report.items() for bad in _impossible(v, f"{path}.{k}")]
    if isinstance(report, list):
        return [bad for i, v in enumerate(report) for bad in _impossible(v, f"{path}[{i}]")]
    if isinstance(report, int | float) and not isinstance(report, bool):
        negative = report < 0 and (".pay." in path or path.startswith(".answers."))
        if negative or not math.isfinite(report):
            return [f"{path} = {report}"]
    return []


@pytest.mark.parametrize("seed", range(CASES), ids=lambda seed: f"case-{seed}")
def test_a_damaged_flow_folder_gives_a_clear_answer(seed: int, tmp_path: Path) -> None:
    folder = tmp_path / "flows"
    shutil.copytree(SHIPPED, folder)
    done = _mutate(seed, folder)
    flow = folder / "alternance.toml"
    with _time_limit(TIME_LIMIT_S):
        code, out, err = _run(["check", str(folder)])
        assert code in (0, 1), (done, code, err)
        assert "Traceback" not in out + err, done
        bundle, _, _ = check_bundle(flow)
        passed = code == 0 and bundle is not None
        rng = random.Random(seed)
        questions = list(bundle.flow.questions.values()) if bundle is not None else []
        for lang in ("fr", "en"):
            args = ["recommend", "--flow", str(flow), "--format", "json", "--lang", lang]
            args += ["--as-of", rng.choice(["2026-01-01", "2019-01-01", "2040-12-31"])]
            code, out, err = _run([*args, *_answers(questions, rng)])
            assert code in (0, 2), (done, code, err)
            assert "Traceback" not in out + err, done
            if code == 0:
                assert passed, (done, "recommend ran a flow the check refused")
                assert _impossible(json.loads(out)) == [], done
