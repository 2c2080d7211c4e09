"""The kpi, score and schedule commands as a user runs them: a real process, real files."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import icalendar

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "--project", str(ROOT), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=ROOT,
    )


def test_kpi_json_and_plain():
    run = cli("kpi", "cac-payback", "--lang", "en", "--set", "cac=600000", "--set", "arpa=50000",
              "--set", "gross_margin=0.8", "--json")  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == {
        "id": "cac-payback",
        "value": 15.0,
        "unit": "months",
        "display": "15.0 months",
    }
    ja = cli("kpi", "cac-payback", "--set", "cac=600000", "--set", "arpa=50000",
             "--set", "gross_margin=0.8")  # fmt: skip
    assert ja.returncode == 0 and ja.stdout.strip() == "15.0か月"


def test_kpi_errors_exit_1_with_one_clear_line():
    cases = {
        ("--set", "dau=5", "--set", "mau=0"): "division by zero",
        ("--set", "dau=5"): "missing input(s): mau",
        ("--set", "dau=-1", "--set", "mau=10"): "must not be negative: dau",
        ("--set", "dau", "--set", "mau=10"): "--set takes NAME=NUMBER",
        ("--set", "dau=1", "--set", "mau=2", "--set", "wau=3"): "unknown input(s): wau",
    }
    for args, message in cases.items():
        run = cli("kpi", "dau-mau", *args)
        assert run.returncode == 1, args
        assert message in run.stderr and "Traceback" not in run.stderr
        assert len(run.stderr.strip().splitlines()) == 1
    missing = cli("kpi", "no-such-kpi")
    assert missing.returncode == 1 and "Traceback" not in missing.stderr


def test_score_template_then_csv(tmp_path: Path):
    header = cli("score", "--template")
    assert header.returncode == 0
    columns = header.stdout.strip().split(",")
    assert columns[0] == "account" and len(columns) > 2
    n = len(columns) - 1
    source = tmp_path / "accounts.csv"
    rows = [
        header.stdout.strip(),
        "acme," + ",".join(["90"] * n),
        "broken," + ",".join(["x"] * n),
        "partial," + ",".join(["60"] + [""] * (n - 1)),
    ]
    source.write_text("\ufeff" + "\n".join(rows) + "\n", encoding="utf-8")  # Excel's BOM
    run = cli("score", "--csv", str(source))
    assert run.returncode == 1
    assert run.stdout.splitlines() == [
        header.stdout.strip() + ",score,band",
        "acme," + ",".join(["90"] * n) + ",90.0,healthy",
        "partial," + ",".join(["60"] + [""] * (n - 1)) + ",60.0,caution",
    ]
    assert run.stderr.strip() == f"{source}:row 3: {columns[1]} is not a number: 'x'"
    assert cli("score", "--csv", str(tmp_path / "absent.csv")).returncode == 1


def test_schedule_ics_file_and_markdown(tmp_path: Path):
    target = tmp_path / "high-touch.ics"
    run = cli("schedule", "high-touch", "--anchor", "2026-01-05", "--format", "ics",
              "--lang", "en", "-o", str(target))  # fmt: skip
    assert run.returncode == 0, run.stderr
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    starts = {e.get("dtstart").dt for e in calendar.walk("VEVENT")}
    kickoff = dt.date(2026, 1, 5)
    assert {kickoff + dt.timedelta(days=d) for d in (30, 60, 90)} <= starts
    args = ["schedule", "high-touch", "--anchor", "2026-01-05", "--format", "ics", "--lang", "en"]
    stdout = subprocess.run(  # bytes: text mode would turn the CRLF line ends into LF
        [sys.executable, "-m", "generator", "--project", str(ROOT), *args],
        capture_output=True,
        check=True,
        cwd=ROOT,
    ).stdout
    assert stdout == target.read_bytes()
    md = cli("schedule", "retention-campaign", "--anchor", "2026-06-30", "--lang", "en")
    assert md.returncode == 0
    first = next(line for line in md.stdout.splitlines() if line.startswith("- [ ] "))
    assert first.startswith("- [ ] 2026-05-01 ")  # 60 days before the renewal date
    for bad in ("2026-02-30", "9999-12-30", "tomorrow"):
        run = cli("schedule", "high-touch", "--anchor", bad)
        assert run.returncode == 1 and "Traceback" not in run.stderr, bad
