"""Health scores from component values, with a missing component's weight shared out.

The site's what-if calculator (assets/cs-playbook/calculators.js) does the same sums.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any


class ScoreError(ValueError):
    """Values that cannot be scored (out of range, not a number, nothing given)."""


@dataclass(frozen=True)
class Scored:
    """A score (0–100) and the band it falls in."""

    score: float
    band: Any


def score(model: Any, values: dict[str, float | None]) -> Scored:
    """Weighted score over the components that have a value (None = missing)."""
    total_weight = 0.0
    total = 0.0
    for component in model.components:
        value = values.get(component.id)
        if value is None:
            continue
        if not 0 <= value <= 100:
            raise ScoreError(f"{component.id} must be between 0 and 100, not {value:g}")
        total += component.weight * value
        total_weight += component.weight
    if total_weight == 0:
        raise ScoreError("no component has a value")
    result = total / total_weight
    band = next(b for b in model.bands if result >= b.min)
    return Scored(result, band)


def template_header(model: Any) -> str:
    """The CSV header ``account,<component ids…>``."""
    return ",".join(["account", *(c.id for c in model.components)]) + "\n"


def score_csv(model: Any, text: str, source: str) -> tuple[str, list[str]]:
    """Score every row of a CSV; return the scored CSV and ``source:row N: message`` errors."""
    from generator.kpi import fixed

    reader = csv.DictReader(io.StringIO(text))
    expected = ["account", *(c.id for c in model.components)]
    errors: list[str] = []
    lines: list[str] = []
    if reader.fieldnames != expected:
        found = ",".join(reader.fieldnames or [])
        return "", [f"{source}:row 1: header must be {','.join(expected)} (found {found})"]
    lines.append(_csv_line([*expected, "score", "band"]))
    for number, row in enumerate(reader, start=2):
        try:
            if None in row or any(v is None for v in row.values()):
                raise ScoreError(f"expected {len(expected)} columns")
            values = {c.id: _number(row[c.id], c.id) for c in model.components}
            scored = score(model, values)
        except ScoreError as exc:
            errors.append(f"{source}:row {number}: {exc}")
            continue
        cells = [*(row[k] for k in expected), fixed(scored.score, 1), scored.band.id]
        lines.append(_csv_line([spreadsheet_safe(cell) for cell in cells]))
    return "".join(lines), errors


#: What makes a spreadsheet read a cell as a formula (OWASP CSV injection), with the
#: full-width forms that spreadsheets in Japanese locales also accept.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def spreadsheet_safe(cell: str) -> str:
    """The cell with a leading ``'`` when a spreadsheet would run it as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _csv_line(cells: list[str]) -> str:
    """One CSV row ending in LF, quoting every cell with a comma, quote, LF or CR.

    The csv module quotes only the characters of its line terminator, so a lone CR in a
    cell would end the row in a spreadsheet.
    """
    quoted = [
        '"' + cell.replace('"', '""') + '"' if any(c in cell for c in ',"\r\n') else cell
        for cell in cells
    ]
    return ",".join(quoted) + "\n"


def _number(raw: str, name: str) -> float | None:
    text = raw.strip()
    if text == "":
        return None
    try:
        return float(text)
    except ValueError:
        raise ScoreError(f"{name} is not a number: {raw!r}") from None
