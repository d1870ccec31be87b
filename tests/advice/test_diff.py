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

from alternance_tui.advice.diff import Diff, Side, diff
from alternance_tui.advice.engine import Engine
from alternance_tui.advice.load import check_bundle
from alternance_tui.advice.model import Bundle
from alternance_tui.advice.profiles import Space, item_profiles
from alternance_tui.advice.render.diff import diff_text
from alternance_tui.cli import main
from alternance_tui.paths import default_flows_dir

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


def whole(engine: Engine, answers: dict[str, object], day: dt.date) -> dict[str, object]:
    """Each item's status and monthly amounts, from a whole recommendation."""
    rec = engine.recommend(answers, as_of=day, lang="en")  # type: ignore[arg-type]
    found: dict[str, object] = {}
    for section in rec.sections:
        for item in section.items:
            pay = getattr(item.pay, "years", None)
            amounts = tuple(y.monthly_gross_eur for y in pay) if pay else None
            found[item.id] = (item.status, amounts if item.eligible else None)
    return found


def check_against_recommend(old: Side, new: Side, result: Diff, sample: int) -> None:
    """On a sample of every item's profiles: an item changed in the whole
    recommendation exactly when the diff lists it."""
    listed = {(c.item, c.answers) for c in result.changes}
    bundles = [old.engine.bundle]
    if new.engine.bundle is not old.engine.bundle:
        bundles.append(new.engine.bundle)
    space = Space(bundles, (old.as_of, new.as_of))
    rng = random.Random(13)
    for section in new.engine.bundle.sections:
        for item in section.items:
            flows = [b.flow for b in bundles]
            profiles = list(item_profiles(flows, space.item(section.id, item.id)).values())
            for answers, _env in rng.sample(profiles, min(sample, len(profiles))):
                before = whole(old.engine, dict(answers), old.as_of).get(item.id)
                after = whole(new.engine, dict(answers), new.as_of).get(item.id)
                assert (before != after) == ((item.id, answers) in listed), (item.id, answers)


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
    assert {c.item for c in result.changes} == SMIC_ITEMS
    assert {c.kind for c in result.changes} == {"pay"}
    # The internship bonus follows the ceiling, unchanged in 2026: never listed.
    assert not [c for c in result.changes if c.item == "internship"]
    ratio = 1867.02 / 1823.03
    for change in result.changes[:500]:
        for (_year, before), (_same, after) in zip(change.old_pay, change.new_pay, strict=True):
            if before != after:
                assert after == pytest.approx(before * ratio, abs=0.02)
    check_against_recommend(old, new, result, sample=15)


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
    check_against_recommend(old, new, result, sample=15)


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
    space = Space([old.engine.bundle, new.engine.bundle], (day,))
    profiles = item_profiles(
        [old.engine.bundle.flow, new.engine.bundle.flow], space.item("courses", course)
    ).values()
    was_open = {
        answers
        for answers, _env in profiles
        if whole(old.engine, dict(answers), day)[course][0] != "not_eligible"  # type: ignore[index]
    }
    assert was_open
    assert {c.answers for c in result.changes} == was_open
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
    assert len(diff_text(result, "en", every=True).splitlines()) > 2 * len(result.changes)


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
