"""Whether the figures of a date may be out of date: a series known to change on
a date (every 1 January, ``revised_every_january``) with no value recorded for
it while the date asked about is past it.

The ordinary case, a date after the last recorded change with no change
expected since, is only "latest known values" (engine.rate_notes)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from alternance_tui.advice import model
from alternance_tui.flow.model import tr
from alternance_tui.wording.catalogue.advice import ADVICE
from alternance_tui.wording.formats import date


@dataclass(frozen=True, slots=True)
class Stale:
    """A series whose value may have changed on ``missing`` without being recorded."""

    series: model.RateSeries
    missing: dt.date  # the first expected change with no value: figures may be old from it
    since: dt.date  # the start of the value still used


def stale_series(bundle: model.Bundle, as_of: dt.date) -> list[Stale]:
    """Every series expected to have changed by ``as_of`` with no value recorded, one
    per short name (the monthly and hourly SMIC change together: one warning)."""
    found: dict[str, Stale] = {}
    for series in bundle.rates.values():
        if not series.revised_every_january or not series.values:
            continue
        latest = series.latest
        missing = dt.date(latest.start.year + 1, 1, 1)
        if as_of >= missing:
            key = tr(series.short, "en") or series.id
            found.setdefault(key, Stale(series, missing, latest.start))
    return list(found.values())


def stale_notes(stale: list[Stale], lang: str) -> tuple[str, ...]:
    return tuple(
        ADVICE(
            lang,
            "may_be_outdated",
            label=tr(s.series.label, lang),
            missing=date(s.missing, lang),
            since=date(s.since, lang),
        )
        for s in stale
    )
