"""`alternance diff`: what a change of the rules changes, profile by profile.

The diff's own evaluation caches status and pay apart; these tests check what
it reports against whole recommendations (``Engine.recommend``) on the
profiles it enumerates."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import shutil
from pathlib import Path

import pytest

from alternance_tui.advice.diff.aspects import complete, walk_item
from alternance_tui.advice.diff.classes import as_given
from alternance_tui.advice.diff.profiles import Answers, Space
from alternance_tui.advice.diff.run import Change, Diff, Side, diff
from alternance_tui.advice.engine import Engine
from alternance_tui.advice.load import check_bundle
from alternance_tui.advice.model import Bundle, LikePay
from alternance_tui.advice.render.diff import diff_text
from alternance_tui.cli.main import main
from alternance_tui.files.paths import default_flows_dir
from alternance_tui.flow.cond import Value
from alternance_tui.flow.walk import next_node

JAN, JULY = dt.date(2026, 1, 1), dt.date(2026, 7, 1)
SMIC_ITEMS = {"apprenticeship", "professionalisation"}


def copy_flows(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copytree(default_flows_dir(), target)
    return target


def load(folder: Path) -> Bundle:
    built, problems, _ = check_bundle(folder / "alternance.toml")
    assert built is not None, "\n".join(map(str, problems))
    return built


def next_january(bundle: Bundle) -> dt.date:
    """The first 1 January after every SMIC value the data holds (2027 as written)."""
    return dt.date(bundle.rates["smic_monthly"].latest.start.year + 1, 1, 1)


def add_smic(folder: Path, on: dt.date, monthly: float, hourly: float) -> None:
    """A made-up SMIC from ``on``, added as docs/updating-rates.md says: one line at
    the end of each SMIC series."""
    rates = folder / "rates.toml"
    text = rates.read_text(encoding="utf-8")
    for series, value in (("smic_monthly", monthly), ("smic_hourly", hourly)):
        start = text.index(f'id = "{series}"')
        end = text.index("]\n", start)
        line = f'  {{ from = {on.isoformat()}, value = {value}, source = "décret (test)" }},\n'
        text = text[:end] + line + text[end:]
    rates.write_text(text, encoding="utf-8")


Seen = tuple[str, tuple[float, ...] | None, tuple[str, ...]]
"""An item as a whole recommendation shows it: status, monthly amounts, reasons."""


def whole(engine: Engine, answers: dict[str, object], day: dt.date) -> dict[str, Seen]:
    """Each item's status, monthly amounts (when open) and reasons, from a whole
    recommendation: what a person would see, worked out without the diff."""
    rec = engine.recommend(answers, as_of=day, lang="en")  # type: ignore[arg-type]
    found: dict[str, Seen] = {}
    for section in rec.sections:
        for item in section.items:
            pay = getattr(item.pay, "years", None)
            amounts = tuple(y.monthly_gross_eur for y in pay) if pay else None
            reasons = tuple(r.text for r in item.reasons)
            found[item.id] = (item.status, amounts if item.eligible else None, reasons)
    return found


def notes_of(
    engine: Engine, answers: dict[str, object], day: dt.date, item: str
) -> tuple[str, ...]:
    """The notes a whole recommendation shows on ``item``'s card."""
    rec = engine.recommend(answers, as_of=day, lang="en")  # type: ignore[arg-type]
    found = [i for s in rec.sections for i in s.items if i.id == item]
    return tuple(n.text for n in found[0].notes) if found else ()


