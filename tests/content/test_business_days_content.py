"""The shipped site's holiday calendar through the schedule command."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner

from generator.business_days import holiday_dates
from generator.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_cli_business_days_uses_the_site_calendar():
    runner = CliRunner()
    args = ["--project", str(ROOT), "schedule", "qbr", "--anchor", "2026-05-04", "--lang", "en"]
    for flag in ("--business-days", "--weekdays-only"):
        result = runner.invoke(main, [*args, flag])
        assert result.exit_code == 0, result.output
        dates = [
            dt.date.fromisoformat(line[6:16])
            for line in result.output.splitlines()
            if line.startswith("- [ ]")
        ]
        closed = holiday_dates("JP")
        assert dates and all(d.weekday() < 5 and d not in closed for d in dates)
    refused = runner.invoke(main, [*args[:-4], "--anchor", "2051-01-05", "--business-days"])
    assert refused.exit_code == 1 and "2000–2050" in refused.output
