"""A ``Diff`` (advice/diff/run.py) as `alternance diff` prints it: a table grouped by
what changed, in French or English, or JSON.

A profile is written as ``id=value`` answers, the form `alternance recommend -a`
takes. The table shows the answers a change depends on (those the item's rules
or its pay read); the JSON has them as ``reads`` and, as ``answers``, a whole
path that gives them, to replay with `recommend` and see the whole recommendation.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from alternance_tui.advice.diff.profiles import Answers
from alternance_tui.advice.diff.run import KINDS, Amounts, Change, Diff
from alternance_tui.flow.cond import Value
from alternance_tui.wording.catalogue.diff import DIFF
from alternance_tui.wording.formats import money, number
from alternance_tui.wording.typography import typography

SHOWN = 10  # profiles listed per group unless every one is asked for


def answer_text(value: Value, lang: str) -> str:
    """An answer as `recommend -a` takes it."""
    if isinstance(value, bool):
        return DIFF(lang, "yes" if value else "no")
    if isinstance(value, frozenset):
        return ",".join(sorted(value)) or "-"
    if isinstance(value, int | float):
        return str(value)
    return str(value)


def profile_text(answers: Answers, lang: str, reads: tuple[str, ...] = ()) -> str:
    """The answers, or only those in ``reads`` (the ones a change depends on)."""
    return " ".join(f"{q}={answer_text(v, lang)}" for q, v in answers if not reads or q in reads)


def _amounts_text(pay: Amounts, lang: str) -> str:
    parts = []
    for key, value in pay:
        label = DIFF(lang, "year", year=key) if key.isdigit() else DIFF(lang, key)
        parts.append(f"{label} {money(value, lang)}")
    return ", ".join(parts) or "—"


def _pay_change(old: Amounts, new: Amounts, lang: str) -> str:
    """Pay side by side, part by part: ``year 1: €492.22 → €504.10``."""
    before, after = dict(old), dict(new)
    parts = []
    for key in dict.fromkeys([k for k, _ in old] + [k for k, _ in new]):
        label = DIFF(lang, "year", year=key) if key.isdigit() else DIFF(lang, key)
        was, now = before.get(key), after.get(key)
        shown = [money(v, lang) if v is not None else "—" for v in (was, now)]
        parts.append(f"{label}: {shown[0]} → {shown[1]}")
    return typography("; ".join(parts), lang)


def change_text(change: Change, lang: str) -> str:
    """What changed, in a few words."""
    if change.kind == "pay":
        return _pay_change(change.old_pay, change.new_pay, lang)
    if change.kind == "reasons":
        gone = [r for r in change.old_reasons if r not in change.new_reasons]
        came = [r for r in change.new_reasons if r not in change.old_reasons]
        return " / ".join(gone) + " → " + " / ".join(came)
    if change.kind == "notes":
        # Whole notes are long: one a line, the one gone and the one that came.
        gone = [f"− {n}" for n in change.old_notes if n not in change.new_notes]
        came = [f"+ {n}" for n in change.new_notes if n not in change.old_notes]
        return typography("\n".join(gone + came), lang)
    old = DIFF(lang, f"status_{change.old_status}")
    new = DIFF(lang, f"status_{change.new_status}")
    text = f"{old} → {new}"
    if change.new_pay or change.old_pay:
        text += f" ({_amounts_text(change.new_pay or change.old_pay, lang)})"
    return text


def grouped(changes: Iterable[Change]) -> dict[tuple[str, str, str], list[Change]]:
    """Changes by item then kind, items in the order met, kinds in ``KINDS`` order."""
    groups: dict[tuple[str, str, str], list[Change]] = {}
    order: dict[str, int] = {kind: i for i, kind in enumerate(KINDS)}
    for change in sorted(changes, key=lambda c: order[c.kind]):
        groups.setdefault((change.section, change.item, change.kind), []).append(change)
    items = list(dict.fromkeys((c.section, c.item) for c in changes))
    return dict(sorted(groups.items(), key=lambda kv: (items.index(kv[0][:2]), order[kv[0][2]])))


def diff_text(result: Diff, lang: str, *, every: bool = False) -> str:
    lines = [
        DIFF(lang, "header", old=result.old, new=result.new),
        DIFF(
            lang,
            "counts",
            profiles=number(result.profiles, lang),
            changed=number(result.profiles_changed(), lang),
        ),
    ]
    if not result.changed:
        lines.append(DIFF(lang, "none"))
    for (_section, _item, kind), changes in grouped(result.changes).items():
        lines.append("")
        lines.append(
            DIFF(
                lang,
                "group",
                title=changes[0].title,
                kind=DIFF(lang, f"kind_{kind}"),
                count=number(len(changes), lang),
            )
        )
        shown = changes if every else changes[:SHOWN]
        for change in shown:
            lines.append(f"  {profile_text(change.answers, lang, change.reads)}")
            lines.extend(f"      {line}" for line in change_text(change, lang).splitlines())
        if len(changes) > len(shown):
            lines.append("  " + DIFF(lang, "more", count=number(len(changes) - len(shown), lang)))
    return "\n".join(lines) + "\n"


def person_lines(result: Diff, lang: str) -> list[str]:
    """For one person (a resumed session): one line per item that changed."""
    return [
        f"• {c.title}: {DIFF(lang, f'kind_{c.kind}')}: "
        + change_text(c, lang).replace("\n", "\n  ")
        for c in result.changes
    ]


def _side(
    status: str, pay: Amounts, reasons: tuple[str, ...], notes: tuple[str, ...]
) -> dict[str, Any]:
    return {"status": status, "pay": dict(pay), "reasons": list(reasons), "notes": list(notes)}


def diff_json(result: Diff) -> dict[str, Any]:
    from alternance_tui.flow.answers import to_json

    return {
        "old": result.old,
        "new": result.new,
        "changed": result.changed,
        "profiles": result.profiles,
        "profiles_changed": result.profiles_changed(),
        "changes": [
            {
                "section": c.section,
                "item": c.item,
                "title": c.title,
                "kind": c.kind,
                "answers": {q: to_json(v) for q, v in c.answers},
                "reads": list(c.reads) or [q for q, _ in c.answers],
                "old": _side(c.old_status, c.old_pay, c.old_reasons, c.old_notes),
                "new": _side(c.new_status, c.new_pay, c.new_reasons, c.new_notes),
            }
            for c in result.changes
        ],
    }


def diff_json_text(result: Diff) -> str:
    return json.dumps(diff_json(result), ensure_ascii=False, indent=2) + "\n"
