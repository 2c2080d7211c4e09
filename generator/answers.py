"""What counts as a valid answer for a template field (shared by the model and ``fill``)."""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from generator.dates import parse_iso_date

#: Numbers at or beyond this are refused: below it, every integer is exact in a float and
#: Python and the browser print the same digits.
MAX_NUMBER = 1e15


class Problem(NamedTuple):
    """Why an answer cannot be used, and where: ``loc`` is a key path; ``at_key`` places the
    message on the key itself (an unknown field or column) rather than on its value."""

    loc: tuple[str | int, ...]
    message: str
    at_key: bool = False


def is_per_language(value: Any) -> bool:
    """True for ``{ja: …, en: …}``: an example written once per language (no answer is a
    mapping; a table is a list of rows)."""
    return isinstance(value, dict)


def answer_problem(field: Any, value: Any) -> str | None:
    """Why ``value`` cannot fill ``field`` (a non-empty answer), or None when it can."""
    located = located_problem(field, value)
    return located.message if located else None


def located_problem(field: Any, value: Any) -> Problem | None:
    """Like :func:`answer_problem`, located inside the value: ``(row, column)`` of a table."""
    if field.type == "table":
        return _table_problem(field, value)
    message = _value_problem(field, value)
    return Problem((), message) if message else None


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


def _table_problem(field: Any, value: Any) -> Problem | None:
    columns = [c.id for c in field.columns]
    if not isinstance(value, list) or not value:
        return Problem((), "expected a list of rows (mappings of column id to text), at least one")
    for index, row in enumerate(value):
        if not isinstance(row, dict):
            return Problem((index,), "expected a row: a mapping of column id to text")
        for column, cell in row.items():
            if column not in columns:
                message = f"unknown column; columns: {', '.join(columns)}"
                return Problem((index, column), message, at_key=True)
            if isinstance(cell, list | dict | bool):
                return Problem((index, column), "expected text, a number or a date")
    return None


def _is_date(value: Any) -> bool:
    if isinstance(value, dt.datetime):
        return False
    if isinstance(value, dt.date):
        return True
    try:
        parse_iso_date(value)
    except (TypeError, ValueError):
        return False
    return True
