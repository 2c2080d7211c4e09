"""Typical KPI ranges: checked as content, placed the same way as the calculator does."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.kpi import bound_display, position
from tests.unit.helpers import content_errors
from tests.unit.test_executable_edges import KPI


def typical_errors(tmp_path: Path, typical: str, unit: str = "percent") -> list[str]:
    text = KPI.format(first="part", formula="part / whole", part=1, whole=4)
    text = text.replace("unit: percent", f"unit: {unit}", 1) + typical
    return content_errors(tmp_path, {"share.yaml": text})


NOTE = "  note: {ja: 例です。, en: An example.}\n"


def test_a_range_with_both_bounds_loads(tmp_path):
    assert typical_errors(tmp_path, "typical:\n  min: 85\n  max: 95\n" + NOTE) == []


def test_one_bound_is_enough(tmp_path):
    assert typical_errors(tmp_path, "typical:\n  min: 95\n" + NOTE) == []


def test_min_above_max_is_a_located_error(tmp_path):
    found = typical_errors(tmp_path, "typical:\n  min: 95\n  max: 85\n" + NOTE)
    assert found == ["frameworks/share.yaml:14:8: typical.max: min (95) is above max (85)"]


def test_a_range_without_bounds_is_an_error(tmp_path):
    found = typical_errors(tmp_path, "typical:\n" + NOTE)
    assert len(found) == 1
    assert found[0].startswith("frameworks/share.yaml:13:")
    assert found[0].endswith("typical: give min, max or both")


def test_a_negative_bound_is_an_error_except_for_scores(tmp_path):
    found = typical_errors(tmp_path, "typical:\n  max: -5\n" + NOTE)
    assert len(found) == 1
    assert "typical: -5 is negative; a percent range starts at 0" in found[0]
    assert typical_errors(tmp_path, "typical:\n  max: -5\n" + NOTE, unit="score") == []


def test_more_decimals_than_the_unit_shows_is_an_error(tmp_path):
    found = typical_errors(tmp_path, "typical:\n  min: 0.95\n" + NOTE)
    assert len(found) == 1
    assert "typical: 0.95 has more decimals than a percent shows (1)" in found[0]


def test_a_missing_note_is_an_error(tmp_path):
    found = typical_errors(tmp_path, "typical:\n  min: 95\n")
    assert len(found) == 1
    assert "typical.note" in found[0]


@pytest.mark.parametrize(
    ("value", "place"),
    [
        (0.84, "below"),
        (0.8496, "within"),  # shown as 85.0%, so it counts as 85%
        (0.85, "within"),
        (0.95, "within"),
        (0.9504, "within"),
        (0.951, "above"),
    ],
)
def test_position_compares_the_value_as_shown(value, place):
    assert position(value, "percent", 85, 95) == place


def test_an_open_range_has_one_side():
    assert position(0.5, "percent", 95, None) == "below"
    assert position(5.0, "ratio", 3, None) == "within"
    assert position(250, "count", None, 200) == "above"


def test_bounds_are_shown_in_the_unit_without_needless_decimals():
    assert bound_display(95, "percent", "en") == "95%"
    assert bound_display(12.5, "months", "en") == "12.5 months"
    assert bound_display(12, "months", "ja") == "12か月"
