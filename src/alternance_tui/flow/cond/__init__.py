"""The condition language of flow files.

Conditions such as ``age <= 29 or "rqth" in situations`` decide where an
interview goes next and which contract rules apply. Every name of the language
can be imported from here; each part has a module of its own:

- parser.py: ``parse`` (source text to a tree, through a whitelist of Python's
  ``ast`` nodes: nothing a flow file holds reaches ``eval``), ``ConditionError``;
- tree.py: the tree, the values answers take, ``Condition`` and the
  three-valued ``evaluate`` (an unanswered question is *unknown*);
- closures.py: ``compile_tree`` and ``compile_condition``, the same evaluation
  as closures, for the checker's and the advice's hot loops;
- analysis.py: ``analyse`` and ``thresholds``, ``tested_members``: what the
  checker needs to know of a condition;
- typecheck.py: ``check`` against the questions in scope (``Variable``).
"""

from __future__ import annotations

from alternance_tui.flow.cond.analysis import (
    Analysis,
    analyse,
    analyse_one_constant,
    tested_members,
    thresholds,
)
from alternance_tui.flow.cond.closures import (
    Evaluator,
    Truth,
    compile_condition,
    compile_tree,
)
from alternance_tui.flow.cond.parser import (
    MAX_DEPTH,
    MAX_SOURCE_LENGTH,
    RESERVED_NAMES,
    ConditionError,
    parse,
)
from alternance_tui.flow.cond.tree import (
    Arith,
    ArithmeticOp,
    BoolOp,
    Compare,
    ComparisonOp,
    Condition,
    Const,
    Name,
    Neg,
    Node,
    Not,
    Scalar,
    Seq,
    Value,
    evaluate,
    names_in,
    walk_nodes,
)
from alternance_tui.flow.cond.typecheck import Variable, check

__all__ = [
    "MAX_DEPTH",
    "MAX_SOURCE_LENGTH",
    "RESERVED_NAMES",
    "Analysis",
    "Arith",
    "ArithmeticOp",
    "BoolOp",
    "Compare",
    "ComparisonOp",
    "Condition",
    "ConditionError",
    "Const",
    "Evaluator",
    "Name",
    "Neg",
    "Node",
    "Not",
    "Scalar",
    "Seq",
    "Truth",
    "Value",
    "Variable",
    "analyse",
    "analyse_one_constant",
    "check",
    "compile_condition",
    "compile_tree",
    "evaluate",
    "names_in",
    "parse",
    "tested_members",
    "thresholds",
    "walk_nodes",
]
