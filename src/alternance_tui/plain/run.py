"""``alternance --plain`` from start to exit: the flow loaded, the answers given
up front (``--resume``, ``--answers``) or the saved interview offered, the
conversation (conversation.py), and how it ends.

However it ends (``quit``, Ctrl+D, Ctrl+C, SIGTERM, the terminal hung up), the
session is saved and waited for on the disk, and the person is told how to
continue it: ``alternance --plain --resume``. A kiosk or an ephemeral session
writes and reads no session at all.

Exit status: 0 when the person left (``quit``, the end of input), 130 on
Ctrl+C, 128 + N on signal N (SIGTERM, SIGHUP), 2 when it cannot start.
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import FrameType
from typing import TYPE_CHECKING

from alternance_tui.plain.conversation import Conversation, Ended
from alternance_tui.plain.lines import LineReader, Output
from alternance_tui.wording.catalogue.plain import PLAIN

if TYPE_CHECKING:
    from alternance_tui.advice.model import Bundle
    from alternance_tui.plain.options import PlainOptions
    from alternance_tui.sessions.autosave import Notice, SessionSaver
    from alternance_tui.sessions.store import Session

ENDING_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


class CannotStart(Exception):
    """The flow cannot be used; each line says what and how to fix it."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = list(lines)
        super().__init__("\n".join(self.lines))


def run_plain(options: PlainOptions) -> int:
    """The interview as plain lines on standard input and output; the exit status."""
    stdin, stdout = sys.stdin, sys.stdout
    # Started with `<&-` or `>&-`: Python then has no stream at all.
    try:
        fd = stdin.fileno()
        input_is_terminal = os.isatty(fd)
    except (AttributeError, ValueError, OSError):
        raise CannotStart([PLAIN(options.lang, "stdin_closed")]) from None
    if stdout is None:
        raise CannotStart([PLAIN(options.lang, "stdout_closed")])
    if hasattr(stdout, "reconfigure"):
        # A terminal that cannot show "€" or "é" gets "?" rather than a crash.
        stdout.reconfigure(errors="replace")
    out = Output(stdout, color=options.color, echo=not input_is_terminal)
    reader = LineReader(fd)
    bundle = _bundle(options)
    return _converse(bundle, options, out, reader, input_is_terminal)


def _bundle(options: PlainOptions) -> Bundle:
    from alternance_tui.advice.load import load_bundle
    from alternance_tui.files.paths import default_flow_path
    from alternance_tui.flow.problems import FlowError

    path = options.flow or default_flow_path()
    try:
        # A kiosk writes no file, not even the flow's cache.
        return load_bundle(path, write_cache=not options.kiosk)
    except FlowError as exc:
        raise CannotStart(exc.lines()) from None
    except OSError as exc:
        raise CannotStart([f"{path}: cannot read it ({exc.strerror or exc})"]) from None


def _converse(
    bundle: Bundle, options: PlainOptions, out: Output, reader: LineReader, terminal: bool
) -> int:
    from alternance_tui.advice.engine import Engine
    from alternance_tui.sessions.autosave import SessionSaver, session_of
    from alternance_tui.sessions.rulestamp import stamp
    from alternance_tui.sessions.starting import prepared_interview

    as_of = options.as_of or dt.date.today()
    engine = Engine(bundle)
    interview = None

    def snapshot() -> Session | None:
        if interview is None:
            return None
        session = session_of(interview, interview.lang)
        return stamp(session, engine, interview.answers, as_of, interview.lang)

    saver = SessionSaver(
        snapshot,
        lambda: interview.lang if interview is not None else options.lang,
        kiosk=options.kiosk or options.ephemeral,
        warn=out.error,
    )
    interview, notices = prepared_interview(
        bundle,
        saver,
        options.lang,
        resume=options.resume,
        answers=options.answers,
        answers_file=options.answers_file,
        lang_given=options.lang_given,
        as_of=options.as_of,
    )
    # Answers taken from a saved session: still there when nothing changes them.
    resumed = options.resume is not None and bool(interview.answers)
    idle = (options.idle_seconds, options.countdown_seconds) if options.kiosk else None
    talk = Conversation(
        interview,
        engine,
        saver,
        reader,
        out,
        as_of=as_of,
        kiosk=options.kiosk,
        idle=idle,
        input_is_terminal=terminal,
        lang_given=options.lang_given,
    )
    ended = Ended("quit")
    with _signals_end_it():
        try:
            talk.welcome()
            notices = saver.notices + notices
            saver.notices.clear()
            offered = _saved_to_offer(saver, options, bundle.flow.id, interview.lang, notices)
            talk.notices(notices)
            if offered is not None:
                # Taken or not, it stays where it is until the first answer replaces it.
                resumed = True
                talk.notices(talk.offer(offered))
            talk.run()
        except Ended as how:
            ended = how
        except KeyboardInterrupt:  # before the conversation's own loop took it
            ended = Ended("interrupted", 130)
    _goodbye(ended, saver, out, interview.lang, resumed=resumed)
    return ended.code


def _saved_to_offer(
    saver: SessionSaver, options: PlainOptions, flow_id: str, lang: str, notices: list[Notice]
) -> Session | None:
    """The interview saved last time, to offer (as the TUI's welcome screen does)."""
    if options.resume is not None or options.answers or saver.store is None:
        return None
    session, found = saver.read("", flow_id, lang, announce_missing=False)
    notices.extend(found)
    return session if session is not None and session.answers else None


@contextmanager
def _signals_end_it() -> Iterator[None]:
    """SIGTERM and SIGHUP end the conversation as quitting does (saved, then exit
    128 + N); Ctrl+C is KeyboardInterrupt, which the conversation takes."""

    def end(signum: int, _frame: FrameType | None) -> None:
        raise Ended("signal", 128 + signum)

    previous = {s: signal.signal(s, end) for s in ENDING_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _goodbye(ended: Ended, saver: SessionSaver, out: Output, lang: str, *, resumed: bool) -> None:
    """Save, wait for the disk, and say how to continue."""
    first = {
        "end_of_input": "end_of_input",
        "interrupted": "interrupted",
        "signal": "interrupted",
        "quit": "goodbye",
    }[ended.how]
    saver.at_exit()
    where = saver.where_saved() or (saver.name if resumed else None)
    out.blank()
    out.lines(PLAIN(lang, first))
    if saver.store is None:
        out.lines(PLAIN(lang, "nothing_kept"))
    elif where is None:
        out.lines(PLAIN(lang, "nothing_yet"))
    else:
        command = "alternance --plain --resume"
        if where != "autosave":
            command += " " + shlex.quote(where)
        out.lines(PLAIN(lang, "saved", command=command))
    saver.close()
