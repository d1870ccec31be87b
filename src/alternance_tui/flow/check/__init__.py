"""The flow checker: every path of a flow ends in an outcome, no rule is dead.

run.py holds ``check_flow``, the entry point (reachability, cycles, dead rules,
then the path exploration of explore.py). cells.py and crossings.py cut the
range of each answer into the few values that can change where a flow goes;
gcpause.py pauses the garbage collector while a flow is read and checked.

Kept free of imports: the loader uses ``gcpause`` without loading the checker.
"""
