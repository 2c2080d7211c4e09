"""Formulas and numbers a hostile file can hold: located errors at check, never RecursionError."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.formula import MAX_DEPTH, MAX_TOKENS, FormulaError, parse

FIXTURE = Path(__file__).resolve().parents[1] / "golden" / "fixture"
INPUTS = {"part", "whole"}

FORMULAS = {
    "parens-400": "(" * 400 + "part" + ")" * 400,
    "parens-33": "(" * 33 + "part" + ")" * 33 + " + whole",
    "signs-60": "-" * 60 + "part + whole",
    "functions-40": "max(" * 40 + "part" + ", whole)" * 40,
    "terms-3000": " + ".join(["part"] * 3000),
    "factors-150": " × ".join(["part"] * 150) + " + whole",
    "digits-400": "part + whole * " + "9" * 400,
    "digits-16": "part + whole * 1000000000000000",
    "fraction-huge": "part + whole * 1000000000000000.5",
    "arabic-indic": "part + whole * ٣",
    "fullwidth": "part + whole * ３",
    "devanagari": "part + whole * ५",
    "superscript": "part + whole²",
    "exponent": "part + whole * 1e3",
    "unclosed-deep": "(" * 300,
}


@pytest.mark.parametrize("name", sorted(FORMULAS))
def test_parse_refuses_with_a_formula_error(name):
    with pytest.raises(FormulaError):
        parse(FORMULAS[name], INPUTS)


def test_the_limits_themselves_are_allowed():
    assert parse("(" * (MAX_DEPTH - 1) + "part" + ")" * (MAX_DEPTH - 1) + " + whole", INPUTS)
    terms = (MAX_TOKENS - 1) // 2
    assert parse(" + ".join(["part"] * terms) + " + whole", INPUTS)
    assert parse("part + whole * 999999999999999", INPUTS)


@pytest.mark.parametrize("name", sorted(FORMULAS))
def test_check_reports_a_located_error(tmp_path, name):
    project = tmp_path / "p"
    shutil.copytree(FIXTURE, project)
    rate = project / "frameworks" / "rate.yaml"
    lines = [
        f"formula: {FORMULAS[name]}" if line.startswith("formula:") else line
        for line in rate.read_text("utf-8").splitlines()
    ]
    rate.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--project", str(project), "check"])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert "RecursionError" not in result.output and "Traceback" not in result.output
    assert result.stderr.startswith("frameworks/rate.yaml:12:10: formula: ")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (".inf", "finite"),
        ("-.inf", "finite"),
        (".nan", "finite"),
        ("1.0e+400", "finite"),
        ("9" * 400, "too large"),
    ],
)
def test_numbers_beyond_a_double_are_refused(tmp_path, value, message):
    project = tmp_path / "p"
    shutil.copytree(FIXTURE, project)
    rate = project / "frameworks" / "rate.yaml"
    text = rate.read_text("utf-8").replace("{part: 2, whole: 8}", f"{{part: {value}, whole: 8}}")
    rate.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["--project", str(project), "check"])
    assert result.exit_code == 1
    assert result.stderr.startswith("frameworks/rate.yaml:13:17: example.part: ")
    assert message in result.stderr.splitlines()[0]
