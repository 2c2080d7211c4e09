"""Scripts and question audiences in the real content: pinned ids, seed timings, step links."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.catalog import Catalog, load_catalog

ROOT = Path(__file__).resolve().parents[2]

PINNED_SCRIPTS = [
    "kickoff-invitation",
    "welcome-series",
    "low-usage-nudge",
    "caution-check-in",
    "risk-save-call",
    "renewal-60-days",
    "expansion-proposal",
    "qbr-invitation",
    "qbr-follow-up",
    "no-reply-follow-up",
    "nps-detractor-follow-up",
    "executive-sponsor-intro",
]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(ROOT / "frameworks", ROOT)


def test_pinned_scripts_exist_with_a_follow_up_or_several_messages(catalog):
    for script_id in PINNED_SCRIPTS:
        script = catalog.get("script", script_id)
        assert script.follow_up is not None or len(script.messages) > 1, script_id


def test_welcome_series_is_a_welcome_and_three_how_tos_in_the_first_week(catalog):
    days = [m.day for m in catalog.get("script", "welcome-series").messages]
    assert len(days) == 4 and days[0] == 0 and max(days) <= 6
    tech_touch = catalog.get("playbook", "tech-touch")
    sent = sorted(s.offset_days for s in tech_touch.steps if s.script == "welcome-series")
    assert sent == [0]


def test_the_call_script_has_talking_points(catalog):
    risk_call = catalog.get("script", "risk-save-call")
    assert risk_call.channel == "call" and len(risk_call.talking_points) >= 5


def test_steps_link_the_scripts_at_the_seed_timings(catalog):
    linked = {
        (playbook.id, step.offset_days, step.script)
        for playbook in catalog.of("playbook")
        for step in playbook.steps
        if step.script
    }
    assert ("retention-campaign", -60, "renewal-60-days") in linked
    assert ("tech-touch", 305, "renewal-60-days") in linked  # 60 days before a one-year renewal
    # Every pinned script is used by at least one playbook step.
    assert {script for _, _, script in linked} == set(PINNED_SCRIPTS)


def test_framework_questions_for_the_team_are_marked(catalog):
    churn_definition = catalog.get("framework", "churn-definition")
    formula = next(q for q in churn_definition.questions if q.id == "current-formula")
    assert formula.audience == "team"
    success_plan = catalog.get("framework", "success-plan")
    assert all(q.audience == "customer" for q in success_plan.questions)
    team_sets = [
        f for f in catalog.of("framework") if any(q.audience == "team" for q in f.questions)
    ]
    assert len(team_sets) >= 10
