"""The KPI kind: a formula over named inputs, its unit, and a worked example, all as data."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, ValidationInfo, field_validator

from generator.formula import (
    FUNCTIONS,
    EvaluationError,
    FormulaError,
    Node,
    evaluate,
    names,
    parse,
)
from generator.kpi import DIGITS, showable
from generator.models.base import FrameworkRef, Item, Model, Text

InputName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
KpiUnit = Literal["percent", "ratio", "money", "count", "months", "score"]


class KpiInput(Model):
    """One named input of a formula (never negative)."""

    id: InputName
    label: Text
    unit: Literal["money", "count", "percent", "ratio", "months"]

    @field_validator("id")
    @classmethod
    def _not_a_function(cls, value: str) -> str:
        if value in FUNCTIONS:
            raise ValueError(f"{value!r} is a function name; give the input another name")
        return value


class KpiTypical(Model):
    """A typical or target range the handbook states, in the numbers people see
    (95 for 95%), with where it comes from."""

    min: float | None = None
    max: float | None = None
    note: Text

    @field_validator("max")
    @classmethod
    def _bounds_in_order(cls, value: float | None, info: ValidationInfo) -> float | None:
        low = info.data.get("min")
        if value is not None and low is not None and low > value:
            raise ValueError(f"min ({low:g}) is above max ({value:g})")
        return value

    def bounds(self) -> list[float]:
        """The bounds that are given."""
        return [b for b in (self.min, self.max) if b is not None]


class Kpi(Item):
    """A KPI page: ``site/<lang>/kpis/<id>/`` with a calculator built from ``formula``."""

    kind: Literal["kpi"]
    order: int = 100
    unit: KpiUnit
    definition: Text
    inputs: list[KpiInput] = Field(min_length=1)
    formula: str
    example: dict[str, float]
    frameworks: list[FrameworkRef] = Field(default_factory=list)
    typical: KpiTypical | None = None

    @field_validator("formula")
    @classmethod
    def _formula_is_arithmetic(cls, value: str, info: ValidationInfo) -> str:
        inputs = {i.id for i in info.data.get("inputs", [])}
        try:
            tree = parse(value, inputs)
        except FormulaError as exc:
            raise ValueError(str(exc)) from None
        unused = inputs - names(tree)
        if unused:
            raise ValueError(f"inputs not used by the formula: {', '.join(sorted(unused))}")
        return value

    @field_validator("example")
    @classmethod
    def _example_is_complete(cls, value: dict[str, float], info: ValidationInfo) -> Any:
        inputs = {i.id for i in info.data.get("inputs", [])}
        if set(value) != inputs:
            missing, extra = sorted(inputs - set(value)), sorted(set(value) - inputs)
            raise ValueError(f"give every input (missing {missing}, extra {extra})")
        if any(v < 0 for v in value.values()):
            raise ValueError("inputs must not be negative")
        formula, unit = info.data.get("formula"), info.data.get("unit")
        if formula is not None and unit is not None:
            try:
                result = evaluate(parse(formula, inputs), value)
            except EvaluationError as exc:
                raise ValueError(str(exc)) from None
            if not showable(result, unit):
                raise ValueError("the result is too large to show exactly")
        return value

    @field_validator("typical")
    @classmethod
    def _typical_fits_unit(cls, value: KpiTypical | None, info: ValidationInfo) -> Any:
        unit = info.data.get("unit")
        if value is None or unit is None:
            return value
        if not value.bounds():
            raise ValueError("give min, max or both")
        for bound in value.bounds():
            if bound < 0 and unit != "score":
                raise ValueError(f"{bound:g} is negative; a {unit} range starts at 0")
            if round(bound, DIGITS[unit]) != bound:
                raise ValueError(
                    f"{bound:g} has more decimals than a {unit} shows ({DIGITS[unit]})"
                )
        return value

    def tree(self) -> Node:
        """The parsed formula."""
        return parse(self.formula, {i.id for i in self.inputs})
