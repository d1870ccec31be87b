"""The shell blocks of README.md and docs/**/*.md, and the marks writers put on them.

The convention (written for writers in docs/architecture.md, "Writing docs"): every
```sh block runs, in order, in a temporary copy of the project with a home
folder of its own, and must end with status 0. An HTML comment on the line
before the fence (Markdown viewers hide it) changes that:

    <!-- not run: REASON -->   not run (it starts the interview or a server,
                               installs system packages...); its `alternance`
                               commands are still checked against the parsers
    <!-- exits N: WHY -->      runs; its last command must end with status N
    <!-- same as PATH -->      not run: the commands of the file PATH (from the
                               project's root), comments and blank lines aside
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

WRITING_DOCS = 'docs/architecture.md, "Writing docs"'
SHELL = frozenset({"sh", "bash", "shell", "zsh"})
# Blocks that mix prompts and output: not runnable as written; asked as ```sh instead.
SESSION = frozenset({"console", "shell-session", "terminal", "sh-session"})
# An unlabelled (or text) fence that looks like commands is a shell block in disguise.
LOOKS_TYPED = re.compile(
    r"^\s*(\$ |alternance(\s|$)|\.venv/|python3? |pip3? |pipx |sudo |apt(-get)? |git |cd |cp )"
)
FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`]*)$")
MARK = re.compile(r"^\s*<!--(?P<body>.*?)-->\s*$", re.DOTALL)
NOT_RUN = re.compile(r"not run\s*:\s*(?P<reason>.*\S)", re.IGNORECASE | re.DOTALL)
EXITS = re.compile(r"exits\s+(?P<status>[0-9]{1,3})\s*(:\s*(?P<why>.*\S))?", re.IGNORECASE)
SAME_AS = re.compile(r"same as\s+(?P<path>\S+)", re.IGNORECASE)
MIN_REASON = 10  # "not run: x" says nothing a reader or a reviewer can check

MARKS_HELP = (
    "put one of these on the line before the fence:\n"
    "      <!-- not run: it starts the interview (or: a server; installs system packages) -->\n"
    "      <!-- exits 1: something changed -->   (the last command ends with that status)\n"
    "      <!-- same as docs/kiosk/alternance-kiosk-loop.sh -->   (a file's commands, shown)\n"
    f"    (see {WRITING_DOCS})"
)


@dataclass(frozen=True)
class Mark:
    kind: str  # "not run", "exits", "same as"
    detail: str  # the reason, the status, or the path


@dataclass(frozen=True)
class Block:
    page: str  # the page, from the project's root (README.md, docs/kiosk.md)
    line: int  # the opening fence's line, from 1
    lang: str
    text: str  # the block's lines, the fence's indentation removed
    mark: Mark | None = None

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}"

    @property
    def runs(self) -> bool:
        return self.lang in SHELL and (self.mark is None or self.mark.kind == "exits")

    def first_line(self) -> str:
        return next((line for line in self.text.splitlines() if line.strip()), "")


@dataclass
class Page:
    path: str
    blocks: list[Block] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def parse_mark(body: str) -> Mark | str:
    """The mark a comment holds, or what is wrong with it."""
    text = " ".join(body.split())
    if match := NOT_RUN.fullmatch(text):
        reason = match["reason"]
        if len(reason) < MIN_REASON:
            return f"the reason {reason!r} is too short: say why it is not run"
        return Mark("not run", reason)
    if match := EXITS.fullmatch(text):
        return Mark("exits", match["status"])
    if match := SAME_AS.fullmatch(text):
        return Mark("same as", match["path"])
    return f"<!--{body}--> is not a mark this test knows"


def _comment_before(lines: list[str], index: int) -> tuple[str, int] | None:
    """The HTML comment that ends on the last non-blank line before ``lines[index]``,
    with its first line's number, if there is one."""
    end = index - 1
    while end >= 0 and not lines[end].strip():
        end -= 1
    if end < 0 or not lines[end].rstrip().endswith("-->"):
        return None
    start = end
    while start >= 0 and "<!--" not in lines[start]:
        start -= 1
    if start < 0:
        return None
    return "\n".join(lines[start : end + 1]), start + 1