def check_listed(old: Side, new: Side, result: Diff, sample: int) -> None:
    """Each change listed (a sample of each item's and kind's), replayed as a whole
    recommendation in both states, shows what the diff says changed."""
    rng = random.Random(13)
    groups: dict[tuple[str, str], list[Change]] = {}
    for change in result.changes:
        groups.setdefault((change.item, change.kind), []).append(change)
    for (item, kind), changes in groups.items():
        for change in rng.sample(changes, min(sample, len(changes))):
            before = whole(old.engine, dict(change.answers), old.as_of).get(item)
            after = whole(new.engine, dict(change.answers), new.as_of).get(item)
            assert (before[0] if before else "absent") == change.old_status, change
            assert (after[0] if after else "absent") == change.new_status, change
            if kind == "pay":
                assert before is not None and after is not None
                assert before[1] == tuple(v for _, v in change.old_pay), change
                assert after[1] == tuple(v for _, v in change.new_pay), change
                assert before[1] != after[1]
            elif kind == "reasons":
                assert before is not None and after is not None and before[2] != after[2]
            elif kind == "notes":
                was = notes_of(old.engine, dict(change.answers), old.as_of, item)
                now = notes_of(new.engine, dict(change.answers), new.as_of, item)
                assert was == change.old_notes and now == change.new_notes, change
                assert was != now


def random_answers(
    bundle: Bundle, cells: dict[str, list[Value]], exact: set[str], rng: random.Random
) -> Answers:
    """A whole path a person could answer: each answer either one the diff tries
    or any other in the question's range. The ``exact`` ones (a pay computes with
    them: an agreement's minimum is the pay) are always one the diff tries, as
    other values give other amounts."""
    flow = bundle.flow
    env: dict[str, Value] = {q.id: q.default for q in flow.questions.values()}
    answers: list[tuple[str, Value]] = []
    node: str | None = flow.start
    while node is not None and node in flow.questions:
        question = flow.questions[node]
        tried = cells.get(node) or [question.default]
        value: Value
        if question.kind == "number" and node not in exact and rng.random() < 0.5:
            low = question.minimum if question.minimum is not None else min(map(float, tried))  # type: ignore[arg-type]
            high = question.maximum if question.maximum is not None else max(map(float, tried))  # type: ignore[arg-type]
            value = (
                rng.randint(int(low), int(high))
                if question.integer
                else round(rng.uniform(low, high), 2)
            )
        elif question.kind == "choice":
            value = rng.choice([c.id for c in question.choices])
        elif question.kind == "multi":
            ids = [c.id for c in question.choices]
            value = frozenset(rng.sample(ids, rng.randint(0, min(3, len(ids)))))
        else:
            value = rng.choice(tried)
        env[node] = value if value is not None else question.default
        if value is not None:
            answers.append((node, value))
        node = next_node(flow, question, env)
    return tuple(answers) if node is not None else ()


def check_complete(old: Side, new: Side, result: Diff, tries: int) -> int:
    """On ``tries`` whole paths drawn at random (not the diff's own profiles): every
    change a whole recommendation shows between the two states is one the diff
    lists, with the same status and amounts. Gives how many changes were met."""
    pays = {(c.item, c.old_pay, c.new_pay) for c in result.changes if c.kind == "pay"}
    statuses = {(c.item, c.old_status, c.new_status) for c in result.changes if c.kind != "pay"}
    bundles = [old.engine.bundle, new.engine.bundle]
    space = Space(bundles, (old.as_of, new.as_of))
    cells: dict[str, list[Value]] = {}
    exact: set[str] = set()
    for section in new.engine.bundle.sections:
        for item in section.items:
            item_space = space.item(section.id, item.id)
            exact |= {n for n, c in item_space.pay_classes.items() if c is as_given}
            for name, values in item_space.values.items():
                cells.setdefault(name, [])
                cells[name] += [v for v in values if v not in cells[name]]
    # A course card showing the apprenticeship's pay: diffed as the apprenticeship.
    borrowed = {
        item.id
        for bundle in bundles
        for section in bundle.sections
        for item in section.items
        if isinstance(item.pay, LikePay)
    }
    rng = random.Random(29)
    met = 0
    for _ in range(tries):
        answers = random_answers(old.engine.bundle, cells, exact, rng)
        if not answers:
            continue
        before = whole(old.engine, dict(answers), old.as_of)
        after = whole(new.engine, dict(answers), new.as_of)
        for item_id in before.keys() | after.keys():
            was, now = before.get(item_id), after.get(item_id)
            old_status, new_status = was[0] if was else "absent", now[0] if now else "absent"
            if old_status != new_status:
                if {old_status, new_status} != {"not_eligible", "absent"}:
                    met += 1
                    assert (item_id, old_status, new_status) in statuses, (item_id, answers)
            elif (
                was and now and was[1] is not None and was[1] != now[1] and item_id not in borrowed
            ):
                met += 1
                years = tuple((str(i), v) for i, v in enumerate(was[1], 1))
                now_years = tuple((str(i), v) for i, v in enumerate(now[1] or (), 1))
                assert (item_id, years, now_years) in pays, (item_id, answers)
    return met


