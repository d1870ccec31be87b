"""The welcome facts of the shipped flows, shipped with the package.

A kiosk writes no file (issue 12), so it cannot keep the welcome-facts cache
(facts.py) in the user's cache folder; working the facts out from the flow
before the first frame would cost the engine's import and checking (several
hundred milliseconds). Instead the facts of each shipped flow are in
``shipped_facts.json``, keyed by the SHA-256 of the flow file's content: a
flow edited after installation misses them and is loaded before the first
frame, in memory. A test keeps the file in step with ``flows/``; after
changing a flow's title, description or questions, regenerate it:

    python -m alternance_tui.tui.shipped

No textual and no flow import here: this runs before the first frame.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from alternance_tui.files.input_file import ReadRefused, read_bounded
from alternance_tui.tui.facts import WelcomeFacts, facts_from_json, facts_to_json

SHIPPED = Path(__file__).with_name("shipped_facts.json")


def flow_key(flow_path: Path) -> str | None:
    try:
        # Regular files only, bounded: a pipe would wait for ever for a writer.
        return hashlib.sha256(read_bounded(flow_path)).hexdigest()
    except ReadRefused:
        return None


def shipped_facts(flow_path: Path) -> WelcomeFacts | None:
    """The shipped facts for this exact flow file content, or None."""
    key = flow_key(flow_path)
    if key is None:
        return None
    try:
        table = json.loads(SHIPPED.read_text(encoding="utf-8"))
        return facts_from_json(table[key])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def build_table(flow_paths: list[Path]) -> dict[str, object]:
    """The table for ``flow_paths`` (each checked and walked), as it is shipped."""
    from alternance_tui.advice.load import check_bundle
    from alternance_tui.tui.facts import facts_of

    table: dict[str, object] = {}
    for path in flow_paths:
        bundle, problems, _ = check_bundle(path)
        if bundle is None:
            raise SystemExit(f"{path}: {problems}")
        key = flow_key(path)
        assert key is not None
        table[key] = facts_to_json(facts_of(bundle))
    return table


def main() -> None:
    from alternance_tui.files.paths import default_flow_path

    table = build_table([default_flow_path()])
    SHIPPED.write_text(
        json.dumps(table, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(f"{SHIPPED}: {len(table)} flow(s)")


if __name__ == "__main__":
    main()
