"""The real site runs under its Content-Security-Policy without a single violation."""

from __future__ import annotations

import pytest

from tests.browser.search_probe import open_search, search
from tests.browser.test_injection import RECORD_VIOLATIONS, recorded_violations

pytestmark = pytest.mark.browser

SECTIONS = ["frameworks", "playbooks", "templates", "kpis", "checklists", "question-sets"]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_csp_violation_while_reading_and_using_the_site(
    browser, built_site, engine_site_url, lang
):
    context = browser.new_context(locale="ja-JP" if lang == "ja" else "en-US")
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.goto(f"{engine_site_url}/", wait_until="load")  # the language chooser sends us on
    page.wait_for_url(f"{engine_site_url}/{lang}/")
    paths = [f"{lang}/", f"{lang}/404.html", f"{lang}/glossary/"]
    for section in SECTIONS:
        items = sorted(p.name for p in (built_site / lang / section).iterdir() if p.is_dir())
        paths += [f"{lang}/{section}/", f"{lang}/{section}/{items[0]}/"]
    for path in paths:
        page.goto(f"{engine_site_url}/{path}", wait_until="load")
        # Use what the page offers: calculators, forms and schedules run our scripts.
        for selector, value in (
            (".csp-calc input[type=number]", "7"),
            (".csp-fill__form input, .csp-fill__form textarea", "x"),
            (".csp-schedule input[name=anchor]", "2026-04-01"),
        ):
            fields = page.locator(selector)
            if fields.count():
                fields.first.fill(value)
    open_search(page, engine_site_url, lang)
    outcome = search(page, "health" if lang == "en" else "ヘルス")
    assert outcome.urls  # search (its worker and index) works under the policy
    other = "en" if lang == "ja" else "ja"
    with page.expect_navigation(wait_until="load"):
        page.locator(f"a.md-select__link[hreflang={other}]").dispatch_event("click")
    assert f"/{other}/" in page.url
    violations = recorded_violations(page)
    context.close()
    assert violations == []