@pytest.fixture(scope="module")
def shipped_diff(bundle_module: Bundle) -> tuple[Side, Side, Diff]:
    engine = Engine(bundle_module)
    old, new = Side(engine, JAN, "jan"), Side(engine, JULY, "july")
    return old, new, diff(old, new, "en")


@pytest.fixture(scope="module")
def bundle_module() -> Bundle:
    return load(default_flows_dir())


def test_the_2026_smic_change_lists_the_smic_contracts_pay_and_nothing_else(
    shipped_diff: tuple[Side, Side, Diff],
) -> None:
    old, new, result = shipped_diff
    assert result.changed
    pay = [c for c in result.changes if c.kind != "notes"]
    assert {c.item for c in pay} == SMIC_ITEMS
    assert {c.kind for c in pay} == {"pay"}
    # ... and the hiring aid of décret 2026-168, from 8 March: a note of the
    # apprenticeship card, for the employers it concerns.
    notes = [c for c in result.changes if c.kind == "notes"]
    assert {c.item for c in notes} == {"apprenticeship"}
    # (a card with the employer not known yet shows a private employer's notes)
    sectors = {dict(c.answers)["employer_sector"] for c in notes}
    assert sectors and "public" not in sectors
    # The internship bonus follows the ceiling, unchanged in 2026: never listed.
    assert not [c for c in result.changes if c.item == "internship"]
    ratio = 1867.02 / 1823.03
    for change in pay[:500]:
        for (_year, before), (_same, after) in zip(change.old_pay, change.new_pay, strict=True):
            if before != after:
                assert after == pytest.approx(before * ratio, abs=0.02)
    check_listed(old, new, result, sample=15)
    assert check_complete(old, new, result, tries=300) > 50


