"""Numbers and periods become text here, and only here."""

from __future__ import annotations

import calendar
import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

COUNTS = {"employment", "respondents"}  # whole numbers of people, not dollars
ROUNDED = "rounded to the dollar"  # said wherever a figure with cents is shown without them


def dollars(value: float) -> str:
    """120230 -> "$120,230"; 96945.5 -> "$96,945.50": the value as published, cents kept."""
    if float(value).is_integer():
        return f"${int(value):,}"
    return f"${value:,.2f}"


def whole_dollars(value: float) -> str:
    """What pages show: 96945.5 -> "$96,946", halves rounded up; pair it with `rounded_note`."""
    return f"${int(Decimal(str(value)).quantize(Decimal(1), ROUND_HALF_UP)):,}"


def is_rounded(value: float) -> bool:
    """Whether `whole_dollars` drops cents from this value."""
    return not float(value).is_integer()


def rounded_note(values: list[float]) -> str:
    """"Figures rounded to the dollar." when any value has cents, else ""."""
    return f"Figures {ROUNDED}." if any(is_rounded(v) for v in values) else ""


def count(value: float) -> str:
    return f"{int(value):,}"


def figure_text(key: str, value: float) -> str:
    """One figure inside a sentence: a count, or whole dollars that say so when cents were dropped."""
    if key in COUNTS:
        return count(value)
    return f"{whole_dollars(value)} ({ROUNDED})" if is_rounded(value) else whole_dollars(value)


def respondents_text(respondents: float) -> str:
    return f"n = {count(respondents)}"


def period_text(period: str) -> str:
    """A survey's fieldwork dates read as a period: "2025-05-29/2025-06-23" -> "May–June 2025"."""
    first_text, slash, last_text = period.partition("/")
    try:
        first, last = date.fromisoformat(first_text), date.fromisoformat(last_text)
    except ValueError:
        return period
    if not slash:
        return period
    if first.year != last.year:
        return f"{first:%B %Y}–{last:%B %Y}"
    if first.month == last.month:
        return f"{first:%B %Y}"
    return f"{first:%B}–{last:%B %Y}"


_MONTHS = [name.lower() for name in calendar.month_name]  # "", "january", ...


def period_key(period: str) -> tuple:
    """Sorts "May 2023" before "May 2025" and a release's month within its year."""
    year = re.search(r"(\d{4})", period)
    month = next((i for i, name in enumerate(_MONTHS) if name and period.lower().startswith(name)), 0)
    return (int(year[1]) if year else 0, month, period)


def periods_text(periods: list[str]) -> str:
    """Distinct periods, oldest first: "May 2023 and May 2025"; "A, B and C"."""
    shown = [period_text(p) for p in sorted(set(periods), key=period_key)]
    return " and ".join([", ".join(shown[:-1]), shown[-1]]) if len(shown) > 1 else "".join(shown)
