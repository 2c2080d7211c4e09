"""Dates written as YYYY-MM-DD, and only that form (the page's date fields give exactly it)."""

from __future__ import annotations

import datetime as dt
import re

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_iso_date(text: str) -> dt.date:
    """The date ``text`` names; ValueError unless it is a real date written YYYY-MM-DD."""
    if not _ISO_DATE.fullmatch(text):
        raise ValueError(f"not a date written YYYY-MM-DD: {text!r}")
    return dt.date.fromisoformat(text)
