"""The handout's next steps: what this person does next, from their open items
and their employer, with the addresses written out so that they survive printing.

Who files a contract follows the employer: a private employer sends an
apprenticeship contract to its OPCO (Code du travail D6224-1), a public one
to the DDETS (D6275-1), both within five working days of its start; a
professionalisation contract goes to the OPCO within five days (the IMPGT
page). Where the offers are: La bonne alternance (both contracts), the public
service's own job site for a public employer, France Travail. The words are in
the HANDOUT catalogue (``step_*``).
"""

from __future__ import annotations

from collections.abc import Sequence

from alternance_tui.advice.result import ItemResult, Recommendation
from alternance_tui.wording.catalogue.handout import HANDOUT


def next_steps(
    rec: Recommendation,
    contracts: Sequence[ItemResult],
    courses: Sequence[ItemResult],
    no_course_step: str = "",
) -> tuple[str, ...]:
    """``contracts``: the open ones and those open depending on an answer;
    ``courses``: the open courses; ``no_course_step``: what would open one."""
    lang = rec.lang

    def h(key: str, **values: object) -> str:
        return HANDOUT(lang, key, **values)

    ids = {i.id for i in contracts}
    sector = rec.answers.get("employer_sector")
    public, private = sector == "public", sector in ("private", "individual")
    steps = []
    if "apprenticeship" in ids:
        steps.append(h("step_offers_public" if public else "step_offers_apprenticeship"))
        if not public and not private:
            steps.append(h("step_offers_public_too"))
    if "professionalisation" in ids:
        steps.append(h("step_offers_pro"))
    if "training" in ids:
        steps.append(h("step_training"))
    if "internship" in ids:
        steps.append(h("step_internship"))
    if courses:
        masters = any(str(i.attributes.get("level", "")).upper() == "M1" for i in courses)
        m1 = h("step_apply_m1") if masters else ""
        if len(courses) == 1:
            steps.append(h("step_apply", courses=courses[0].title) + m1 + ".")
        else:
            steps.append(h("step_apply_these") + m1 + ".")
    elif no_course_step:
        steps.append(no_course_step)
    contract_filed = ids & {"apprenticeship", "professionalisation"}
    if contract_filed:
        if public:
            steps.append(h("step_file_public"))
        elif private:
            steps.append(h("step_file_private"))
        else:
            steps.append(h("step_file_either"))
        if "apprenticeship" in ids:
            steps.append(h("step_cfa"))
    return tuple(steps)
