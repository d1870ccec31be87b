"""Numbers, amounts, percentages and dates as a person of each language writes them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from alternance_tui.wording.typography import NBSP, NNBSP

if TYPE_CHECKING:
    import datetime as dt

_MONTHS_FR = (
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
)


def _french(text: str) -> str:
    # Grouping commas to U+202F first, so the decimal point can become a comma.
    return text.replace(",", NNBSP).replace(".", ",")


def number(value: float, lang: str, decimals: int = 2) -> str:
    """ "20,000" and "12.5" in English, "20 000" (narrow no-break space) and "12,5"
    in French; at most ``decimals`` decimals, none written when they are zeros.
    ``flow.answers.parse_number`` reads every one of these back to the same value."""
    if float(value).is_integer():
        text = f"{int(value):,}"
    elif decimals:
        text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".")
    else:
        text = f"{value:,.0f}"
    return _french(text) if lang == "fr" else text


def money(value: float, lang: str) -> str:
    """``783,90 €`` in French, ``€783.90`` in English."""
    amount = f"{value:,.2f}"
    if lang == "fr":
        return _french(amount) + NBSP + "€"
    return f"€{amount}"


def percent(value: float, lang: str) -> str:
    return number(value, lang) + (NBSP + "%" if lang == "fr" else "%")


_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def month_name(month: int, lang: str) -> str:
    """The calendar month's name: 1 is January."""
    return (_MONTHS_FR if lang == "fr" else _MONTHS_EN)[(month - 1) % 12]


def month_number(text: str) -> int | None:
    """The month a person named, in French or English, whole or cut short to at
    least three letters ("sept", "févr.", "fev", "December"); None if it names
    none or more than one ("ju")."""
    import unicodedata

    def folded(word: str) -> str:
        bare = unicodedata.normalize("NFKD", word.strip().rstrip(".").casefold())
        return "".join(c for c in bare if not unicodedata.combining(c))

    wanted = folded(text)
    if len(wanted) < 3:
        return None
    found = {
        index + 1
        for names in (_MONTHS_FR, _MONTHS_EN)
        for index, name in enumerate(names)
        if folded(name).startswith(wanted)
    }
    return found.pop() if len(found) == 1 else None


def date(value: dt.date, lang: str) -> str:
    """``1er janvier 2026`` in French, ``1 January 2026`` in English."""
    if lang == "fr":
        day = "1er" if value.day == 1 else str(value.day)
        return f"{day} {_MONTHS_FR[value.month - 1]} {value.year}"
    return value.strftime("%-d %B %Y")
