"""Guides and reference kinds: challenge navigator, curriculum, comparison, article, tag index."""

from __future__ import annotations

import pytest

from generator.catalog import load_catalog
from generator.links import target_of
from generator.pages.guides import tags
from tests.unit.helpers import CHECKLIST, TAXONOMY, content_errors

NAVIGATOR = """\
kind: challenge-navigator
id: challenges
title: {ja: 課題から探す, en: Find by challenge}
summary: {ja: 悩みから探します。, en: Start from a problem.}
body: {ja: 本文, en: Body}
challenges:
  - id: churn
    says: {ja: 解約が多い, en: Churn is high}
    diagnosis: {ja: 兆しに気づくのが遅い。, en: Signals are noticed late.}
    first_step: {ja: データを並べる。, en: Line up the data.}
    links:
      checklists: [LINK]
"""

CURRICULUM = """\
kind: curriculum
id: path
title: {ja: 立ち上がり, en: Onboarding path}
summary: {ja: 道のり。, en: A path.}
body: {ja: 本文, en: Body}
stages:
  - id: week-1
    name: {ja: 1週目, en: Week 1}
    focus: {ja: 全体像, en: The big picture}
    read: {checklists: [c]}
    do: DO
    show: [{ja: 説明できる, en: Explain it}]
finish_line: {ja: 完了です。, en: Done.}
"""

COMPARISON = """\
kind: comparison
id: a-vs-b
title: {ja: AとB, en: A vs B}
summary: {ja: 違い, en: The difference}
body: {ja: 本文, en: Body}
columns: [{ja: A, en: A}, {ja: B, en: B}]
rows:
  - aspect: {ja: 焦点, en: Focus}
    values: VALUES
"""


errors_for = content_errors


def base_files() -> dict[str, str]:
    return {"t.yaml": TAXONOMY, "c.yaml": CHECKLIST.format(id="c")}


def test_a_challenge_link_must_name_an_existing_page(tmp_path):
    assert errors_for(tmp_path, {**base_files(), "n.yaml": NAVIGATOR.replace("LINK", "c")}) == []
    found = errors_for(tmp_path, {"n.yaml": NAVIGATOR.replace("LINK", "nope")})
    assert len(found) == 1
    assert found[0].startswith("frameworks/n.yaml:12:")
    assert "challenges.0.links.checklists.0" in found[0]
    assert "nope" in found[0]


def test_challenge_links_know_only_the_listed_kinds(tmp_path):
    text = NAVIGATOR.replace("checklists: [LINK]", "recipes: [c]")
    found = errors_for(tmp_path, {**base_files(), "n.yaml": text})
    assert len(found) == 1
    assert "frameworks/n.yaml:12:7: challenges.0.links.recipes: unknown key 'recipes'" in found[0]


def test_a_template_link_is_checked_like_any_other(tmp_path):
    text = NAVIGATOR.replace("checklists: [LINK]", "templates: [no-such-template]")
    found = errors_for(tmp_path, {**base_files(), "n.yaml": text})
    assert len(found) == 1
    assert "challenges.0.links.templates.0" in found[0]
    assert "no-such-template" in found[0]


def test_a_stage_needs_something_to_do(tmp_path):
    found = errors_for(tmp_path, {**base_files(), "p.yaml": CURRICULUM.replace("DO", "[]")})
    assert len(found) == 1
    assert found[0].startswith("frameworks/p.yaml:11:")
    assert "stages.0.do" in found[0]
    ok = CURRICULUM.replace("DO", "[{ja: 読む, en: Read}]")
    assert errors_for(tmp_path, {"p.yaml": ok}) == []


def test_a_comparison_row_has_one_value_per_column(tmp_path):
    short = COMPARISON.replace("VALUES", "[{ja: 価値, en: Value}]")
    found = errors_for(tmp_path, {**base_files(), "x.yaml": short})
    assert len(found) == 1 and "rows.0.values" in found[0]
    wide = COMPARISON.replace("VALUES", "[{ja: a, en: a}, {ja: b, en: b}, {ja: c, en: c}]")
    found = errors_for(tmp_path, {"x.yaml": wide})
    assert len(found) == 1 and "a row has 3 values for 2 columns" in found[0]


def test_tags_link_to_their_anchor_on_the_tag_index():
    assert target_of("tag", "high-touch") == "tags/index.md#high-touch"
    assert target_of("challenge-navigator", "challenges") == "challenges/index.md"
    assert target_of("curriculum", "csm-onboarding") == "csm-onboarding/index.md"
    assert target_of("comparison", "cs-vs-support") == "comparisons/cs-vs-support.md"


def test_tag_index_lists_frameworks_and_playbooks_by_facet(project_root):
    catalog = load_catalog(project_root / "frameworks", project_root)
    [spec] = tags(catalog)
    assert spec.path == "tags/index.md"
    facets = dict(spec.context["facets"])
    assert set(facets) == {"touch", "lifecycle", "segment"}
    touch = {tag.id: (fws, pbs) for tag, fws, pbs in facets["touch"]}
    # A playbook's touch model counts as its tag even when not repeated under tags.
    assert "high-touch" in {pb.id for pb in touch["high-touch"][1]}
    for facet_rows in facets.values():
        for tag, fws, pbs in facet_rows:
            assert all(tag.id in f.tags for f in fws)
            assert all(tag.id in p.tags or p.touch == tag.id for p in pbs)


@pytest.fixture(scope="module")
def content(project_root):
    return load_catalog(project_root / "frameworks", project_root)


def test_every_challenge_leads_to_a_framework_a_playbook_and_a_question_set(content):
    navigator = content.one("challenge-navigator")
    assert len(navigator.challenges) >= 8
    for challenge in navigator.challenges:
        assert challenge.links.frameworks, challenge.id
        assert challenge.links.playbooks, challenge.id
        assert challenge.links.question_sets, challenge.id
    ids = {c.id: c.links for c in navigator.challenges}
    # The examples of seed 000's start message, each pointing where the seed says.
    assert {"churn-prediction"} <= set(ids["churn-is-high"].frameworks)
    assert {"time-to-value", "onboarding-journey"} <= set(ids["onboarding-drop-off"].frameworks)
    assert "expansion-triggers" in ids["upsell-stalls"].playbooks
    assert "account-based-success" in ids["csm-work-does-not-scale"].frameworks


def test_the_onboarding_path_covers_four_weeks_and_three_milestones(content):
    path = content.one("curriculum")
    assert [s.id for s in path.stages] == [
        "week-1",
        "week-2",
        "week-3",
        "week-4",
        "day-30",
        "day-60",
        "day-90",
    ]
    for stage in path.stages:
        read = stage.read
        assert read.frameworks or read.playbooks or read.checklists or read.comparisons
        assert stage.do and stage.show


def test_the_strategy_engagement_links_each_phase(content):
    engagement = content.get("playbook", "cs-strategy-engagement")
    phases = {s.id: s for s in engagement.steps}
    assert list(phases) == [
        "phase-1-discovery",
        "phase-2-plan",
        "phase-3-dialogue",
        "phase-4-document",
    ]
    assert phases["phase-1-discovery"].question_sets == ["discovery"]
    assert phases["phase-2-plan"].templates == ["cs-strategy-plan"]
    assert all(content.get("framework", f).questions for f in phases["phase-3-dialogue"].frameworks)
    assert phases["phase-4-document"].templates == ["cs-strategy-document"]
