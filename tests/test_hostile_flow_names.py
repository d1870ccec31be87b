"""A flow named on the command line that is a pipe or a device: every command says
so at once. `alternance check` always did; `recommend --flow` and the app waited
for ever for a writer (the flow cache and the welcome screen's facts hashed the
file with a plain read before the flow's own reader could refuse it), and `diff`
called a pipe "no such flow file"."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.nodes import ZERO, char_device, fifo, within

from alternance_tui.cli.main import main
from alternance_tui.tui.facts import cached_facts
from alternance_tui.tui.shipped import shipped_facts

SHIPPED = Path(__file__).resolve().parents[1] / "flows"
REFUSED = "is not a regular file (a device or a pipe?)"


def _run(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int, str]:
    def call() -> int:
        try:
            return main(args)
        except SystemExit as exc:
            return exc.code if isinstance(exc.code, int) else 1

    code = within(10, call)
    return code, capsys.readouterr().err


@pytest.fixture(params=["fifo", "device"])
def odd_flow(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    name = tmp_path / "flow.toml"
    return fifo(name) if request.param == "fifo" else char_device(name, ZERO)


def test_recommend_refuses_a_pipe_or_a_device_as_its_flow(
    capsys: pytest.CaptureFixture[str], odd_flow: Path
) -> None:
    code, err = _run(capsys, ["recommend", "--flow", str(odd_flow), "-a", "age=20"])
    assert code == 2
    assert f"flow.toml: {REFUSED}, not a TOML file" in err
    assert "Traceback" not in err


def test_the_welcome_screen_does_not_wait_on_a_pipe(odd_flow: Path) -> None:
    # What the app reads before its first frame: no facts, so the flow is loaded,
    # and refused in words (the refusal itself is the recommend test's).
    assert within(10, lambda: cached_facts(odd_flow)) is None
    assert within(10, lambda: shipped_facts(odd_flow)) is None


def test_diff_says_a_pipe_is_not_a_flow_file(
    capsys: pytest.CaptureFixture[str], odd_flow: Path, tmp_path: Path
) -> None:
    args = ["diff", "--flow-old", str(odd_flow), "--flow-new", str(tmp_path / "none.toml")]
    code, err = _run(capsys, [*args, "--lang", "en"])
    assert code == 2
    assert f"--flow-old: {odd_flow}: {REFUSED}, not a flow file" in err
    code, err = _run(capsys, [*args, "--lang", "fr"])
    assert code == 2 and "n’est pas un fichier ordinaire" in err


def test_a_data_file_that_is_a_pipe_or_a_folder_is_named_as_such(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Both were said to "not exist beside the flow file": the author sees them there.
    folder = tmp_path / "flows"
    shutil.copytree(SHIPPED, folder)
    (folder / "rates.toml").unlink()
    fifo(folder / "rates.toml")
    (folder / "courses.toml").unlink()
    (folder / "courses.toml").mkdir()
    code = within(10, lambda: main(["check", str(folder / "alternance.toml")]))
    out = capsys.readouterr().out
    assert code == 1
    assert 'uses "rates.toml", which is not a regular file (a device or a pipe?)' in out
    assert 'uses "courses.toml", which is a folder, not a data file' in out
    assert "does not exist" not in out