def parse_page(path: str, text: str) -> Page:
    page = Page(path)
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        match = FENCE.match(lines[index])
        if not match:
            index += 1
            continue
        indent, fence = len(match["indent"]), match["fence"]
        lang = (match["info"].split() or [""])[0].lower()
        start = index
        body: list[str] = []
        index += 1
        while index < len(lines):
            stripped = lines[index].strip()
            if stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0]):
                break
            body.append(lines[index][indent:] if lines[index][:indent].isspace() else lines[index])
            index += 1
        index += 1
        block = Block(path, start + 1, lang, "\n".join(body) + "\n")
        where = block.where
        comment = _comment_before(lines, start)
        if comment is not None and (found := MARK.match(comment[0])):
            mark = parse_mark(found["body"])
            if isinstance(mark, str):
                page.problems.append(f"{path}:{comment[1]}: {mark}\n    {MARKS_HELP}")
                continue
            if lang not in SHELL:
                page.problems.append(
                    f"{where}: a mark on a ```{lang or ' (unlabelled)'} block: marks are for "
                    "```sh blocks only; remove it"
                )
                continue
            block = Block(path, start + 1, lang, block.text, mark)
        if lang in SESSION:
            page.problems.append(
                f"{where}: a ```{lang} block (prompts and output mixed) cannot be run as "
                "written: write the commands alone in a ```sh block, and the output in "
                "prose or a ```text block"
            )
        elif lang in ("", "text") and any(LOOKS_TYPED.match(x) for x in body):
            typed = next(x for x in body if LOOKS_TYPED.match(x)).strip()
            page.problems.append(
                f"{where}: this ```{lang} block looks like commands ({typed!r}): label it "
                "```sh so that it is run, or " + MARKS_HELP.split("\n", 1)[0]
            )
        page.blocks.append(block)
    return page


def commands(script: str) -> list[tuple[int, str]]:
    """Each command line of a script (continuation lines joined, comments and blank
    lines left out, here-documents skipped) with its line in the script, from 1."""
    found: list[tuple[int, str]] = []
    lines = script.splitlines()
    index = 0
    while index < len(lines):
        first = index
        line = lines[index]
        while line.rstrip().endswith("\\") and index + 1 < len(lines):
            index += 1
            line = line.rstrip()[:-1].rstrip() + " " + lines[index].strip()
        index += 1
        if heredoc := re.search(r"<<-?\s*['\"]?(\w+)['\"]?", line):
            while index < len(lines) and lines[index].strip() != heredoc[1]:
                index += 1
            index += 1
        code = _uncommented(line).strip()
        if code:
            found.append((first + 1, code))
    return found


def _uncommented(line: str) -> str:
    """``line`` without its trailing ``# comment`` (a ``#`` inside quotes stays)."""
    quote = ""
    for position, char in enumerate(line):
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char == "#" and (position == 0 or line[position - 1].isspace()):
            return line[:position]
    return line


def alternance_calls(command: str) -> list[list[str]]:
    """The arguments of each `alternance` run by a command line (`alternance …`,
    `.venv/bin/alternance …`, `runuser -u kiosk -- alternance …`), split as the
    shell would; none when the line cannot be split (a quote left open)."""
    try:
        lexer = shlex.shlex(command, posix=True, punctuation_chars="|&;()<>")
        lexer.whitespace_split = True
        tokens = list(lexer)
    except ValueError:
        return []
    calls: list[list[str]] = []
    segment: list[str] = []
    for token in [*tokens, ";"]:
        if token and set(token) <= set("|&;()<>"):
            if set(token) <= set("<>") and segment and segment[-1].isdigit():
                segment.pop()  # the 2 of 2>/dev/null
            if (call := _called(segment)) is not None:
                calls.append(call)
            segment = []
            continue
        segment.append(token)
    return calls


def _called(words: list[str]) -> list[str] | None:
    while words and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", words[0]):
        words = words[1:]  # VAR=value before the command
    while words and words[0] in ("exec", "sudo", "nice", "env", "time"):
        words = words[1:]
    if words and words[0] == "runuser":
        words = words[words.index("--") + 1 :] if "--" in words else []
    if words and Path(words[0]).name == "alternance":
        # A redirection's target (`> flow.schema.json`) was split off as a segment.
        return words[1:]
    return None
