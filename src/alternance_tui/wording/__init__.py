"""The app's own words in French and English, and how numbers, amounts and dates
are written in each language.

One lookup (``lookup.Catalogue``), one fallback (English), French typography
(``typography``) and formats (``formats``) written once; the texts themselves
sit in ``catalogue/``, one module per part of the app that uses them. The
domain's words (questions, contracts, courses) are not here: they live in the
flow files.

Nothing is imported here on purpose: the welcome screen is drawn from the TUI
catalogue before pydantic or the engines load, so each module is imported on
its own and none imports anything heavy.
"""
