"""No line break at a no-break space.

French text puts a no-break space between a number and its unit or currency
(``802,82 €``, ``43 %``) and before ``:`` ``;`` ``?`` (wording/typography.py),
so that a line never ends on a figure whose unit starts the next one. Rich,
which lays out every text Textual wraps, treats any Unicode space as a place to
break (its word pattern is ``\\s*\\S+\\s*``), so at 80 columns the results read
"(≈ 802,82" then "€ net)". The pattern is replaced, once, by one that keeps
no-break spaces (U+00A0, U+202F and the figure space U+2007) inside a word, as
the Unicode line breaking rules say. A test (tests/tui/test_linebreaks.py) fails
if Rich stops wrapping that way.
"""

from __future__ import annotations

import re

import rich._wrap

_KEEP = "\u00a0\u202f\u2007"
WORD = re.compile(rf"[^\S{_KEEP}]*[\S{_KEEP}]+[^\S{_KEEP}]*")


def keep_no_break_spaces() -> None:
    rich._wrap.re_word = WORD
