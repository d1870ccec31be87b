"""The benchmarks cannot rot unseen: .ci/run runs each once at a tiny size
(benchmarks/smoke.py); these check, within the suite, that the smoke run covers
every benchmark and fails when one fails, and that the interview the
benchmarks type still finds every screen of today's flow."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from alternance_tui.flow.walk import walk

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_smoke_run_has_a_size_for_every_benchmark() -> None:
    smoke = _module("smoke")
    assert smoke.unlisted() == []
    assert sorted(smoke.SIZES) == sorted(p.name for p in BENCHMARKS.glob("bench_*.py"))


def test_a_benchmark_that_no_longer_runs_fails_the_smoke_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    smoke = _module("smoke")
    (tmp_path / "bench_fine.py").write_text("print('measured')\n", encoding="utf-8")
    (tmp_path / "bench_stale.py").write_text(
        "raise SystemExit('journey: the situation question was not expected')\n", encoding="utf-8"
    )
    monkeypatch.setattr(smoke, "HERE", tmp_path)
    monkeypatch.setattr(smoke, "SIZES", {"bench_fine.py": [], "bench_stale.py": []})
    assert smoke.main([]) == 1
    out = capsys.readouterr().out
    assert "benchmarks that no longer run: bench_stale.py" in out
    assert "bench_fine.py: ran to its end" in out
    # And one benchmark without a smoke size fails it too.
    monkeypatch.setattr(smoke, "SIZES", {"bench_fine.py": []})
    assert smoke.main([]) == 1
    assert "no smoke size for bench_stale.py" in capsys.readouterr().out


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_typed_interview_recognises_every_screen_of_the_flow(lang: str) -> None:
    journey = _module("journey")
    screens = journey.screens(lang)
    asked = {s.name for s in screens if s.question is not None}
    assert asked == set(journey.flow().questions)
    markers = [s.marker for s in screens]
    assert len(set(markers)) == len(markers)
    for screen in screens:
        others = [s for s in screens if s is not screen]
        assert journey.which(screen.marker, others) is None, screen.name
    # The person's interview reaches the results, and every question on the way
    # gets keys: the person's answer, or Enter for its default.
    path = walk(journey.flow(), journey.PERSON, use_defaults=True)
    assert path.complete, path.current
    for question_id in path.path:
        _typed, answer = journey.keys_for(journey.flow().questions[question_id])
        assert answer
