"""The seeds' numbers live in the content as data (not only in prose), in both languages' source."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.catalog import Catalog, load_catalog
from generator.core import generate

ROOT = Path(__file__).resolve().parents[2]

PINNED = {
    "framework": [
        "health-score",
        "engagement-metrics",
        "churn-prediction",
        "retention-campaigns",
        "onboarding-journey",
        "time-to-value",
        "cs-kpis",
        "north-star-metric",
        "expansion-strategy",
        "account-based-success",
    ],
    "playbook": [
        "high-touch",
        "low-touch",
        "tech-touch",
        "cs-launch-90-days",
        "retention-campaign",
        "churn-risk-intervention",
        "expansion-triggers",
        "qbr",
        "quarterly-csm-workflow",
    ],
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(ROOT / "frameworks", ROOT)


def key_number(catalog: Catalog, framework: str, unit: str) -> set[float]:
    return {n.value for n in catalog.get("framework", framework).key_numbers if n.unit == unit}


def test_pinned_ids_exist(catalog):
    for kind, ids in PINNED.items():
        for item_id in ids:
            assert (kind, item_id) in catalog.declared, (kind, item_id)
    frameworks = catalog.of("framework")
    assert len(frameworks) >= 14
    assert all(len(f.questions) >= 5 for f in frameworks)


def test_health_score_bands_and_weights(catalog):
    model = catalog.get("framework", "health-score").score_model
    assert [(b.id, b.min) for b in model.bands] == [("healthy", 80), ("caution", 50), ("risk", 0)]
    assert sum(c.weight for c in model.components) == 100
    assert model.missing_value == "redistribute"


def test_churn_risk_windows(catalog):
    levels = {r.id: r.within_days for r in catalog.get("framework", "churn-prediction").risk_levels}
    assert levels == {"high": 30, "medium": 90, "low": None}


def test_onboarding_phases(catalog):
    phases = catalog.get("framework", "onboarding-journey").phases
    assert [(p.day_from, p.day_to) for p in phases] == [(0, 7), (8, 30), (31, 90)]


def test_retention_timing_and_goal(catalog):
    assert key_number(catalog, "retention-campaigns", "days") == {60}
    assert key_number(catalog, "retention-campaigns", "percent") == {95}
    first = min(catalog.get("playbook", "retention-campaign").steps, key=lambda s: s.offset_days)
    assert first.offset_days == -60


def test_expansion_trigger_and_quick_win(catalog):
    assert 80 in key_number(catalog, "expansion-strategy", "percent")
    assert key_number(catalog, "time-to-value", "minutes") == {5}


def test_high_touch_kickoff_and_reviews(catalog):
    steps = catalog.get("playbook", "high-touch").steps
    kickoff = [s for s in steps if s.offset_days == 0]
    assert kickoff and kickoff[0].duration_minutes == 90
    assert {30, 60, 90} <= {s.offset_days for s in steps}


def test_launch_plan_weeks(catalog):
    offsets = sorted(s.offset_days for s in catalog.get("playbook", "cs-launch-90-days").steps)
    # weeks 1–2 design, 3–6 pilot, 7–10 improve, 11–13 roll out
    for start in (0, 14, 42, 70):
        assert start in offsets, offsets
    assert max(offsets) <= 91


def test_counts(catalog):
    terms = [t for g in catalog.of("glossary") for t in g.terms]
    assert len(terms) >= 45
    for abbr in ("GRR", "NRR", "MRR", "ARR", "NPS", "CSAT", "CES", "LTV", "CAC", "TTV"):
        assert any(t.abbr == abbr for t in terms), abbr
    challenges = catalog.one("challenge-navigator").challenges
    assert len(challenges) >= 8
    stages = [s.id for s in catalog.one("curriculum").stages]
    assert stages == ["week-1", "week-2", "week-3", "week-4", "day-30", "day-60", "day-90"]


def test_both_languages_have_exactly_the_same_pages():
    generated = generate(ROOT)
    assert set(generated.pages["ja"]) == set(generated.pages["en"])
    assert generated.nav["ja"].__len__() == generated.nav["en"].__len__()
