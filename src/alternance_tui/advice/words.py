"""The engine's own words (not the domain's, which live in the data files), and
how amounts and dates are written in each language."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "depends": "{question}: not known yet. Open with: {open}; not with: {closed}.",
        "depends_all": "{question}: not known yet; open whatever it turns out to be.",
        "range_between": "{question}: between {low} and {high}",
        "range_at_most": "{question}: {high} or less",
        "range_at_least": "{question}: {low} or more",
        "one_of": "{question}: {values}",
        "add": "{question}: {values}",
        "or": " or ",
        "and": " and ",
        "latest": "Latest known values, from {date}: an estimate for a later date uses them.",
        "not_known_yet": "The {label} is revised {revised}; the values for {year} are not "
        "known here yet, so amounts use those in force from {date}.",
        "before_known": "No reference values are known before {date}: choose a date from "
        "{date} on.",
        "missing": "“{question}” needs an answer: give it with -a {id}=… or in the answers file.",
        "agreement": "collective agreement minimum",
        "deduction": "{label}: {percent} of {base}the part above {above} of the {series}",
        "deduction_all": "{label}: {percent} of {base}the whole amount",
        "base_share": "{base} of ",
    },
    "fr": {
        "depends": "{question} : pas encore connu. Ouvert avec : {open} ; pas avec : {closed}.",
        "depends_all": "{question} : pas encore connu ; ouvert dans tous les cas.",
        "range_between": "{question} : entre {low} et {high}",
        "range_at_most": "{question} : {high} ou moins",
        "range_at_least": "{question} : {low} ou plus",
        "one_of": "{question} : {values}",
        "add": "{question} : {values}",
        "or": " ou ",
        "and": " et ",
        "latest": "Dernières valeurs connues, depuis le {date} : une estimation pour une date "
        "ultérieure les utilise.",
        "not_known_yet": "Le {label} est révisé {revised} ; les valeurs de {year} ne sont pas "
        "encore connues ici : les montants utilisent celles en vigueur depuis le {date}.",
        "before_known": "Aucune valeur de référence n’est connue avant le {date} : choisissez "
        "une date à partir du {date}.",
        "missing": "« {question} » demande une réponse : donnez-la avec -a {id}=… ou dans "
        "le fichier de réponses.",
        "agreement": "minimum conventionnel",
        "deduction": "{label} : {percent} de {base}la part au-delà de {above} du {series}",
        "deduction_all": "{label} : {percent} de {base}la totalité",
        "base_share": "{base} de ",
    },
}

_MONTHS_FR = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


def words(lang: str, key: str, **values: object) -> str:
    table = _WORDS.get(lang, _WORDS["en"])
    return typography(table[key].format(**values), lang)


NBSP, NNBSP = "\u00a0", "\u202f"
# (the characters a rule is about, the rule, its replacement)
_FR_SPACING = (
    # a colon takes a no-break space before it, whether a space was typed or not
    (":", re.compile(r"(?:(?<=[^\s\u00a0\u202f])|[ \t]+):(?=\s|$)"), NBSP + ":"),
    (";!?", re.compile(r"[ \t]+([;!?])"), NNBSP + r"\1"),
    ("«", re.compile(r"«[ \t]*"), "«" + NBSP),
    ("»", re.compile(r"[ \t]*»"), NBSP + "»"),
    ("%€", re.compile(r"(?<=\d)[ \t]+(?=[%€])"), NBSP),
)


def typography(text: str, lang: str) -> str:
    """French spacing for text a person reads: a no-break space before ``:``, ``»``,
    ``%`` and ``€`` and after ``«``, a narrow one before ``;``, ``!`` and ``?``."""
    if lang != "fr":
        return text
    for marks, pattern, replacement in _FR_SPACING:
        for mark in marks:
            if mark in text:
                text = pattern.sub(replacement, text)
                break
    return text


def cents(value: Decimal | float) -> float:
    """Euros rounded to the cent, halves away from zero (as payslips round)."""
    amount = value if isinstance(value, Decimal) else Decimal(str(value))
    return float(amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def money(value: float, lang: str) -> str:
    """``783,90 €`` in French, ``€783.90`` in English."""
    amount = f"{value:,.2f}"
    if lang == "fr":
        return amount.replace(",", "\u202f").replace(".", ",") + "\u00a0€"
    return f"€{amount}"


def number(value: float, lang: str, decimals: int = 2) -> str:
    text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".") if decimals else f"{value:,.0f}"
    if lang == "fr":
        return text.replace(",", "\u202f").replace(".", ",")
    return text


def percent(value: float, lang: str) -> str:
    return number(value, lang) + ("\u00a0%" if lang == "fr" else "%")


_MONTHS_EN = [dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)]


def month_name(month: int, lang: str) -> str:
    """The calendar month's name: 1 is January."""
    return (_MONTHS_FR if lang == "fr" else _MONTHS_EN)[(month - 1) % 12]


def date(value: dt.date, lang: str) -> str:
    if lang == "fr":
        day = "1er" if value.day == 1 else str(value.day)
        return f"{day} {_MONTHS_FR[value.month - 1]} {value.year}"
    return value.strftime("%-d %B %Y")
