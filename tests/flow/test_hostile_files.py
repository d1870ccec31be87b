"""`alternance check` on flow folders built to break it (issue 9, points 4 and 5):
a located error and exit 1, never a traceback, never a pass that lets absurd
answers through."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from alternance_tui.cli.main import main

SHIPPED = Path(__file__).resolve().parents[2] / "flows"
# One adult's answers that reach the internship pay (4 months, hours a week).
INTERN = ["-a", "age=20", "-a", "employer_sector=private", "-a", "diploma=bac_general"]
INTERN += ["-a", "duration_months=4", "--as-of", "2026-01-01", "--lang", "en"]


@pytest.fixture
def flows(tmp_path: Path) -> Path:
    folder = tmp_path / "flows"
    shutil.copytree(SHIPPED, folder)
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is no longer in {path.name}: update this test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, fragment: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if fragment in line:
            return number
    raise AssertionError(f"{fragment!r} not in {path.name}")


def _check(capsys: pytest.CaptureFixture[str], *paths: Path) -> tuple[int, str]:
    code = main(["check", *map(str, paths)])
    return code, capsys.readouterr().out


def _set_bounds(flow: Path, question: str, low: str | None, high: str | None) -> None:
    """Sets the `min` and/or `max` of a number question of the flow."""
    text = flow.read_text(encoding="utf-8")
    start = text.index(f'id = "{question}"')
    end = text.find("[[questions]]", start)
    end = end if end >= 0 else len(text)
    block = text[start:end]
    for key, value in (("min", low), ("max", high)):
        if value is not None:
            block, count = re.subn(rf"^{key} = .*$", f"{key} = {value}", block, count=1, flags=re.M)
            assert count == 1, f"{question} has no {key} any more: update this test"
    flow.write_text(text[:start] + block + text[end:], encoding="utf-8")


def _weekly_hours_bounds(flow: Path, low: str, high: str) -> None:
    _set_bounds(flow, "weekly_hours", low, high)


@pytest.mark.parametrize(
    ("low", "high", "bad"),
    [("1", "inf", "inf"), ("nan", "48", "nan"), ("1", "nan", "nan"), ("-inf", "48", "-inf")],
)
def test_a_non_finite_bound_is_a_located_error(
    flows: Path, capsys: pytest.CaptureFixture[str], low: str, high: str, bad: str
) -> None:
    flow = flows / "alternance.toml"
    _weekly_hours_bounds(flow, low, high)
    line = _line_of(flow, f" = {bad}")
    code, out = _check(capsys, flow)
    assert code == 1
    key = "min" if low == bad else "max"
    message = f"must be a finite number, not {re.escape(bad)}"
    assert re.search(rf"alternance.toml:{line}: questions\[\d+\]\.{key}: {message}", out), out


def test_an_infinite_bound_on_a_whole_number_question_is_a_located_error(
    flows: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flow = flows / "alternance.toml"
    _set_bounds(flow, "age", None, "inf")
    code, out = _check(capsys, flow)
    assert code == 1
    assert f"alternance.toml:{_line_of(flow, 'max = inf')}: " in out


def test_a_number_too_long_for_a_float_is_a_located_error(
    flows: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flow = flows / "alternance.toml"
    _set_bounds(flow, "age", None, "1" + "0" * 400)
    code, out = _check(capsys, flow)
    assert code == 1
    assert "max: is too large a number" in out


def test_a_nan_bound_never_lets_a_negative_answer_through(
    flows: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flow = flows / "alternance.toml"
    _weekly_hours_bounds(flow, "nan", "nan")
    with pytest.raises(SystemExit) as stop:
        main(["recommend", "--flow", str(flow), *INTERN, "-a", "weekly_hours=-5"])
    assert stop.value.code == 2
    captured = capsys.readouterr()
    assert "weekly_hours" not in captured.out  # no report at all
    assert "must be a finite number, not nan" in captured.err


def test_a_non_finite_rate_in_a_data_file_is_a_located_error(
    flows: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rates = flows / "rates.toml"
    _edit(rates, "value = 1521.22", "value = -inf")
    for checked in (flows / "alternance.toml", rates):
        code, out = _check(capsys, checked)
        assert code == 1
        where = f"rates.toml:{_line_of(rates, '-inf')}: series[1].values[1].value"
        assert f"{where}: must be a finite number" in out


def test_a_nul_in_a_used_file_name_is_a_located_error(
    flows: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flow = flows / "alternance.toml"
    _edit(flow, 'uses = ["rates.toml"', 'uses = ["rates.toml\\u0000x", "rates.toml"')
    for checked in (flow, flows):
        code, out = _check(capsys, checked)
        assert code == 1
        assert (
            f"alternance.toml:{_line_of(flow, 'uses = ')}: uses[1]: a file name cannot hold a NUL"
            in out
        )


@pytest.mark.parametrize("link", ["file", "folder"])
def test_uses_never_follows_a_link_out_of_the_flows_folder(
    flows: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], link: str
) -> None:
    secret = tmp_path / "elsewhere" / "secret.toml"
    secret.parent.mkdir()
    secret.write_text('kind = "rates"\nsecret_key = "do not read me"\n', encoding="utf-8")
    flow = flows / "alternance.toml"
    if link == "file":
        (flows / "data.toml").symlink_to(secret)
        _edit(flow, 'uses = ["rates.toml"', 'uses = ["data.toml", "rates.toml"')
    else:
        (flows / "data").symlink_to(secret.parent, target_is_directory=True)
        _edit(flow, 'uses = ["rates.toml"', 'uses = ["data/secret.toml", "rates.toml"')
    code, out = _check(capsys, flow)
    assert code == 1
    assert "uses[1]: " in out and "outside" in out
    assert "secret_key" not in out  # never read


def test_a_link_inside_the_folder_is_still_followed(
    flows: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (flows / "data").mkdir()
    (flows / "rates.toml").rename(flows / "data" / "rates.toml")
    (flows / "rates.toml").symlink_to(flows / "data" / "rates.toml")
    code, out = _check(capsys, flows / "alternance.toml")
    assert (code, out) == (0, "")


def test_a_data_file_checked_alone_gets_its_duplicate_ids(
    flows: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    contracts = flows / "contracts.toml"
    _edit(contracts, 'id = "professionalisation"', 'id = "apprenticeship"')
    code, out = _check(capsys, contracts)
    assert code == 1
    found = r'contracts.toml:\d+: items\[\d+\]\.id: duplicate item id "apprenticeship"'
    assert re.search(found, out), out


def test_a_rates_file_checked_alone_gets_its_duplicate_ids(
    flows: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rates = flows / "rates.toml"
    _edit(rates, 'id = "pss_hourly"', 'id = "smic_monthly"')
    code, out = _check(capsys, rates)
    assert code == 1
    assert re.search(
        r'rates.toml:\d+: series\[\d+\]\.id: duplicate series id "smic_monthly"', out
    ), out


@pytest.mark.parametrize("kind", ["1979-05-27", '"advise"', "5"])
def test_an_odd_kind_in_a_data_file_is_refused_on_its_line(
    flows: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    contracts = flows / "contracts.toml"
    _edit(contracts, 'kind = "advice"', f"kind = {kind}")
    line = _line_of(contracts, f"kind = {kind}")
    code, out = _check(capsys, contracts)
    assert code == 1
    assert f"contracts.toml:{line}: kind: unknown kind " in out


def test_a_misspelt_key_in_a_data_file_checked_alone_gets_its_line(
    flows: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    contracts = flows / "contracts.toml"
    _edit(contracts, "\nsummary = ", "\nsummry = ")
    code, out = _check(capsys, contracts)
    assert code == 1
    assert f":{_line_of(contracts, 'summry = ')}: items[1].summry: unknown key" in out


@pytest.mark.parametrize(
    ("bounds", "said"),
    [(("-1", "48"), "accepts negative answers (min = -1"), (("1", "1e300"), "too large for pay")],
)
def test_a_pay_question_that_allows_absurd_answers_is_refused(
    flows: Path, capsys: pytest.CaptureFixture[str], bounds: tuple[str, str], said: str
) -> None:
    flow = flows / "alternance.toml"
    _weekly_hours_bounds(flow, *bounds)
    code, out = _check(capsys, flows)
    assert code == 1
    assert re.search(
        rf"contracts.toml:\d+: items\[\d+\]\.pay\.weekly_hours: .*{re.escape(said)}", out
    )
    with pytest.raises(SystemExit) as stop:
        main(["recommend", "--flow", str(flow), *INTERN, "-a", f"weekly_hours={bounds[0]}"])
    assert stop.value.code == 2


def test_a_rate_too_large_to_compute_with_is_refused(
    flows: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rates = flows / "rates.toml"
    _edit(rates, "value = 1521.22", "value = 1e300")
    code, out = _check(capsys, rates)
    assert code == 1
    assert "series[1].values[1].value: must be at most 1e+09, not 1e+300" in out