def test_the_same_rules_give_an_empty_diff_and_exit_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = copy_flows(tmp_path, "copy")
    code = main(
        [
            "diff",
            "--flow-old",
            str(default_flows_dir()),
            "--flow-new",
            str(copy),
            "--as-of",
            "2026-03-01",
            "--lang",
            "en",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "No change" in out
    code = main(
        ["diff", "--as-of-old", "2026-02-01", "--as-of-new", "2026-03-01", "--format", "json"]
    )
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert data["changed"] is False and data["changes"] == [] and data["profiles"] > 1000


def test_a_synthetic_smic_change_changes_exactly_the_pay_that_follows_the_smic(
    tmp_path: Path,
) -> None:
    old_bundle = load(default_flows_dir())
    on = next_january(old_bundle)
    last = old_bundle.rates["smic_monthly"].latest.value
    monthly = round(last * 1.02, 2)
    new_folder = copy_flows(tmp_path, "new")
    add_smic(new_folder, on, monthly, 12.53)
    new_bundle = load(new_folder)
    day = on + dt.timedelta(days=31)
    old = Side(Engine(old_bundle), day, "old")
    new = Side(Engine(new_bundle), day, "new")
    result = diff(old, new, "en")
    assert {c.item for c in result.changes} == SMIC_ITEMS
    assert {c.kind for c in result.changes} == {"pay"}
    ratio = monthly / last
    for change in result.changes:
        moved = [
            (b, a) for (_, b), (_, a) in zip(change.old_pay, change.new_pay, strict=True) if b != a
        ]
        assert moved
        for before, after in moved:
            assert after == pytest.approx(before * ratio, abs=0.02)
    check_listed(old, new, result, sample=15)
    assert check_complete(old, new, result, tries=300) > 50


def test_a_route_moved_in_the_flow_changes_exactly_the_people_it_now_routes_apart(
    tmp_path: Path,
) -> None:
    # Two different flows: each path is walked again in both, as a person would.
    new_folder = copy_flows(tmp_path, "new")
    flow_file = new_folder / "alternance.toml"
    text = flow_file.read_text(encoding="utf-8")
    moved = text.replace(
        '{ when = "age >= 26", goto = "jobseeker_or_benefits" }',
        '{ when = "age >= 27", goto = "jobseeker_or_benefits" }',
    )
    assert moved != text
    flow_file.write_text(moved, encoding="utf-8")
    day = dt.date(2026, 9, 1)
    old = Side(Engine(load(default_flows_dir())), day, "old")
    new = Side(Engine(load(new_folder)), day, "new")
    result = diff(old, new, "en")
    # At 26, the jobseeker question is no longer asked: a professionalisation
    # contract open through it is closed; nobody of another age sees a change.
    assert ("professionalisation", "closed") in {(c.item, c.kind) for c in result.changes}
    assert {dict(c.answers)["age"] for c in result.changes} == {26}
    check_listed(old, new, result, sample=15)
    assert check_complete(old, new, result, tries=300) > 0


def test_a_question_added_and_read_by_a_pay_is_diffed_without_a_crash(tmp_path: Path) -> None:
    """Two flows, the new one asking a question the old one has not, read by a pay
    raise and a note (as the same-level diploma and RQTH questions were added): each
    flow is walked with the answers it has, and the people the question opens the
    raise to are listed."""
    new_folder = copy_flows(tmp_path, "new")
    flow_file = new_folder / "alternance.toml"
    text = flow_file.read_text(encoding="utf-8")
    text = text.replace(
        'id = "campus"\nkind = "choice"\ndefault = "either"',
        'id = "campus"\nkind = "choice"\ndefault = "either"\nnext = "bonus"',
    ).replace(
        'short = { fr = "Campus", en = "Campus" }\nnext = "results"',
        'short = { fr = "Campus", en = "Campus" }',
    )
    text = text.replace(
        "[[outcomes]]",
        '[[questions]]\nid = "bonus"\nkind = "yes_no"\ndefault = false\n'
        'prompt = { fr = "Prime ?", en = "Bonus?" }\nshort = { fr = "Prime", en = "Bonus" }\n'
        'next = "results"\n\n[[outcomes]]',
        1,
    )
    flow_file.write_text(text, encoding="utf-8")
    contracts = new_folder / "contracts.toml"
    text = contracts.read_text(encoding="utf-8")
    text = text.replace(
        "raises = [\n",
        'raises = [\n  { when = "bonus", points = 5, source = "test" },\n',
        1,
    )
    contracts.write_text(text, encoding="utf-8")
    day = dt.date(2026, 9, 1)
    old = Side(Engine(load(default_flows_dir())), day, "old")
    new = Side(Engine(load(new_folder)), day, "new")
    result = diff(old, new, "en")
    raised = [c for c in result.changes if c.item == "apprenticeship" and c.kind == "pay"]
    assert raised and all(dict(c.answers).get("bonus") is True for c in raised)
    assert {c.item for c in result.changes} <= {"apprenticeship"}


def test_a_course_removed_shows_closed_for_exactly_the_profiles_it_was_open_to(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new_folder = copy_flows(tmp_path, "new")
    courses = new_folder / "courses.toml"
    text = courses.read_text(encoding="utf-8")
    blocks = re.split(r"(?m)^(?=\[\[items\]\]\n)", text)
    removed = re.search(r'id = "([^"]+)"', blocks[1])
    assert removed is not None
    course = removed.group(1)
    courses.write_text(blocks[0] + "".join(blocks[2:]), encoding="utf-8")
    day = dt.date(2026, 9, 1)
    old = Side(Engine(load(default_flows_dir())), day, "old")
    new = Side(Engine(load(new_folder)), day, "new")
    result = diff(old, new, "en")
    assert {c.item for c in result.changes} == {course}
    assert {(c.kind, c.new_status) for c in result.changes} == {("closed", "absent")}
    # Every profile of the course's rules it was open to is listed, and no other.
    bundle = old.engine.bundle
    space = Space([bundle, new.engine.bundle], (day,))
    course_space = space.item("courses", course)
    walked = walk_item(bundle.flow, course_space, lambda env: None)
    was_open = set()
    for profile in walked.rules.values():
        answers = complete(bundle.flow, course_space, profile.node, profile.env, profile.answers)
        assert answers is not None
        if whole(old.engine, dict(answers), day)[course][0] != "not_eligible":
            was_open.add(tuple(v for q, v in answers if q in course_space.rule_names))
    assert was_open
    listed = [tuple(v for q, v in c.answers if q in c.reads) for c in result.changes]
    assert sorted(map(repr, listed)) == sorted(map(repr, was_open))
    check_listed(old, new, result, sample=50)
    assert check_complete(old, new, result, tries=200) > 10
    code = main(
        [
            "diff",
            "--flow-old",
            str(default_flows_dir()),
            "--flow-new",
            str(new_folder),
            "--as-of",
            "2026-09-01",
            "--lang",
            "fr",
        ]
    )
    out = capsys.readouterr().out
    assert code == 1
    assert "désormais fermé" in out and "plus proposé" in out


def test_the_table_is_grouped_by_what_changed_in_either_language(
    shipped_diff: tuple[Side, Side, Diff],
) -> None:
    result = shipped_diff[2]
    out = diff_text(result, "en")
    assert "Apprenticeship contract: pay changed (" in out
    assert "year 1: €" in out and "→" in out
    assert "--all lists them" in out
    # The titles are English (the diff ran in English); the words around them follow --lang.
    out = diff_text(result, "fr")
    assert "rémunération modifiée" in out and "année 1\u00a0:" in out
    # French typography between years too: a narrow no-break space before ";".
    assert "€\u202f; année 2" in out and not re.search(r"(?<!\u202f);", out)
    assert len(diff_text(result, "en", every=True).splitlines()) > 2 * len(result.changes)


def test_1_january_2027_lists_the_aid_notes_for_the_employers_they_concern(
    bundle_module: Bundle, capsys: pytest.CaptureFixture[str]
) -> None:
    # Décret 2026-168's aid ends with contracts starting before 1 January 2027; from
    # then on the single aid (D6243-2) is what is known: the diff of that day says so.
    engine = Engine(bundle_module)
    old = Side(engine, dt.date(2026, 12, 31), "2026-12-31")
    new = Side(engine, dt.date(2027, 1, 1), "2027-01-01")
    result = diff(old, new, "en")
    notes = [c for c in result.changes if c.kind == "notes"]
    assert {c.item for c in notes} == {"apprenticeship"}
    sectors = {dict(c.answers)["employer_sector"] for c in notes}
    assert sectors == {"private", "individual", "unknown"}  # not a public employer
    for change in notes:
        assert "employer_sector" in change.reads
        assert any(
            n.startswith("Hiring aid (contracts starting from 1 January 2027)")
            for n in change.new_notes
        )
        assert any("starting before 1 January 2027" in n for n in change.old_notes)
    check_listed(old, new, result, sample=10)
    code = main(["diff", "--as-of-old", "2026-12-31", "--as-of-new", "2027-01-01", "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 1
    assert "Apprenticeship contract: notes changed (" in out
    assert "Hiring aid (contracts starting from 1 January 2027)" in out
    code = main(
        ["diff", "--as-of-old", "2026-12-31", "--as-of-new", "2027-01-01", "--format", "json"]
    )
    data = json.loads(capsys.readouterr().out)
    first = next(c for c in data["changes"] if c["kind"] == "notes")
    assert first["old"]["notes"] != first["new"]["notes"]


@pytest.mark.parametrize(
    "args",
    [
        ["diff"],
        ["diff", "--as-of-old", "2026-01-01"],
        ["diff", "--flow-old", "x", "--flow-new", "y"],
        ["diff", "--as-of-old", "2018-01-01", "--as-of-new", "2026-01-01"],
        ["diff", "--as-of-old", "someday", "--as-of-new", "2026-01-01"],
    ],
)
def test_bad_input_exits_2_with_a_line_saying_why(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 2
    assert capsys.readouterr().err.strip()
