"""Filling the shipped templates: examples, blanks, errors and the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.catalog import load_catalog
from generator.cli import main
from generator.fill import blank, check_answers, examples, fill

ROOT = Path(__file__).resolve().parents[2]


CATALOG = load_catalog(ROOT / "frameworks", ROOT)


TEMPLATES = [t.id for t in CATALOG.of("template")]


def run(*args: str):
    return CliRunner().invoke(main, ["--project", str(ROOT), *args])


def test_all_pinned_templates_exist():
    assert set(TEMPLATES) >= {
        "cs-strategy-plan",
        "cs-strategy-document",
        "success-plan",
        "qbr",
        "health-score-worksheet",
        "onboarding-plan",
        "kickoff-agenda",
        "review-30-60-90",
    }


def test_short_text_cannot_break_a_table():
    template = CATALOG.get("template", "success-plan")
    answers = examples(template, "en")
    answers["metric"] = "time | cost\n# heading <b>x</b> [link](javascript:x)"
    text = fill(template, answers, "en")
    row = next(line for line in text.splitlines() if line.startswith("| time"))
    assert row.count(" | ") == 3 and row.endswith(" |")
    assert "\\| cost \\# heading \\<b\\>x\\</b\\> \\[link\\](javascript:x)" in row


@pytest.mark.parametrize("template_id", TEMPLATES)
def test_example_answers_fill_completely(template_id, tmp_path):
    result = run("fill", template_id, "--example", "--lang", "en")
    assert result.exit_code == 0
    answers = tmp_path / "answers.yaml"
    answers.write_text(result.output, encoding="utf-8")
    filled = run("fill", template_id, "--answers", str(answers), "--lang", "ja")
    assert filled.exit_code == 0, filled.output
    assert "【記入" not in filled.output and "[[" not in filled.output


@pytest.mark.parametrize("template_id", TEMPLATES)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_blank_files_pass_markdownlint(template_id, lang, tmp_path):
    path = tmp_path / f"{template_id}.md"
    path.write_text(blank(CATALOG.get("template", template_id), lang), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pymarkdown", "--disable-rules", "md013", "scan", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    marker = "【記入：" if lang == "ja" else "[fill in:"
    assert marker in path.read_text("utf-8") and "<!--" in path.read_text("utf-8")


def _write(tmp_path: Path, data: object) -> str:
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return str(path)


ERROR_CASES = {
    "unknown-field": ({"colour": "red"}, "colour: unknown field"),
    "short-not-text": ({"customer": 5}, "customer: expected text"),
    "number-not-number": ({"baseline": "ten"}, "baseline: expected a number"),
    "bad-date": ({"target_date": "30/06/2026"}, "target_date: expected a real date"),
    "bad-choice": ({"review_cadence": "yearly"}, "review_cadence: expected one of"),
    "list-not-list": ({"risks": "one"}, "risks: expected a list"),
    "table-not-rows": ({"milestones": ["a"]}, "milestones.0: expected a row"),
    "table-unknown-column": ({"milestones": [{"when": "x"}]}, "milestones.0.when: unknown column"),
    "missing-required": ({}, "business_goal: required field is missing"),
    "not-a-mapping": (["a"], "answers are a mapping"),
}


@pytest.mark.parametrize("case", sorted(ERROR_CASES))
def test_fill_errors_are_located(case, tmp_path):
    data, expected = ERROR_CASES[case]
    result = run("fill", "success-plan", "--answers", _write(tmp_path, data))
    assert result.exit_code == 1
    assert expected in result.output, result.output
    for line in result.output.strip().splitlines():
        assert line.startswith(str(tmp_path / "answers.yaml") + ":"), line
    assert "Traceback" not in result.output


def test_allow_missing_leaves_placeholders(tmp_path):
    result = run(
        "fill",
        "success-plan",
        "--answers",
        _write(tmp_path, {"customer": "ACME"}),
        "--allow-missing",
        "--lang",
        "en",
    )
    assert result.exit_code == 0
    assert "# Success plan: ACME" in result.output and "[fill in: Business goal]" in result.output


def test_other_fill_errors(tmp_path):
    assert run("fill", "nope", "--example").exit_code == 1
    assert run("fill", "success-plan").exit_code == 1
    missing = run("fill", "success-plan", "--answers", str(tmp_path / "none.yaml"))
    assert missing.exit_code == 1 and "no such file" in missing.output
    broken = tmp_path / "broken.yaml"
    broken.write_text("customer: [\n", encoding="utf-8")
    result = run("fill", "success-plan", "--answers", str(broken))
    assert result.exit_code == 1 and f"{broken}:2:1:" in result.output
    tagged = tmp_path / "tagged.yaml"
    tagged.write_text("customer: !!python/object/apply:os.system ['true']\n", encoding="utf-8")
    assert "not allowed" in run("fill", "success-plan", "--answers", str(tagged)).output


def test_answers_are_data_not_templates():
    template = CATALOG.get("template", "success-plan")
    answers = examples(template, "en")
    answers["customer"] = "{{ 7*7 }} [[business_goal]] {% raw %}"
    text = fill(template, answers, "en")
    assert "{{ 7\\*7 }} \\[\\[business\\_goal\\]\\] {% raw %}" in text.splitlines()[0]


def test_check_answers_accepts_examples():
    for template in CATALOG.of("template"):
        for lang in ("ja", "en"):
            answers = examples(template, lang)
            assert check_answers(template, answers, allow_missing=False) == []


def test_long_answers_keep_the_document_structure():
    import markdown

    template = CATALOG.get("template", "success-plan")
    reference = markdown.markdown(
        fill(template, examples(template, "en"), "en"), extensions=["tables"]
    )
    answers = examples(template, "en")
    answers["business_goal"] = "Intro\n---\n- a\n1. b\n~~~\n> c\n=== d\n    code"
    html = markdown.markdown(fill(template, answers, "en"), extensions=["tables"])
    for tag in ("<h1", "<h2", "<h3", "<ul", "<ol", "<pre", "<blockquote", "<table", "<hr"):
        assert html.count(tag) == reference.count(tag), tag


def test_answers_beyond_the_exact_range_are_refused(tmp_path):
    result = run("fill", "success-plan", "--answers", _write(tmp_path, {"baseline": 1e16}))
    assert result.exit_code == 1 and "baseline: expected a number between" in result.output


@pytest.mark.parametrize("value", ["2026-02-30", "2026-13-01", "30/06/2026"])
def test_dates_must_exist(value, tmp_path):
    result = run("fill", "success-plan", "--answers", _write(tmp_path, {"target_date": value}))
    assert result.exit_code == 1 and "target_date: expected a real date" in result.output


def test_fill_reports_every_problem_with_its_line_and_column(tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "customer: ACME\ncolour: red\nbaseline: ten\nmilestones:\n  - {when: x}\n",
        encoding="utf-8",
    )
    result = run("fill", "success-plan", "--answers", str(answers))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert any(line.startswith(f"{answers}:2:1: colour: unknown field") for line in lines)
    assert f"{answers}:3:11: baseline: expected a number for a number field" in lines
    assert any(
        line.startswith(f"{answers}:5:6: milestones.0.when: unknown column") for line in lines
    ), lines
    assert any("business_goal: required field is missing" in line for line in lines)


def test_fill_customer_sets_the_customer_field(tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text(run("fill", "qbr", "--example", "--lang", "en").output, encoding="utf-8")
    filled = run("fill", "qbr", "--answers", str(answers), "--lang", "en", "--customer", "Acme Inc")
    assert filled.exit_code == 0, filled.output
    assert filled.output.startswith("# QBR: Acme Inc")
    refused = run("fill", "cs-strategy-plan", "--answers", str(answers), "--customer", "Acme")
    assert refused.exit_code == 1 and "no customer field" in refused.output
