"""Tests of the advice engine against the law (rules-reference.md) and the IMPGT page."""
