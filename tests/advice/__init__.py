"""Tests of the advice engine against the law (docs/rules/) and the IMPGT page."""
