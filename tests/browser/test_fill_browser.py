"""The template form in Chromium: its download is byte-identical to `cs-playbook fill`."""

from __future__ import annotations

import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import yaml

from generator.catalog import load_catalog
from generator.fill import fill
from tests.conftest import PROJECT_ROOT

pytestmark = pytest.mark.browser

CATALOG = load_catalog(PROJECT_ROOT / "frameworks", PROJECT_ROOT)


def answers_for(template_id: str) -> dict[str, object]:
    template = CATALOG.get("template", template_id)
    answers = {f.id: f.example for f in template.fields}
    short = next(f.id for f in template.fields if f.type == "short")
    answers[short] = "A | B # <b>x</b> [y](z) *w* `v`"
    return answers


def type_answers(page, template_id: str, answers: dict[str, object]) -> None:
    template = CATALOG.get("template", template_id)
    for field in template.fields:
        value = answers[field.id]
        selector = f".csp-fill [name='{field.id}']"
        if field.type == "table":
            rows = value  # type: ignore[assignment]
            for index, row in enumerate(rows):  # type: ignore[arg-type]
                if index:
                    page.click(f".csp-fill [data-field='{field.id}'] .csp-fill__add")
                line = page.locator(f".csp-fill [data-field='{field.id}'] .csp-fill__row").nth(
                    index
                )
                for column in field.columns:
                    line.locator(f"[data-column='{column.id}']").fill(str(row.get(column.id, "")))
        elif field.type == "choice":
            page.select_option(selector, str(value))
        elif field.type == "list":
            page.fill(selector, "\n".join(str(v) for v in value))  # type: ignore[union-attr]
        else:
            page.fill(selector, str(value))


@pytest.mark.parametrize(
    ("template_id", "lang"),
    [
        ("success-plan", "ja"),
        ("cs-strategy-document", "en"),
        ("review-30-60-90", "ja"),
        ("qbr", "en"),
    ],
)
def test_form_download_equals_cli_fill(page, site_url, tmp_path: Path, template_id, lang):
    answers = answers_for(template_id)
    page.goto(f"{site_url}/{lang}/templates/{template_id}/", wait_until="load")
    type_answers(page, template_id, answers)
    with page.expect_download() as info:
        page.click(".csp-fill__download")
    target = tmp_path / "form.md"
    info.value.save_as(target)
    expected = fill(CATALOG.get("template", template_id), answers, lang)
    assert target.read_text("utf-8") == expected
    # the same answers through the command line give the same bytes
    from click.testing import CliRunner

    from generator.cli import main

    answers_file = tmp_path / "answers.yaml"
    answers_file.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "cli.md"
    result = CliRunner().invoke(
        main,
        [
            "--project",
            str(PROJECT_ROOT),
            "fill",
            template_id,
            "--answers",
            str(answers_file),
            "--lang",
            lang,
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == target.read_bytes()
    assert page.request_log.outside == []


def test_draft_is_kept_and_reset(page, site_url):
    url = f"{site_url}/en/templates/success-plan/"
    page.goto(url, wait_until="load")
    page.fill(".csp-fill [name='customer']", "Draft Co")
    page.reload(wait_until="load")
    assert page.input_value(".csp-fill [name='customer']") == "Draft Co"
    assert "Draft Co" in page.locator(".csp-fill__preview").inner_text()
    page.click(".csp-fill__reset")
    page.reload(wait_until="load")
    assert page.input_value(".csp-fill [name='customer']") == ""
    assert "[fill in: Customer]" in page.locator(".csp-fill__preview").inner_text()


def test_blank_download_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/ja/templates/cs-strategy-plan/")
    href = page.get_attribute("a[download='cs-strategy-plan.md']", "href")
    assert href == "../../downloads/cs-strategy-plan.md"
    with urllib.request.urlopen(urllib.parse.urljoin(page.url, href)) as response:
        assert "【記入: 最重要課題】" in response.read().decode("utf-8")
    context.close()
