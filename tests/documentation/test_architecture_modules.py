"""docs/architecture.md names every package and module of the app, and no
module that is gone: a newcomer finds where a change goes from that page alone."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "alternance_tui"
PAGE = ROOT / "docs" / "architecture.md"
# A module as the page writes it: its path under src/alternance_tui/, in
# backticks (`tui/kiosk/mode.py`); a package as its folder (`tui/kiosk/`).
NAMED = re.compile(r"`([a-z_]+(?:/[a-z_0-9]+)*(?:/|\.py))`")


def named_in(text: str) -> set[str]:
    return set(NAMED.findall(text))


def modules_of(package: Path) -> set[str]:
    """Every module (its path) and every package below the top (``name/``)."""
    found = set()
    for path in package.rglob("*.py"):
        if path.name != "__init__.py":
            found.add(path.relative_to(package).as_posix())
        elif path.parent != package:
            found.add(path.parent.relative_to(package).as_posix() + "/")
    return found


def unnamed(text: str, package: Path) -> list[str]:
    return sorted(modules_of(package) - named_in(text))


def gone(text: str, package: Path) -> list[str]:
    """What the page names inside one of ``package``'s packages that is not there."""
    tops = {p.name for p in package.iterdir() if (p / "__init__.py").is_file()}
    inside = {name for name in named_in(text) if name.split("/")[0] in tops}
    return sorted(name for name in inside if not (package / name).exists())


def test_every_module_and_package_has_its_line() -> None:
    missing = unnamed(PAGE.read_text(encoding="utf-8"), PACKAGE)
    assert not missing, (
        "docs/architecture.md does not name these: add a line saying what each "
        f"holds, in its package's table, as `package/module.py`: {missing}"
    )


def test_every_module_named_exists() -> None:
    stale = gone(PAGE.read_text(encoding="utf-8"), PACKAGE)
    assert not stale, f"docs/architecture.md names what src/alternance_tui no longer has: {stale}"


def test_a_module_added_or_moved_is_seen(tmp_path: Path) -> None:
    for name in ("top/__init__.py", "top/kept.py", "top/inner/__init__.py", "top/inner/new.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    page = "`top/` holds `top/kept.py`, and `top/inner/` was `top/inner/old.py`; `flows/x.py`"
    assert unnamed(page, tmp_path) == ["top/inner/new.py"]
    assert gone(page, tmp_path) == ["top/inner/old.py"]
