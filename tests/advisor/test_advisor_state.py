"""Scenarios below the UI: copying into B and C, switching, dropping, and what is saved."""

from __future__ import annotations

from alternance_tui.advice.model import Bundle
from alternance_tui.interview.state import Interview
from alternance_tui.sessions.advisor_state import AdvisorState
from alternance_tui.sessions.store import Session

YOUNG = {"age": 20, "employer_sector": "private", "diploma": "bac_general", "duration_months": 24}


def interview(bundle: Bundle) -> Interview:
    person = Interview(bundle.flow, lang="en")
    person.load_answers(YOUNG)
    return person


def saved(state: AdvisorState, person: Interview) -> Session:
    return state.fill(Session("alternance", person.answers_json(), lang="en"))


def test_copy_change_and_switch_back(bundle: Bundle) -> None:
    state, person = AdvisorState(name="Zoé"), interview(bundle)
    assert state.duplicate(person) == "B"
    person.answers["employer_sector"] = "public"  # changed in B only
    session = saved(state, person)
    assert session.answers["employer_sector"] == "private"  # A, as it was
    assert session.scenarios == {"B": {**YOUNG, "employer_sector": "public"}}
    assert session.active == "B" and session.name == "Zoé"
    assert state.switch(person, "A")
    assert person.answers["employer_sector"] == "private"
    assert state.all_answers(person)["B"]["employer_sector"] == "public"


def test_three_scenarios_at_most(bundle: Bundle) -> None:
    state, person = AdvisorState(), interview(bundle)
    assert state.duplicate(person) == "B"
    assert state.duplicate(person) == "C"
    assert state.duplicate(person) is None
    assert state.letters() == ["A", "B", "C"]


def test_a_saved_session_comes_back_on_the_scenario_being_edited(bundle: Bundle) -> None:
    state, person = AdvisorState(notes="n"), interview(bundle)
    state.duplicate(person)
    person.answers["duration_months"] = 12
    session = saved(state, person)
    again = AdvisorState()
    again.take(session)
    assert again.active == "B" and again.notes == "n"
    assert again.active_answers(session)["duration_months"] == 12
    assert again.others == {"A": YOUNG}


def test_dropping_the_scenario_being_edited(bundle: Bundle) -> None:
    state, person = AdvisorState(), interview(bundle)
    state.duplicate(person)
    person.answers["age"] = 30
    assert state.drop(person) == "A"
    assert person.answers["age"] == 20 and state.letters() == ["A"]
    assert state.drop(person) is None  # never the last one
