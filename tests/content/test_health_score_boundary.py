"""The health-score bands start at their lower bound: exactly 50 is caution, as the page says."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.catalog import load_catalog
from generator.core import generate
from generator.scoring import score

ROOT = Path(__file__).resolve().parents[2]
CATALOG = load_catalog(ROOT / "frameworks", ROOT)
MODEL = CATALOG.get("framework", "health-score").score_model


def band_for(points: float) -> str:
    return score(MODEL, {c.id: points for c in MODEL.components}).band.id


@pytest.mark.parametrize(
    ("points", "band"), [(80, "healthy"), (79.9, "caution"), (50, "caution"), (49.9, "risk")]
)
def test_bands_start_at_their_lower_bound(points, band):
    assert band_for(points) == band


def test_the_choice_at_50_is_written_in_both_languages():
    pages = generate(ROOT).pages
    assert "ちょうど50点は注意" in pages["ja"]["frameworks/health-score.md"]
    assert "Exactly 50 is caution" in pages["en"]["frameworks/health-score.md"]


def test_the_weights_are_labelled_a_starting_point():
    assert MODEL.weights_note is not None
    assert [c.weight for c in MODEL.components] == [30, 25, 15, 15, 15]
    framework = CATALOG.get("framework", "health-score")
    raw = next(t for t in framework.tables if t.id == "raw-to-points")
    assert raw.example
    assert [r.id for r in raw.rows] == [c.id for c in MODEL.components]
