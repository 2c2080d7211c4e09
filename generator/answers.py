"""What counts as a valid answer for a template field (shared by the model and ``fill``)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: Numbers at or beyond this are refused: below it, every integer is exact in a float and
#: Python and the browser print the same digits.
MAX_NUMBER = 1e15


def is_per_language(value: Any) -> bool:
    """True for ``{ja: …, en: …}``: an example written once per language."""
    return isinstance(value, dict) and set(value) == {"ja", "en"}


def answer_problem(field: Any, value: Any) -> str | None:
    """Why ``value`` cannot fill ``field`` (a non-empty answer), or None when it can."""
    located = located_problem(field, value)
    return located[1] if located else None


def located_problem(field: Any, value: Any) -> tuple[tuple[int | str, ...], str] | None:
    """Like :func:`answer_problem`, with where inside the value: ``(row, column)`` of a table."""
    if field.type == "table":
        return _table_problem(field, value)
    message = _value_problem(field, value)
    return ((), message) if message else None


def _value_problem(field: Any, value: Any) -> str | None:
    kind = field.type
    if kind in ("short", "long"):
        return None if isinstance(value, str) and value.strip() else "expected text"
    if kind in ("number", "percent", "money"):
        if not isinstance(value, int | float) or isinstance(value, bool):
            return f"expected a number for a {kind} field"
        if not abs(value) < MAX_NUMBER:
            return "expected a number between -10^15 and 10^15"
        return None
    if kind == "date":
        return None if _is_date(value) else "expected a real date as YYYY-MM-DD"
    if kind == "choice":
        ids = [o.id for o in field.options]
        return None if value in ids else f"expected one of: {', '.join(ids)}"
    if kind == "list":
        ok = isinstance(value, list) and all(
            isinstance(v, str | int | float) and not isinstance(v, bool) for v in value
        )
        return None if ok and value else "expected a list of text items, at least one"
    raise ValueError(f"unknown field type {kind!r}")


def _table_problem(field: Any, value: Any) -> tuple[tuple[int | str, ...], str] | None:
    columns = [c.id for c in field.columns]
    if not isinstance(value, list) or not value:
        return (), "expected a list of rows (mappings of column id to text), at least one"
    for index, row in enumerate(value):
        if not isinstance(row, dict):
            return (index,), "expected a row: a mapping of column id to text"
        for column, cell in row.items():
            if column not in columns:
                return (index, column), f"unknown column; columns: {', '.join(columns)}"
            if isinstance(cell, list | dict | bool):
                return (index, column), "expected text, a number or a date"
    return None


def _is_date(value: Any) -> bool:
    if isinstance(value, dt.datetime):
        return False
    if isinstance(value, dt.date):
        return True
    if not isinstance(value, str) or not _DATE.match(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True
