"""Edge cases of the executable content: located formula errors, limits, anchors, CSV rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.formula import FormulaError, parse
from generator.kpi import LIMIT, display, showable
from generator.schedule import ScheduleError, parse_anchor
from tests.unit.helpers import content_errors

KPI = """\
kind: kpi
id: share
title: {{ja: 割合, en: Share}}
summary: {{ja: 概要, en: Summary}}
unit: percent
definition: {{ja: 定義, en: Definition}}
inputs:
  - {{id: {first}, label: {{ja: 部分, en: Part}}, unit: count}}
  - {{id: whole, label: {{ja: 全体, en: Whole}}, unit: count}}
formula: {formula}
example: {{{first}: {part}, whole: {whole}}}
"""


def kpi_errors(tmp_path: Path, **fields: object) -> list[str]:
    values = {"first": "part", "formula": "part / whole", "part": 1, "whole": 4} | fields
    return content_errors(tmp_path, {"share.yaml": KPI.format(**values)})


def test_a_valid_kpi_file_loads(tmp_path):
    assert kpi_errors(tmp_path) == []


@pytest.mark.parametrize(
    ("formula", "message"),
    [
        ("part / hole", "unknown input 'hole' (inputs: part, whole) at character 8"),
        ("part ** whole", "unexpected '*' at character 7"),
        ("'part / whole'", None),  # a quoted YAML string is still the same formula
        ("__import__('os')", "unexpected character '_' at character 1"),
        ("part / whole; 1", "unexpected character ';' at character 13"),
        ("abs(part) / whole", "unknown input 'abs' (inputs: part, whole) at character 1"),
        ("part / (whole", "the formula ends too early"),
        ("part whole", "unexpected 'whole' after a complete formula at character 6"),
    ],
)
def test_a_bad_formula_is_a_located_content_error(tmp_path, formula, message):
    found = kpi_errors(tmp_path, formula=formula)
    if message is None:
        assert found == []
        return
    assert found == [f"frameworks/share.yaml:10:10: formula: {message}"]


def test_unused_input_missing_example_and_zero_denominator_in_example(tmp_path):
    assert kpi_errors(tmp_path, formula="whole / 2") == [
        "frameworks/share.yaml:10:10: formula: inputs not used by the formula: part"
    ]
    assert kpi_errors(tmp_path, whole=0) == [
        "frameworks/share.yaml:11:10: example: division by zero: an input in a denominator is 0"
    ]
    assert kpi_errors(tmp_path, part=-1) == [
        "frameworks/share.yaml:11:10: example: inputs must not be negative"
    ]
    assert kpi_errors(tmp_path, part="1.0e+300", whole="1.0e-300") == [
        "frameworks/share.yaml:11:10: example: the result is too large to show exactly"
    ]
    assert kpi_errors(tmp_path, first="part", part="1", whole="4, extra: 1") == [
        "frameworks/share.yaml:11:10: example: give every input (missing [], extra ['extra'])"
    ]


def test_an_input_may_not_be_named_like_a_function(tmp_path):
    found = kpi_errors(tmp_path, first="max", formula="max / whole")
    assert found[0] == (
        "frameworks/share.yaml:8:10: inputs.0.id: 'max' is a function name; "
        "give the input another name"
    )


def test_parser_positions_and_unicode_operators():
    assert parse("a × (a − 1) ÷ 2", {"a"}) == {
        "op": "/",
        "args": [
            {"op": "*", "args": [{"var": "a"}, {"op": "-", "args": [{"var": "a"}, {"num": 1.0}]}]},
            {"num": 2.0},
        ],
    }
    with pytest.raises(FormulaError, match="at character 5"):
        parse("a + $", {"a"})
    with pytest.raises(FormulaError, match="empty"):
        parse("   ", {"a"})


def test_showable_is_the_exact_integer_limit():
    assert showable(LIMIT - 2, "money")
    assert not showable(LIMIT, "money")
    assert not showable(LIMIT / 100, "percent")
    assert display(-0.0004, "percent", "en") == "0.0%"


@pytest.mark.parametrize(
    "text", ["2026-02-30", "20260105", "2026-W01-1", "26-01-05", " 2026-01-05"]
)
def test_anchor_must_be_a_real_iso_date(text):
    with pytest.raises(ScheduleError, match="YYYY-MM-DD"):
        parse_anchor(text)


def test_ics_escapes_text():
    from generator.schedule import _escape, _fold

    assert _escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    folded = _fold("SUMMARY:" + "あ" * 40)
    assert [len(p.encode()) for p in folded.split("\r\n")] == [74, 55]
