"""The flow checker: every path of a flow ends in an outcome, no rule is dead.

run.py holds ``check_flow``, the entry point (reachability, cycles, dead rules,
then the path exploration of explore.py). cells.py and crossings.py cut the
range of each answer into the few values that can change where a flow goes;
past a comparison that ties answers together, exact.py decides the rest with
the z3 solver (z3terms.py, z3paths.py), imported only then.

Kept free of imports: importing a module of the checker loads only what it needs.
"""
