"""Public holidays of the site's calendar, from the maintained ``holidays`` library.

The page and the CLI use the same years (``WINDOW``): outside them both refuse, so a
schedule never moves differently in the browser than on the command line.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import holidays

#: The years whose holidays the page carries; steps outside them are refused when a
#: calendar is set and business days are asked for.
WINDOW = (2000, 2050)


def known_calendar(code: str) -> bool:
    """Whether ``code`` is a country code the ``holidays`` library has a calendar for."""
    return code in holidays.list_supported_countries()


@cache
def holiday_dates(code: str | None) -> frozenset[dt.date]:
    """The public holidays of country ``code`` in the ``WINDOW`` years (none without a code)."""
    if not code:
        return frozenset()
    years = range(WINDOW[0], WINDOW[1] + 1)
    return frozenset(holidays.country_holidays(code, years=years))


def in_window(day: dt.date) -> bool:
    """Whether ``day`` falls in the years whose holidays are known."""
    return WINDOW[0] <= day.year <= WINDOW[1]


def next_business_day(day: dt.date, closed: frozenset[dt.date]) -> dt.date:
    """The day itself, or the first later day that is neither a weekend nor in ``closed``."""
    while day.weekday() >= 5 or day in closed:
        day += dt.timedelta(days=1)
    return day


def compact_list(dates: frozenset[dt.date]) -> str:
    """The dates as sorted ``YYYYMMDD`` separated by spaces (the page's compact form)."""
    return " ".join(sorted(d.isoformat().replace("-", "") for d in dates))
