"""`alternance sessions list|show|export|delete|restore|repair`: the advisor's named sessions
from the command line (the sessions screen of ``--advisor`` does the same).

Kept apart from cli/main.py, which only dispatches here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alternance_tui.cli.output import EXIT_OK, refused, tell, write_stdout, write_user_file
from alternance_tui.cli.parsers import locale_language
from alternance_tui.files.printable import printable
from alternance_tui.sessions.bin import KEEP_DAYS, SessionBin
from alternance_tui.wording.catalogue.cli import CLI

if TYPE_CHECKING:
    from alternance_tui.sessions.store import Session, SessionStore

FORMATS = ("json", "markdown", "html")
_NAME_HELP = "the session's name, as `sessions list` shows it (Zoé or Zoe)"


def add_parser(subs: argparse._SubParsersAction[Any], lang: str) -> None:
    sessions = subs.add_parser(
        "sessions",
        help="the advisor's named sessions: list, show, export, delete, restore",
        description="Sessions are saved by `alternance --advisor` under the user data folder "
        "(or ALTERNANCE_DATA_DIR).",
    )
    actions = sessions.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="every named session: name, date, progress")
    actions.add_parser(
        "repair",
        help="set aside every session file that cannot be read, even one changed a moment ago",
    )
    show = actions.add_parser("show", help="a session's answers, notes and scenarios")
    show.add_argument("name", metavar="NAME", help=_NAME_HELP)
    for sub in (listing, show):
        sub.add_argument(
            "--format",
            choices=("text", "json"),
            default="text",
            help="text, or json for a script (default: text)",
        )
        sub.add_argument(
            "--lang", choices=("fr", "en"), default=lang, help=f"language (default: {lang})"
        )
    export = actions.add_parser("export", help="the session's handout (as from the results)")
    export.add_argument("name", metavar="NAME", help=_NAME_HELP)
    export.add_argument(
        "--format",
        choices=FORMATS,
        default="html",
        help="html (a printable A4 page), markdown or json (default: html)",
    )
    export.add_argument("--lang", choices=("fr", "en"), help="default: the session's language")
    export.add_argument("--as-of", metavar="YYYY-MM-DD", help="default: today")
    export.add_argument("-o", "--output", type=Path, metavar="FILE", help="default: stdout")
    export.add_argument("--notes", action="store_true", help="put the notes on the handout")
    export.add_argument(
        "--scenario", choices=("A", "B", "C"), default="A", help="which scenario (default: A)"
    )
    delete = actions.add_parser(
        "delete", help=f"move a session to the bin, where it stays {KEEP_DAYS} days"
    )
    delete.add_argument("name", metavar="NAME", help=_NAME_HELP)
    restore = actions.add_parser("restore", help="bring back the session deleted last under NAME")
    restore.add_argument("name", metavar="NAME", help=_NAME_HELP)


def _store() -> SessionStore:
    from alternance_tui.sessions.store import SessionStore

    return SessionStore()


def _load(store: SessionStore, name: str, lang: str) -> Session | None:
    loaded = store.load(name, lang=lang)
    if loaded.warning:
        tell(loaded.warning)
    return loaded.session


def cmd_sessions(args: argparse.Namespace) -> int:
    from alternance_tui.sessions.store import NameRefused, refusal

    store = _store()
    # delete and repair take no --lang; export's is the handout's (default: the session's).
    lang = getattr(args, "lang", None) or locale_language()
    if args.action == "list":
        sys.stdout.write(list_text(store, args.lang, args.format))
        return EXIT_OK
    if args.action == "repair":
        return _repair(store, lang)
    name = args.name
    try:
        path = store.named_path(name)
    except NameRefused as exc:
        return refused([refusal(exc.name, exc.problem, lang)])
    if args.action == "restore":
        return _restore(store, name, path, lang)
    if not path.exists() and not path.is_symlink():
        return refused([CLI(lang, "no_session", name=repr(name))])
    if args.action == "delete":
        if store.in_use(name):
            return refused([CLI(lang, "session_in_use", name=name)])
        try:
            SessionBin(store.directory).put(path)
        except OSError as exc:
            return refused([f"{name}: {exc.strerror or exc}"])
        said = CLI(lang, "session_deleted", name=name, days=KEEP_DAYS)
        print(printable(said), file=sys.stderr)
        return EXIT_OK
    session = _load(store, name, lang)
    if session is None:
        return refused([CLI(lang, "session_unreadable", name=name)])
    if args.action == "show":
        if args.format == "json":
            sys.stdout.write(show_json(args.name, session, args.lang))
        else:
            sys.stdout.write(show_text(args.name, session, args.lang))
        return EXIT_OK
    return _export(args, session)


def _restore(store: SessionStore, name: str, path: Path, lang: str) -> int:
    binned = SessionBin(store.directory).latest(path.stem)
    if binned is None:
        return refused([CLI(lang, "nothing_binned", name=repr(name), days=KEEP_DAYS)])
    try:
        SessionBin(store.directory).restore(binned)
    except FileExistsError:
        return refused([CLI(lang, "restore_taken", name=name)])
    except OSError as exc:
        return refused([f"{name}: {exc.strerror or exc}"])
    print(printable(CLI(lang, "session_restored", name=name)), file=sys.stderr)
    return EXIT_OK


def _repair(store: SessionStore, lang: str) -> int:
    """Every session file read now; those that cannot be are set aside, each said."""
    repaired = 0
    for name in store.names():
        loaded = store.load(name, lang=lang, repair=True)
        if loaded.warning:
            tell(loaded.warning)
            repaired += 1
    print(CLI(lang, "sessions_repaired", count=repaired), file=sys.stderr)
    return EXIT_OK


def list_text(store: SessionStore, lang: str, fmt: str) -> str:
    """The advisor's sessions, newest first, with the same words as the sessions
    screen: the name as typed, when saved, progress, notes, language. With none,
    the list is empty ("" or []) and "no session yet" goes to standard error: said
    to the person, never read by a script as a session."""
    import json

    from alternance_tui.files.printable import printable_document
    from alternance_tui.sessions.listing import rows, shown_names
    from alternance_tui.wording.catalogue.advisor import ADVISOR as a

    warnings: list[str] = []
    found = rows(store, lang, warnings=warnings)
    for warning in warnings:
        tell(warning)  # on standard error, escaped: a damaged file set aside, or left
    if not found:
        tell(a(lang, "sessions_empty_cli"))
    if fmt == "json":
        text = json.dumps([r.to_json() for r in found], ensure_ascii=False, indent=2) + "\n"
        return printable_document(text, json=True)  # JSON's own escapes: reads back the same
    if not found:
        return ""
    table = [
        [a(lang, k) for k in ("col_name", "col_saved", "col_progress", "col_notes", "col_lang")]
    ]
    for r, name in zip(found, shown_names(found), strict=True):
        notes = a(lang, "has_notes" if r.notes else "no_notes")
        shown = (name, r.saved(lang), r.progress(lang), notes, _language(r.lang, lang))
        # Read from files: a tab or an escape sequence in them is shown escaped.
        table.append([printable(cell) for cell in shown])
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]))]
    lines = ["  ".join(c.ljust(n) for c, n in zip(line, widths, strict=True)) for line in table]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _language(code: str, lang: str) -> str:
    from alternance_tui.wording.catalogue.advisor import ADVISOR as a

    return a(lang, f"lang_{code}") if code in ("fr", "en") else code


def show_text(name: str, session: Session, lang: str = "en") -> str:
    """What `sessions show` prints: the answers by their labels, in ``lang``; every
    text read from the file escaped (files/printable.py), so none can drive the terminal."""
    from alternance_tui.files.printable import printable as p
    from alternance_tui.sessions.advising import scenario_answers
    from alternance_tui.sessions.listing import answer_words, row
    from alternance_tui.wording.catalogue.advisor import ADVISOR as a
    from alternance_tui.wording.typography import colon

    sep = colon(lang)
    r = row(name, session)
    lines = [
        f"{a(lang, 'show_name')}{sep}{p(r.name)}",
        f"{a(lang, 'show_saved')}{sep}{r.saved(lang)}",
        f"{a(lang, 'show_lang')}{sep}{p(_language(session.lang, lang))}",
        f"{a(lang, 'show_rules')}{sep}{p(session.rules_version or '—')}",
        f"{a(lang, 'show_progress')}{sep}{r.progress(lang)}",
    ]
    for letter, answers in scenario_answers(session).items():
        lines.append(a(lang, "show_answers", letter=letter) + sep.rstrip())
        lines += [f"  {p(label)}{sep}{p(value)}" for _, label, value in answer_words(answers, lang)]
    if session.notes:
        lines.append(a(lang, "show_notes") + sep.rstrip())
        lines += [f"  {p(line)}" for line in session.notes.split("\n")]
    return "\n".join(lines) + "\n"


def show_json(name: str, session: Session, lang: str) -> str:
    """The session for a script: the list's fields, each scenario's answers as
    saved (ids) and in words, the notes."""
    import json

    from alternance_tui.files.printable import printable_document
    from alternance_tui.sessions.advising import scenario_answers
    from alternance_tui.sessions.listing import answer_words, row

    data = {
        **row(name, session).to_json(),
        "rules_version": session.rules_version,
        "notes_text": session.notes,
        "scenarios": {
            letter: {
                "answers": answers,
                "shown": [
                    {"question": q, "label": label, "value": value}
                    for q, label, value in answer_words(answers, lang)
                ],
            }
            for letter, answers in scenario_answers(session).items()
        },
    }
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return printable_document(text, json=True)  # JSON's own escapes: reads back the same


def _export(args: argparse.Namespace, session: Session) -> int:
    from alternance_tui.cli.parsers import parse_date
    from alternance_tui.sessions.advising import ExportProblem, handout_text

    try:
        as_of = parse_date(args.as_of) if args.as_of else dt.date.today()
    except argparse.ArgumentTypeError as exc:
        return refused([f"--as-of: {exc}"])
    lang = args.lang or session.lang
    try:
        text = handout_text(
            session,
            args.format,
            lang,
            as_of,
            notes=args.notes or session.notes_on_handout,
            scenario=args.scenario,
        )
    except ExportProblem as exc:
        return refused([f"{args.name}: {exc}"])
    # As `recommend -o` writes: as `> FILE` would (output_file.py), or exit 2 saying why.
    if args.output is None:
        write_stdout(text, lang)
    else:
        write_user_file(args.output, text, lang)
    return EXIT_OK
