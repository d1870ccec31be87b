"""Loading a flow with the data files it uses, checked as one bundle."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alternance_tui.advice.model import PAY_KINDS, Bundle, RateSeries, Section
from alternance_tui.files.paths import default_flow_path, default_flows_dir
from alternance_tui.flow.cache import cached, remember
from alternance_tui.flow.files import display_name, located, read_toml, schema_problems
from alternance_tui.flow.load import file_kind, flow_from_data
from alternance_tui.flow.problems import FlowError, Problem

__all__ = ["check_bundle", "check_paths", "default_flow_path", "default_flows_dir", "load_bundle"]


def _keys(*models: Any) -> list[str]:
    keys: set[str] = set()
    for item in models:
        keys.update(item.model_fields)
        keys.update(f.alias for f in item.model_fields.values() if f.alias)
    return sorted(keys)


def _rates_keys() -> list[str]:
    from alternance_tui.advice import schema

    return _keys(schema.RatesFile, schema.RateSeriesFile, schema.RateValueFile)


def _advice_keys() -> list[str]:
    from alternance_tui.advice import schema

    return _keys(
        schema.AdviceFile,
        schema.AttributeFile,
        schema.ItemFile,
        schema.RuleFile,
        schema.AlternativeFile,
        schema.NoteFile,
        schema.FitFile,
        schema.BandFile,
        schema.DeductionFile,
        schema.NetRuleFile,
        schema.CycleFile,
        schema.ScheduleFile,
        schema.RaiseFile,
        schema.GridPayFile,
        schema.HourlyPayFile,
        schema.NoPayFile,
        schema.LikePayFile,
    )


def check_bundle(path: Path) -> tuple[Bundle | None, list[Problem], list[Path]]:
    """The bundle for the flow in ``path``, every problem in it or its files, and the
    files it read besides ``path``."""
    from pydantic import ValidationError

    from alternance_tui.advice.build import build_advice, build_rates
    from alternance_tui.advice.schema import AdviceFile, RatesFile

    data, text, problems = read_toml(path)
    if data is None:
        return None, problems, []
    if file_kind(data) != "flow":
        message = f'kind = "{file_kind(data)}": not a flow; check the flow that uses it'
        return None, located([Problem(display_name(path), message, ("kind",))], text), []
    flow, problems = flow_from_data(data, text, path)
    if flow is None or any(p.severity == "error" for p in problems):
        return None, problems, []

    texts_read = [(path.name, text)]
    used: list[tuple[Path, dict[str, Any], str]] = []
    for index, name in enumerate(flow.uses):
        used_path = path.parent / name
        used_data, used_text, used_problems = read_toml(used_path)
        problems += used_problems
        if used_data is None:
            continue
        kind = file_kind(used_data)
        if kind not in ("rates", "advice"):
            message = f'uses "{name}", whose kind is "{kind}"; expected "rates" or "advice"'
            problems += located([Problem(display_name(path), message, ("uses", index))], text)
            continue
        used.append((used_path, used_data, used_text))
        texts_read.append((used_path.name, used_text))

    rates: dict[str, RateSeries] = {}
    for used_path, used_data, used_text in used:
        if file_kind(used_data) != "rates":
            continue
        name = display_name(used_path)
        try:
            rates_file = RatesFile.model_validate(used_data)
        except ValidationError as exc:
            problems += located(schema_problems(exc, name, _rates_keys()), used_text)
            continue
        series, found = build_rates(rates_file, name, list(flow.languages))
        for index, series_id in enumerate(series):
            if series_id in rates:
                message = f'series "{series_id}" is already defined in another rates file'
                found.append(Problem(name, message, ("series", index, "id")))
        problems += located(found, used_text)
        rates.update(series)

    sections: list[Section] = []
    texts: list[tuple[Section, str, str]] = []
    for used_path, used_data, used_text in used:
        if file_kind(used_data) != "advice":
            continue
        name = display_name(used_path)
        try:
            advice_file = AdviceFile.model_validate(used_data)
        except ValidationError as exc:
            problems += located(schema_problems(exc, name, _advice_keys(), PAY_KINDS), used_text)
            continue
        section, found = build_advice(advice_file, flow, rates, name)
        texts.append((section, name, used_text))
        if any(s.id == section.id for s in sections):
            message = f'section "{section.id}" is already defined in another advice file'
            found.append(Problem(name, message, ("section",)))
        problems += located(found, used_text)
        sections.append(section)

    problems += _like_problems(texts)
    if any(p.severity == "error" for p in problems):
        return None, problems, [u[0] for u in used]
    bundle = Bundle(flow, tuple(sections), rates, content_digest(texts_read))
    return bundle, problems, [u[0] for u in used]


def content_digest(files: list[tuple[str, str]]) -> str:
    """The hash of the rules' files by name and content (the text as read, the
    same bytes), whatever folder they sit in or the bundle is used from."""
    import hashlib

    digest = hashlib.sha256()
    for name, text in sorted(files, key=lambda file: file[0]):
        digest.update(name.encode() + b"\0" + text.encode("utf-8") + b"\0")
    return digest.hexdigest()


def _like_problems(built: list[tuple[Section, str, str]]) -> list[Problem]:
    """A pay borrowed from another item names an item with a pay of its own."""
    from alternance_tui.advice.model import LikePay

    owned = {i.id: i.pay for s, _, _ in built for i in s.items}
    found: list[Problem] = []
    for section, name, text in built:
        for index, item in enumerate(section.items):
            pay = item.pay
            if not isinstance(pay, LikePay):
                continue
            target = owned.get(pay.item)
            if target is None or isinstance(target, LikePay):
                message = f'pays like "{pay.item}", which is not an item with a pay of its own'
                where = ("items", index, "pay", "item")
                found += located([Problem(name, message, where)], text)
    return found


def load_bundle(path: Path | None = None, *, write_cache: bool = True) -> Bundle:
    """The checked bundle, from the cache when its files have not changed.

    Raises FlowError naming every problem when the flow may not be run.
    ``write_cache``: False to only read the cache (a kiosk writes no file).
    """
    path = path or default_flow_path()

    def build() -> tuple[Bundle, list[Path]]:
        bundle, problems, others = check_bundle(path)
        if bundle is None:
            raise FlowError(problems)
        return bundle, others

    return cached(path, build, Bundle, write=write_cache)


def _key(path: Path) -> str:
    """A path to compare by: resolved where possible (a link loop cannot be)."""
    try:
        return str(path.resolve())
    except (OSError, RuntimeError, ValueError):  # ValueError: a NUL in the name
        return str(path.absolute())


def check_paths(paths: list[Path]) -> list[Problem]:
    """``alternance check``: every flow given (or found in the folders given), with
    the data files each uses; data files no flow uses are checked on their own."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            listed = sorted(path.glob("*.toml"))
            if not listed:
                problems.append(Problem(display_name(path), "no .toml files in this folder"))
            files.extend(listed)
        else:
            files.append(path)
    covered: set[str] = set()
    leftovers: list[Path] = []
    for file in files:
        data, _, read_problems = read_toml(file)
        if data is None:
            problems += read_problems
            covered.add(_key(file))
            continue
        if file_kind(data) != "flow":
            leftovers.append(file)
            continue
        bundle, found, others = check_bundle(file)
        problems += found
        if bundle is not None:  # checked: the next start needs not check it again
            remember(file, bundle, others)
        covered.add(_key(file))
        covered.update(_key(o) for o in others)
        uses = data.get("uses", [])
        if isinstance(uses, list):
            covered.update(_key(file.parent / u) for u in uses if isinstance(u, str))
    for file in leftovers:
        if _key(file) not in covered:
            problems += _check_alone(file)
    return problems


