"""``alternance --plain``: the interview as plain lines, for a screen reader, a
braille display, a dumb terminal or a pipe. It imports no textual (an import
contract in pyproject.toml says so): it sits on the same interview, engine,
session saver and wording as the TUI, beside it."""
