"""Compute KPIs and format results the same way the site's calculators do."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from generator.formula import EvaluationError, evaluate
from generator.labels import load_labels

#: Decimal places shown per unit (the site uses the same table, see calculators.js).
DIGITS = {"percent": 1, "ratio": 2, "money": 0, "count": 1, "months": 1, "score": 1}

#: Shown values must stay below this once scaled to their digits: integers up to 2**53 are
#: exact in both Python and JavaScript, so both print the same digits (calculators.js).
LIMIT = 2.0**53


def fixed(value: float, digits: int) -> str:
    """Round half away from zero and group thousands, with the same float steps as JS."""
    scaled = math.floor(abs(value) * 10**digits + 0.5)
    whole, frac = divmod(scaled, 10**digits)
    text = f"{whole:,}"
    if digits:
        text += "." + str(frac).rjust(digits, "0")
    return ("-" if value < 0 and scaled else "") + text


def shown(value: float, unit: str) -> float:
    """The number people see: a percentage for percent, the value itself otherwise."""
    return value * 100 if unit == "percent" else value


def showable(value: float, unit: str) -> bool:
    """Finite and small enough to print exactly (the same test as calculators.js)."""
    number = shown(value, unit)
    return math.isfinite(number) and abs(number) * 10 ** DIGITS[unit] + 0.5 < LIMIT


def display(value: float, unit: str, lang: str) -> str:
    """A result for people: percent as %, months with the unit word of ``lang``."""
    return str(
        load_labels(lang).kpi_units[unit].format(value=fixed(shown(value, unit), DIGITS[unit]))
    )


@dataclass(frozen=True)
class Result:
    """A KPI's raw value (a fraction for percentages) and how it is shown."""

    id: str
    value: float
    unit: str
    display: str

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "value": self.value, "unit": self.unit, "display": self.display}


def compute(kpi: Any, values: dict[str, float], lang: str) -> Result:
    """Evaluate a KPI; missing or negative inputs and zero denominators are EvaluationErrors."""
    expected = [i.id for i in kpi.inputs]
    missing = [name for name in expected if name not in values]
    if missing:
        raise EvaluationError(f"missing input(s): {', '.join(missing)}")
    unknown = sorted(set(values) - set(expected))
    if unknown:
        raise EvaluationError(
            f"unknown input(s): {', '.join(unknown)} (inputs: {', '.join(expected)})"
        )
    not_finite = [name for name in expected if not math.isfinite(values[name])]
    if not_finite:
        raise EvaluationError(f"input(s) must be finite numbers: {', '.join(not_finite)}")
    negative = [name for name in expected if values[name] < 0]
    if negative:
        raise EvaluationError(f"input(s) must not be negative: {', '.join(negative)}")
    value = evaluate(kpi.tree(), values)
    if not showable(value, kpi.unit):
        raise EvaluationError("the result is too large to show exactly")
    return Result(kpi.id, value, kpi.unit, display(value, kpi.unit, lang))


def bound_display(bound: float, unit: str, lang: str) -> str:
    """A range bound for people: whole numbers without decimals (95%), others as results."""
    digits = 0 if bound == int(bound) else DIGITS[unit]
    return str(load_labels(lang).kpi_units[unit].format(value=fixed(bound, digits)))


def position(value: float, unit: str, low: float | None, high: float | None) -> str:
    """``below``, ``within`` or ``above`` the range, comparing the value as it is shown
    (rounded to the unit's digits, like calculators.js)."""
    number = shown(value, unit)
    scale = 10 ** DIGITS[unit]
    rounded = math.copysign(math.floor(abs(number) * scale + 0.5), number) / scale
    if low is not None and rounded < low:
        return "below"
    if high is not None and rounded > high:
        return "above"
    return "within"
