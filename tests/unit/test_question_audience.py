"""Question audience: each question is asked of the customer (default) or inside the CS team."""

from __future__ import annotations

from pathlib import Path

from generator.core import generate
from generator.models.parts import Question, by_audience
from tests.unit.helpers import TAXONOMY, content_errors

FIXTURE = Path(__file__).resolve().parents[1] / "golden" / "fixture"

QUESTION_SET = """\
kind: question-set
id: ask
title: {ja: 質問集, en: Questions}
summary: {ja: 概要, en: Summary}
body: {ja: 本文, en: Body}
questions:
  - id: one
    audience: AUDIENCE
    question: {ja: 質問？, en: Question?}
    why: {ja: 理由, en: Why}
    good_answer: {ja: 回答, en: Answer}
"""


def _question(qid: str, audience: str | None = None) -> Question:
    text = {"ja": qid, "en": qid}
    data = {"id": qid, "question": text, "why": text, "good_answer": text}
    return Question.model_validate(data if audience is None else {**data, "audience": audience})


def test_questions_default_to_the_customer_and_group_customer_first():
    questions = [_question("a", "team"), _question("b"), _question("c", "team")]
    groups = by_audience(questions)
    assert [(audience, [q.id for q in found]) for audience, found in groups] == [
        ("customer", ["b"]),
        ("team", ["a", "c"]),
    ]
    only = _question("d")
    assert only.audience == "customer"
    assert by_audience([only]) == [("customer", [only])]


def test_an_unknown_audience_is_a_located_error(tmp_path):
    found = content_errors(
        tmp_path, {"t.yaml": TAXONOMY, "q.yaml": QUESTION_SET.replace("AUDIENCE", "partner")}
    )
    assert len(found) == 1
    assert found[0].startswith("frameworks/q.yaml:8:15: questions.0.audience:")
    ok = content_errors(tmp_path, {"q.yaml": QUESTION_SET.replace("AUDIENCE", "team")})
    assert ok == []


def test_framework_pages_title_each_group_in_both_languages():
    pages = generate(FIXTURE).pages
    ja = pages["ja"]["frameworks/score.md"]
    en = pages["en"]["frameworks/score.md"]
    # q2 and q4 are marked for the team in the fixture; the rest go to the customer.
    customer_ja, team_ja = ja.split("## 顧客への質問")[1].split("## チーム内で確認すること")
    assert "{#q-q1}" in customer_ja and "{#q-q2}" not in customer_ja
    assert "{#q-q2}" in team_ja and "{#q-q4}" in team_ja and "{#q-q3}" not in team_ja
    customer_en, team_en = en.split("## Questions to ask the customer")[1].split(
        "## Questions for your team"
    )
    assert "{#q-q5}" in customer_en and "{#q-q4}" in team_en
    # A set with no team question shows the customer heading only.
    discovery = pages["en"]["question-sets/discovery.md"]
    assert "## Questions to ask the customer" in discovery
    assert "## Questions for your team" not in discovery
