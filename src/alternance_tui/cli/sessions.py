"""`alternance sessions list|show|export|delete`: the advisor's named sessions
from the command line (the sessions screen of ``--advisor`` does the same).

Kept apart from cli.py, which only registers the subcommand and dispatches here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from alternance_tui.sessions.store import Session, SessionStore

EXIT_OK, EXIT_BAD_INPUT = 0, 2
FORMATS = ("json", "markdown", "html")


def add_parser(subs: argparse._SubParsersAction[Any], lang: str) -> None:
    sessions = subs.add_parser(
        "sessions",
        help="the advisor's named sessions: list, show, export, delete",
        description="Sessions are saved by `alternance --advisor` under the user data folder "
        "(or ALTERNANCE_DATA_DIR).",
    )
    actions = sessions.add_subparsers(dest="action", required=True)
    actions.add_parser("list", help="every named session: name, date, progress")
    show = actions.add_parser("show", help="a session's answers, notes and scenarios")
    show.add_argument("name", metavar="NAME")
    export = actions.add_parser("export", help="the session's handout (as from the results)")
    export.add_argument("name", metavar="NAME")
    export.add_argument("--format", choices=FORMATS, default="html")
    export.add_argument("--lang", choices=("fr", "en"), help="default: the session's language")
    export.add_argument("--as-of", metavar="YYYY-MM-DD", help="default: today")
    export.add_argument("-o", "--output", type=Path, metavar="FILE", help="default: stdout")
    export.add_argument("--notes", action="store_true", help="put the notes on the handout")
    delete = actions.add_parser("delete", help="erase a session for good")
    delete.add_argument("name", metavar="NAME")


def _fail(line: str) -> int:
    print(f"alternance: {line}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _store() -> SessionStore:
    from alternance_tui.sessions.store import SessionStore

    return SessionStore()


def _load(store: SessionStore, name: str) -> Session | None:
    loaded = store.load(name, lang="en")
    if loaded.warning:
        print(f"alternance: {loaded.warning}", file=sys.stderr)
    return loaded.session


def progress_text(session: Session) -> str:
    """ "5 answers, complete" / "3 answers": how far the interview went."""
    from alternance_tui.sessions.advising import progress

    answered, complete = progress(session)
    scenarios = f", {1 + len(session.scenarios)} scenarios" if session.scenarios else ""
    return f"{answered} answers{', complete' if complete else ''}{scenarios}"


def cmd_sessions(args: argparse.Namespace) -> int:
    store = _store()
    if args.action == "list":
        for name in store.named():
            session = _load(store, name)
            if session is None:
                continue
            when = session.saved_at.replace("T", " ")[:16]
            print(f"{name}\t{when}\t{progress_text(session)}")
        return EXIT_OK
    if not store.exists(args.name):
        return _fail(f"no session named {args.name!r} (see: alternance sessions list)")
    if args.action == "delete":
        if store.in_use(args.name):
            return _fail(f"{args.name} is open in an advisor's window: close it there first")
        store.delete(args.name)
        print(f"deleted {args.name}", file=sys.stderr)
        return EXIT_OK
    session = _load(store, args.name)
    if session is None:
        return _fail(f"{args.name}: the session could not be read")
    if args.action == "show":
        sys.stdout.write(show_text(args.name, session))
        return EXIT_OK
    return _export(args, session)


def show_text(name: str, session: Session) -> str:
    lines = [
        f"name: {session.name or name}",
        f"saved: {session.saved_at}",
        f"language: {session.lang}",
        f"rules version: {session.rules_version or '-'}",
        f"progress: {progress_text(session)}",
        "answers (scenario A):",
        *(f"  {k} = {v}" for k, v in session.answers.items()),
    ]
    for letter, answers in sorted(session.scenarios.items()):
        lines.append(f"scenario {letter}:")
        lines.extend(f"  {k} = {v}" for k, v in answers.items())
    if session.notes:
        lines += ["notes:", *(f"  {line}" for line in session.notes.splitlines())]
    return "\n".join(lines) + "\n"


def _export(args: argparse.Namespace, session: Session) -> int:
    from alternance_tui.sessions.advising import ExportProblem, handout_text

    try:
        as_of = dt.date.fromisoformat(args.as_of) if args.as_of else dt.date.today()
    except ValueError:
        return _fail(f"--as-of: {args.as_of!r} is not a date: write it as YYYY-MM-DD")
    lang = args.lang or session.lang
    try:
        text = handout_text(
            session, args.format, lang, as_of, notes=args.notes or session.notes_on_handout
        )
    except ExportProblem as exc:
        return _fail(f"{args.name}: {exc}")
    # As `recommend -o` writes: as `> FILE` would (output_file.py), or exit 2 saying why.
    from alternance_tui.cli.main import write_stdout, write_user_file

    if args.output is None:
        write_stdout(text, lang)
    else:
        write_user_file(args.output, text, lang)
    return EXIT_OK
