"""Edges of the calculators, scores and schedules on the shipped KPIs and playbooks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest

from generator.catalog import load_catalog
from generator.kpi import compute
from generator.schedule import ScheduleError, dated_steps, ics, markdown
from generator.scoring import score, score_csv, template_header

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT / "frameworks", ROOT)


def test_non_finite_and_too_large_inputs_are_errors(catalog):
    from generator.formula import EvaluationError

    ltv = catalog.get("kpi", "ltv")
    base = {"arpa": 1.0, "gross_margin": 1.0, "churn_rate": 0.5}
    for bad in (float("nan"), float("inf")):
        with pytest.raises(EvaluationError, match="finite"):
            compute(ltv, dict(base, arpa=bad), "en")
    with pytest.raises(EvaluationError, match="too large"):
        compute(ltv, dict(base, arpa=1e30), "en")
    assert compute(ltv, dict(base, arpa=1e14), "en").display == "200,000,000,000,000"


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
