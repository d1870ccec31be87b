"""alternance-tui: which French work-linked contracts fit you, what they pay, and
which IMPGT courses are open to you."""

__version__ = "0.1.0"
