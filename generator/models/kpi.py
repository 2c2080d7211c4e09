"""The KPI kind: a formula over named inputs, its unit, and a worked example, all as data."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, ValidationInfo, field_validator

from generator.formula import EvaluationError, FormulaError, Node, evaluate, names, parse
from generator.models.base import FrameworkRef, Item, Model, Text

InputName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
KpiUnit = Literal["percent", "ratio", "money", "count", "months", "score"]


class KpiInput(Model):
    """One named input of a formula (never negative)."""

    id: InputName
    label: Text
    unit: Literal["money", "count", "percent", "ratio", "months"]


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

    @field_validator("formula")
    @classmethod
    def _formula_is_arithmetic(cls, value: str, info: ValidationInfo) -> str:
        inputs = {i.id for i in info.data.get("inputs", [])}
        try:
            tree = parse(value, inputs)
        except FormulaError as exc:
            raise ValueError(f"formula: {exc}") from None
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
            raise ValueError(f"example must give every input (missing {missing}, extra {extra})")
        if any(v < 0 for v in value.values()):
            raise ValueError("example inputs must not be negative")
        formula = info.data.get("formula")
        if formula is not None:
            try:
                evaluate(parse(formula, inputs), value)
            except EvaluationError as exc:
                raise ValueError(f"example: {exc}") from None
        return value

    def tree(self) -> Node:
        """The parsed formula."""
        return parse(self.formula, {i.id for i in self.inputs})
