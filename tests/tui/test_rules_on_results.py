"""The results screen's view says which rules it follows and, past a 1 January
with no value recorded, that the figures may be out of date."""

from __future__ import annotations

import datetime as dt

from alternance_tui.advice.engine import Engine
from alternance_tui.advice.model import Bundle
from alternance_tui.advice.version import rules_version
from alternance_tui.tui.pages.resultview import results_view

ANSWERS = {"age": 20, "employer_sector": "private", "diploma": "bac_general", "duration_months": 24}


def test_results_carry_the_rules_version_and_the_stale_warning(bundle: Bundle) -> None:
    engine = Engine(bundle)
    known = bundle.rates_known_until
    assert known is not None
    later = dt.date(known.year + 1, 1, 15)
    view = results_view(engine.recommend(ANSWERS, as_of=later, lang="en"), bundle)
    assert view.rules_version == rules_version(bundle)
    assert any(n.startswith("These figures may be out of date") for n in view.rate_notes)
    ordinary = results_view(engine.recommend(ANSWERS, as_of=known, lang="fr"), bundle)
    assert not any("périmés" in n for n in ordinary.rate_notes)
