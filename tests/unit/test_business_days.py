"""Business days: steps move off weekends and the site calendar's public holidays."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from generator.business_days import WINDOW, compact_list, holiday_dates
from generator.schedule import ScheduleError, dated_steps

from .helpers import SITE, TAXONOMY, content_errors


def _playbook(*offsets: int) -> SimpleNamespace:
    steps = [SimpleNamespace(id=f"s{i}", offset_days=o) for i, o in enumerate(offsets)]
    return SimpleNamespace(id="p", steps=steps)


def _days(anchor: dt.date, *offsets: int, calendar: str | None = "JP") -> list[dt.date]:
    dated = dated_steps(_playbook(*offsets), anchor, weekdays_only=True, calendar=calendar)
    return [day for day, _ in dated]


def test_golden_week_moves_to_the_first_business_day():
    # 5/4 みどりの日, 5/5 こどもの日, 5/6 振替休日 (5/3 憲法記念日 is a Sunday).
    assert _days(dt.date(2026, 5, 4), 0) == [dt.date(2026, 5, 7)]
    assert _days(dt.date(2026, 5, 1), 0, 2, 3, 6) == [dt.date(2026, 5, d) for d in (1, 7, 7, 7)]


def test_a_friday_holiday_moves_past_the_weekend():
    friday = dt.date(2028, 2, 11)  # 建国記念の日
    assert friday.weekday() == 4 and friday in holiday_dates("JP")
    assert _days(friday, 0) == [dt.date(2028, 2, 14)]


def test_consecutive_holidays_after_a_weekend():
    # 2026-09-19 Sat → 9/21 敬老の日, 9/22 国民の休日, 9/23 秋分の日 → Thursday 9/24.
    assert _days(dt.date(2026, 9, 19), 0, 1, 2, 3, 4, 5) == [dt.date(2026, 9, 24)] * 6


def test_without_a_calendar_only_weekends_are_skipped():
    assert _days(dt.date(2026, 5, 4), 0, calendar=None) == [dt.date(2026, 5, 4)]
    assert _days(dt.date(2026, 5, 2), 0, 1, calendar=None) == [dt.date(2026, 5, 4)] * 2
    plain = dated_steps(_playbook(0), dt.date(2026, 5, 4), weekdays_only=False, calendar="JP")
    assert [day for day, _ in plain] == [dt.date(2026, 5, 4)]


def test_steps_outside_the_holiday_years_are_refused():
    last = dt.date(WINDOW[1], 12, 30)
    with pytest.raises(ScheduleError, match=f"{WINDOW[0]}–{WINDOW[1]}"):
        _days(last, 0, 5)
    with pytest.raises(ScheduleError):
        _days(dt.date(WINDOW[0] - 1, 12, 31), 0)
    saturday = dt.date(WINDOW[0] - 1, 12, 25)
    assert _days(saturday, 0, calendar=None) == [saturday + dt.timedelta(days=2)]


def test_the_page_list_is_every_holiday_in_the_window():
    listed = compact_list(holiday_dates("JP")).split(" ")
    assert "20260504" in listed and "20260506" in listed and "20260507" not in listed
    years = {int(d[:4]) for d in listed}
    assert min(years) == WINDOW[0] and max(years) == WINDOW[1]
    assert listed == sorted(listed)


def test_an_unknown_country_code_is_a_located_error(tmp_path):
    errors = content_errors(
        tmp_path, {"site/taxonomy.yaml": TAXONOMY, "site/site.yaml": SITE + "holidays: XX\n"}
    )
    assert len(errors) == 1
    assert errors[0].startswith("frameworks/site/site.yaml:6:")
    assert "holidays:" in errors[0] and "'XX' is not a country code" in errors[0]
    assert content_errors(tmp_path, {"site/site.yaml": SITE + "holidays: JP\n"}) == []
