"""Edge cases of the executable content: located formula errors, limits, anchors, CSV rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest

from generator.catalog import load_catalog
from generator.formula import FormulaError, parse
from generator.kpi import LIMIT, compute, display, showable
from generator.schedule import ScheduleError, dated_steps, ics, markdown, parse_anchor
from generator.scoring import score, score_csv, template_header
from tests.unit.helpers import content_errors

ROOT = Path(__file__).resolve().parents[2]

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


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT / "frameworks", ROOT)


def test_non_finite_and_too_large_inputs_are_errors(catalog):
    from generator.formula import EvaluationError

    ltv = catalog.get("kpi", "ltv")
    base = {"arpa": 1.0, "gross_margin": 1.0, "churn_rate": 0.5}
    for bad in (float("nan"), float("inf")):
        with pytest.raises(EvaluationError, match="finite"):
            compute(ltv, dict(base, arpa=bad))
    with pytest.raises(EvaluationError, match="too large"):
        compute(ltv, dict(base, arpa=1e30))
    assert compute(ltv, dict(base, arpa=1e14)).display == "200,000,000,000,000"


def test_showable_is_the_exact_integer_limit():
    assert showable(LIMIT - 2, "money")
    assert not showable(LIMIT, "money")
    assert not showable(LIMIT / 100, "percent")
    assert display(-0.0004, "percent", "en") == "0.0%"


def test_zero_result_and_negative_result(catalog):
    nrr = catalog.get("kpi", "nrr")
    wiped = {"start_mrr": 100, "expansion_mrr": 0, "contraction_mrr": 60, "churned_mrr": 60}
    result = compute(nrr, wiped, "ja")
    assert result.value == pytest.approx(-0.2) and result.display == "-20.0%"


def test_score_template_and_missing_components(catalog):
    model = catalog.get("framework", "health-score").score_model
    ids = [c.id for c in model.components]
    assert template_header(model) == "account," + ",".join(ids) + "\n"
    weights = {c.id: c.weight for c in model.components}
    values: dict[str, float | None] = dict(zip(ids, [100.0, 0.0, 50.0, None, None], strict=True))
    shared = sum(weights[i] * (v or 0) for i, v in values.items()) / sum(
        weights[i] for i, v in values.items() if v is not None
    )
    assert score(model, values).score == pytest.approx(shared)
    only = score(model, {ids[0]: 49.9})
    assert only.score == pytest.approx(49.9) and only.band.id == "risk"
    assert score(model, {ids[0]: 80.0}).band.id == "healthy"


def test_score_csv_bad_rows(catalog):
    model = catalog.get("framework", "health-score").score_model
    ids = [c.id for c in model.components]
    header = "account," + ",".join(ids)
    rows = [
        "ok," + ",".join(["100"] * len(ids)),
        "blank-nps," + ",".join(["80", "80", "80", "", "80"]),
        "too-high," + ",".join(["101"] + ["1"] * (len(ids) - 1)),
        "nothing," + "," * (len(ids) - 1),
        "extra," + ",".join(["1"] * (len(ids) + 1)),
        '"quoted, name",' + ",".join(["50"] * len(ids)),
    ]
    scored, errors = score_csv(model, "\n".join([header, *rows]) + "\n", "h.csv")
    assert errors == [
        f"h.csv:row 4: {ids[0]} must be between 0 and 100, not 101",
        "h.csv:row 5: no component has a value",
        f"h.csv:row 6: expected {len(ids) + 1} columns",
    ]
    assert scored.splitlines() == [
        f"{header},score,band",
        "ok," + ",".join(["100"] * len(ids)) + ",100.0,healthy",
        "blank-nps,80,80,80,,80,80.0,healthy",
        '"quoted, name",' + ",".join(["50"] * len(ids)) + ",50.0,caution",
    ]


def test_score_csv_wrong_header(catalog):
    model = catalog.get("framework", "health-score").score_model
    scored, errors = score_csv(model, "name,a\nx,1\n", "h.csv")
    assert scored == "" and len(errors) == 1 and errors[0].startswith("h.csv:row 1: header must")


@pytest.mark.parametrize(
    "text", ["2026-02-30", "20260105", "2026-W01-1", "26-01-05", " 2026-01-05"]
)
def test_anchor_must_be_a_real_iso_date(text):
    with pytest.raises(ScheduleError, match="YYYY-MM-DD"):
        parse_anchor(text)


def test_steps_beyond_the_calendar_are_an_error(catalog):
    high = catalog.get("playbook", "high-touch")
    with pytest.raises(ScheduleError, match="1–9999"):
        dated_steps(high, dt.date(9999, 12, 1))
    retention = catalog.get("playbook", "retention-campaign")
    with pytest.raises(ScheduleError):
        dated_steps(retention, dt.date(1, 1, 1))


def test_early_years_keep_four_digits(catalog):
    high = catalog.get("playbook", "high-touch")
    anchor = dt.date(50, 3, 1)
    first = dated_steps(high, anchor)[0][0]
    assert first.year == 50
    assert f"DTSTART;VALUE=DATE:0050{first.month:02d}{first.day:02d}" in ics(
        catalog, high, anchor, "en"
    )
    assert f"- [ ] {first.isoformat()} " in markdown(catalog, high, anchor, "en")
    assert first.isoformat().startswith("0050-")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_ics_is_valid_rfc5545_for_every_playbook(catalog, lang):
    anchor = dt.date(2026, 4, 1)
    for playbook in catalog.of("playbook"):
        text = ics(catalog, playbook, anchor, lang)
        raw = text.encode("utf-8")
        lines = raw.split(b"\r\n")
        assert lines[-1] == b"" and b"\n" not in raw.replace(b"\r\n", b"")
        assert all(len(line) <= 75 for line in lines), playbook.id
        for line in lines[1:]:
            if line.startswith(b" "):
                line.decode("utf-8")  # a fold never splits a character
        calendar = icalendar.Calendar.from_ical(text)
        events = calendar.walk("VEVENT")
        assert len(events) == len(playbook.steps)
        assert len({str(e["UID"]) for e in events}) == len(events)
        for event, (day, step) in zip(events, dated_steps(playbook, anchor), strict=True):
            assert event.get("dtstart").dt == day
            assert event.get("dtend").dt == day + dt.timedelta(days=1)
            assert str(event["SUMMARY"]) == step.title(lang)
            assert "DTSTAMP" in event
            assert str(event["DESCRIPTION"]).startswith(step.description(lang).strip())


def test_ics_escapes_text():
    from generator.schedule import _escape, _fold

    assert _escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    folded = _fold("SUMMARY:" + "あ" * 40)
    assert [len(p.encode()) for p in folded.split("\r\n")] == [74, 55]
