"""Two tables of one list with the same `id` are an error on the second one's line,
whatever the list: a flow's choices, a data file's items, series, attributes and
an item's rules (issue 25, item 3). Checked with the flow that uses the file and
with the file checked on its own."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from alternance_tui.cli.main import main

SHIPPED = Path(__file__).resolve().parents[2] / "flows"


def _give_second_the_first_id(path: Path, first: str, second: str) -> int:
    """Renames the table ``id = second`` to ``first`` (which comes before it);
    the line it is on."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.strip() == f'id = "{second}"')
    assert any(line.strip() == f'id = "{first}"' for line in lines[:at]), first
    lines[at] = f'id = "{first}"\n'
    path.write_text("".join(lines), encoding="utf-8")
    return at + 1


CASES = [
    # file, the first id, the id renamed to it, where, what
    ("courses.toml", "level", "campus", r"attributes\[2\]\.id", "attribute"),
    ("contracts.toml", "age", "employer", r"items\[1\]\.rules\[2\]\.id", "rule"),
    ("contracts.toml", "apprenticeship", "professionalisation", r"items\[\d\]\.id", "item"),
    ("rates.toml", "smic_monthly", "pss_hourly", r"series\[\d\]\.id", "series"),
    ("alternance.toml", "private", "public", r"questions\[\d+\]\.choices\[2\]\.id", "choice"),
]


@pytest.mark.parametrize(("file", "first", "second", "where", "noun"), CASES)
@pytest.mark.parametrize("alone", [False, True], ids=["with-its-flow", "alone"])
def test_a_second_table_with_the_same_id_is_an_error_on_its_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    file: str,
    first: str,
    second: str,
    where: str,
    noun: str,
    alone: bool,
) -> None:
    if alone and file == "alternance.toml":
        pytest.skip("the flow file is always checked as a flow")
    flows = tmp_path / "flows"
    shutil.copytree(SHIPPED, flows)
    line = _give_second_the_first_id(flows / file, first, second)
    checked = flows / file if alone else flows / "alternance.toml"
    assert main(["check", str(checked)]) == 1
    out = capsys.readouterr().out
    found = rf'{file}:{line}: {where}: duplicate {noun} id "{first}": already used at '
    assert re.search(found, out), out
