"""Formulas, KPIs, health scores and schedules computed from the YAML."""

from __future__ import annotations

import pytest

from generator.formula import EvaluationError, FormulaError, evaluate, parse, pretty
from generator.kpi import fixed
from generator.schedule import file_name


@pytest.mark.parametrize(
    "text",
    [
        '__import__("os")',
        "a ** 2",
        "a.real",
        "lambda: 1",
        "a if a else a",
        "x",
        "1 +",
        "max()",
        "a[0]",
        "'a'",
        "a; a",
        "2 (3)",
        "",
        "min",
        "a = 1",
        "open('f')",
    ],
)
def test_formula_whitelist_rejects(text):
    with pytest.raises(FormulaError):
        parse(text, {"a"})


def test_formula_arithmetic_and_functions():
    tree = parse("max(a, 2) × (a − 1) ÷ 4 + -a", {"a"})
    assert evaluate(tree, {"a": 5}) == 5 * 4 / 4 - 5
    assert pretty(parse("(a + 1) * a", {"a"})) == "(a + 1) × a"
    with pytest.raises(EvaluationError):
        evaluate(parse("a / (a - a)", {"a"}), {"a": 1})


@pytest.mark.parametrize(
    ("value", "digits", "shown"),
    [
        (0.125, 2, "0.13"),
        (2.5, 0, "3"),
        (-2.5, 0, "-3"),
        (1234567.891, 1, "1,234,567.9"),
        (-0.04, 1, "0.0"),
        (0, 1, "0.0"),
    ],
)
def test_fixed_rounds_half_away_from_zero(value, digits, shown):
    assert fixed(value, digits) == shown


def test_schedule_file_names():
    assert file_name("qbr", "", "ics") == "qbr.ics"
    assert file_name("qbr", " 株式会社 ACME ", "md") == "株式会社-ACME-qbr.md"
    assert file_name("qbr", "a/b:c*?", "ics") == "a-b-c-qbr.ics"