def _check_alone(path: Path) -> list[Problem]:
    """A data file no checked flow uses: its schema, and what can be checked of it
    without a flow (ids used twice, rates in date order, texts in the same
    languages throughout); not its conditions, which read a flow's answers."""
    from pydantic import ValidationError

    from alternance_tui.advice.build import build_rates
    from alternance_tui.advice.schema import AdviceFile, RatesFile
    from alternance_tui.flow.file_checks import duplicate_ids

    data, text, problems = read_toml(path)
    if data is None:
        return problems
    name = display_name(path)
    kind = file_kind(data)
    if kind not in ("rates", "advice"):
        message = f'unknown kind "{kind}": use "flow", "rates" or "advice"'
        return located([Problem(name, message, ("kind",))], text)
    try:
        if kind == "rates":
            rates = RatesFile.model_validate(data)
            _, problems = build_rates(rates, name, _languages(data))
        else:
            problems = duplicate_ids(AdviceFile.model_validate(data), name)
    except ValidationError as exc:
        keys = _rates_keys() if kind == "rates" else _advice_keys()
        return located(schema_problems(exc, name, keys, PAY_KINDS), text)
    return [
        *located(problems, text),
        Problem(
            name,
            "no flow checked here uses this file, so its conditions were not "
            "checked; check it with the flow that uses it",
            severity="warning",
        ),
    ]


def _languages(data: dict[str, Any]) -> list[str]:
    """The languages of a rates file's first label: with no flow to say which
    languages it needs, every other text must have the same."""
    series = data.get("series")
    label = series[0].get("label") if isinstance(series, list) and series else None
    return sorted(label) if isinstance(label, dict) else []
