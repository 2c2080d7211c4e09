"""The shipped KPIs, score model and playbooks through the calculators and commands."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner

from generator.catalog import load_catalog
from generator.cli import main
from generator.formula import EvaluationError
from generator.kpi import compute
from generator.schedule import ics, markdown
from generator.scoring import ScoreError, score, score_csv

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT / "frameworks", ROOT)


EXPECTED = {
    "grr": ({"start_mrr": 1000, "contraction_mrr": 30, "churned_mrr": 50}, 0.92, "92.0%"),
    "nrr": (
        {"start_mrr": 1000, "expansion_mrr": 150, "contraction_mrr": 30, "churned_mrr": 50},
        1.07,
        "107.0%",
    ),
    "logo-churn-rate": ({"start_customers": 400, "churned_customers": 6}, 0.015, "1.5%"),
    "revenue-churn-rate": (
        {"start_mrr": 1000, "churned_mrr": 50, "contraction_mrr": 30},
        0.08,
        "8.0%",
    ),
    "nps": ({"promoters": 120, "passives": 50, "detractors": 30}, 45.0, "45.0"),
    "dau-mau": ({"dau": 420, "mau": 1200}, 0.35, "35.0%"),
    "ltv": ({"arpa": 50000, "gross_margin": 0.8, "churn_rate": 0.02}, 2_000_000, "2,000,000"),
    "cac-payback": ({"cac": 600000, "arpa": 50000, "gross_margin": 0.8}, 15.0, "15.0 months"),
    "ltv-cac": ({"ltv": 2_000_000, "cac": 600000}, 2_000_000 / 600000, "3.33"),
    "renewal-rate": ({"renewals_due": 80, "renewed": 76}, 0.95, "95.0%"),
    "customers-per-csm": ({"customers": 250, "csms": 3}, 250 / 3, "83.3"),
    "expansion-rate": ({"start_mrr": 1000, "expansion_mrr": 150}, 0.15, "15.0%"),
}


@pytest.mark.parametrize("kpi_id", sorted(EXPECTED))
def test_each_kpi(catalog, kpi_id):
    values, value, shown = EXPECTED[kpi_id]
    result = compute(catalog.get("kpi", kpi_id), values, "en")
    assert result.value == pytest.approx(value)
    assert result.display == shown


def test_every_kpi_is_tested(catalog):
    assert {k.id for k in catalog.of("kpi")} == set(EXPECTED)


def test_kpi_errors(catalog):
    grr = catalog.get("kpi", "grr")
    with pytest.raises(EvaluationError, match="zero"):
        compute(grr, {"start_mrr": 0, "contraction_mrr": 0, "churned_mrr": 0}, "en")
    with pytest.raises(EvaluationError, match="missing"):
        compute(grr, {"start_mrr": 1}, "en")
    with pytest.raises(EvaluationError, match="negative"):
        compute(grr, {"start_mrr": 1, "contraction_mrr": -1, "churned_mrr": 0}, "en")
    with pytest.raises(EvaluationError, match="unknown"):
        compute(grr, {"start_mrr": 1, "contraction_mrr": 0, "churned_mrr": 0, "x": 1}, "en")


def test_cli_kpi_json_and_errors(tmp_path):
    runner = CliRunner()
    args = [
        "--project",
        str(ROOT),
        "kpi",
        "nrr",
        "--set",
        "start_mrr=100",
        "--set",
        "expansion_mrr=15",
        "--set",
        "contraction_mrr=3",
        "--set",
        "churned_mrr=5",
        "--json",
    ]
    result = runner.invoke(main, args)
    assert result.exit_code == 0
    assert (
        result.output.strip()
        == '{"id": "nrr", "value": 1.07, "unit": "percent", "display": "107.0%"}'
    )
    for bad in (
        [
            "--set",
            "start_mrr=0",
            "--set",
            "expansion_mrr=0",
            "--set",
            "contraction_mrr=0",
            "--set",
            "churned_mrr=0",
        ],
        ["--set", "start_mrr=abc"],
        [],
    ):
        result = runner.invoke(main, ["--project", str(ROOT), "kpi", "nrr", *bad])
        assert result.exit_code == 1 and "Traceback" not in result.output
    assert runner.invoke(main, ["--project", str(ROOT), "kpi", "nope"]).exit_code == 1


def test_score_shares_a_missing_weight(catalog):
    model = catalog.get("framework", "health-score").score_model
    full = {c.id: 80.0 for c in model.components}
    assert score(model, full).score == pytest.approx(80)
    assert score(model, full).band.id == "healthy"
    missing = dict(full, nps=None)
    assert score(model, missing).score == pytest.approx(80)
    low = {c.id: 40.0 for c in model.components}
    assert score(model, low).band.id == "risk"
    assert score(model, {c.id: 50.0 for c in model.components}).band.id == "caution"
    with pytest.raises(ScoreError):
        score(model, dict.fromkeys(full))
    with pytest.raises(ScoreError):
        score(model, dict(full, nps=101))


def test_score_csv_reports_bad_rows_and_scores_the_rest(catalog):
    model = catalog.get("framework", "health-score").score_model
    ids = [c.id for c in model.components]
    text = "account," + ",".join(ids) + "\n" + "a," + ",".join(["90"] * len(ids)) + "\n"
    text += "b,x" + ",1" * (len(ids) - 1) + "\nc,1\nd," + ",".join(["50"] * len(ids)) + "\n"
    scored, errors = score_csv(model, text, "in.csv")
    assert errors == [
        "in.csv:row 3: usage-frequency is not a number: 'x'",
        "in.csv:row 4: expected 6 columns",
    ]
    rows = scored.splitlines()
    assert rows[0].endswith(",score,band")
    assert rows[1].endswith(",90.0,healthy") and rows[2].endswith(",50.0,caution")


def test_schedule_offsets_and_ics(catalog):
    high = catalog.get("playbook", "high-touch")
    kickoff = dt.date(2026, 1, 5)
    text = ics(catalog, high, kickoff, "ja")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    calendar = icalendar.Calendar.from_ical(text)
    starts = sorted(e.get("dtstart").dt for e in calendar.walk("VEVENT"))
    for days in (30, 60, 90):
        assert kickoff + dt.timedelta(days=days) in starts
    retention = catalog.get("playbook", "retention-campaign")
    renewal = dt.date(2026, 6, 30)
    first = min(
        e.get("dtstart").dt
        for e in icalendar.Calendar.from_ical(ics(catalog, retention, renewal, "en")).walk("VEVENT")
    )
    assert first == renewal - dt.timedelta(days=60)
    assert "- [ ] 2026-02-04" in markdown(catalog, high, kickoff, "en")


def test_schedule_for_a_customer_on_weekdays(catalog):
    high = catalog.get("playbook", "high-touch")
    saturday = dt.date(2026, 3, 28)
    plain = icalendar.Calendar.from_ical(ics(catalog, high, saturday, "ja")).walk("VEVENT")
    moved = icalendar.Calendar.from_ical(
        ics(catalog, high, saturday, "ja", "ACME", weekdays_only=True)
    ).walk("VEVENT")
    for before, after in zip(plain, moved, strict=True):
        day, shifted = before["DTSTART"].dt, after["DTSTART"].dt
        assert shifted.weekday() < 5
        assert shifted == (day if day.weekday() < 5 else day + dt.timedelta(7 - day.weekday()))
        assert str(after["SUMMARY"]) == f"ACME: {before['SUMMARY']}"
        assert str(after["UID"]).startswith("ACME-high-touch-")
    text = markdown(catalog, high, saturday, "en", " Acme  Inc ", weekdays_only=True)
    assert text.startswith(f"# Acme Inc: {high.title('en')}\n")
    assert "- [ ] 2026-03-30 — " in text  # Saturday's kickoff on Monday


def test_cli_schedule_for_a_customer():
    runner = CliRunner()
    args = ["--project", str(ROOT), "schedule", "qbr", "--anchor", "2026-03-28"]
    result = runner.invoke(main, [*args, "--customer", "ACME", "--weekdays-only", "--lang", "en"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("- [ ]")]
    dates = [dt.date.fromisoformat(line[6:16]) for line in lines]
    assert dates and all(d.weekday() < 5 for d in dates)
    assert result.output.startswith("# ACME: ")


def test_cli_schedule_errors():
    runner = CliRunner()
    bad = runner.invoke(main, ["--project", str(ROOT), "schedule", "high-touch", "--anchor", "5/1"])
    assert bad.exit_code == 1 and "YYYY-MM-DD" in bad.output
    assert (
        runner.invoke(
            main, ["--project", str(ROOT), "schedule", "nope", "--anchor", "2026-01-01"]
        ).exit_code
        == 1
    )
