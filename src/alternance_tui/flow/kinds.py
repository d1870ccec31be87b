"""The kinds of question a flow may ask, named once.

The file format (schema.py), the runtime model (model.py) and the condition
language (cond/typecheck.py) all use ``QuestionKind``. Every place that does
something different for each kind matches on it and ends with
``assert_never``, so that a new kind makes mypy list each place it must be
handled (docs/architecture.md, "A new question kind").
"""

from __future__ import annotations

from typing import Literal

QuestionKind = Literal["choice", "multi", "number", "yes_no"]
