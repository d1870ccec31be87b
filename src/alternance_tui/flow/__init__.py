"""The generic flow engine: models, conditions, loading, walking and checking.

Nothing in this package knows about work-linked training, and nothing here
imports textual: the UI, the command line and the exporters sit on top.
"""
