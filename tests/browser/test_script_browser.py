"""Script pages in Chromium: the form fills the placeholders exactly like generator/fill.py."""

from __future__ import annotations

import pytest

from generator.catalog import load_catalog
from generator.fill import examples, fill, placeholder
from generator.pages.scripts_pages import script_document
from tests.conftest import PROJECT_ROOT

pytestmark = pytest.mark.browser

CATALOG = load_catalog(PROJECT_ROOT / "frameworks", PROJECT_ROOT)


@pytest.mark.parametrize(
    ("script_id", "lang"), [("renewal-60-days", "ja"), ("qbr-follow-up", "en")]
)
def test_typing_the_account_fills_the_script(page, site_url, script_id, lang):
    script = CATALOG.get("script", script_id)
    document = script_document(script)
    page.goto(f"{site_url}/{lang}/scripts/{script_id}/", wait_until="load")
    preview = page.locator(".csp-fill__preview code")
    # Before anything is typed, every account value is a visible placeholder.
    first = script.fields[0]
    assert placeholder(first.label(lang), lang) in preview.inner_text()
    assert preview.inner_text() == fill(document, {}, lang)
    answers = examples(script, lang)
    for field in script.fields:
        value = answers[field.id]
        if field.type == "table":
            for index, row in enumerate(value):
                if index:
                    page.click(f".csp-fill [data-field='{field.id}'] .csp-fill__add")
                line = page.locator(f".csp-fill [data-field='{field.id}'] .csp-fill__row")
                for column in field.columns:
                    line.nth(index).locator(f"[data-column='{column.id}']").fill(row[column.id])
        elif field.type == "list":
            page.fill(f".csp-fill [name='{field.id}']", "\n".join(value))
        else:
            page.fill(f".csp-fill [name='{field.id}']", str(value))
    filled = preview.inner_text()
    assert filled == fill(document, answers, lang)
    assert "[[" not in filled and placeholder(first.label(lang), lang) not in filled
