"""The guides in Chromium: the onboarding checklist keeps its ticks; challenge links resolve."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_progress_checklist_is_kept_in_the_browser(page, site_url, lang):
    url = f"{site_url}/{lang}/csm-onboarding/"
    page.goto(url, wait_until="networkidle")
    boxes = page.locator(".csp-progress input[type=checkbox]")
    total = boxes.count()
    assert total >= 10
    status = page.locator(".csp-progress__status")
    assert status.inner_text().startswith("0")
    boxes.nth(0).check(force=True)
    boxes.nth(3).check(force=True)
    page.reload(wait_until="networkidle")
    boxes = page.locator(".csp-progress input[type=checkbox]")
    assert boxes.nth(0).is_checked() and boxes.nth(3).is_checked()
    assert not boxes.nth(1).is_checked()
    assert status.inner_text().startswith("2")
    page.click(".csp-progress__reset")
    page.reload(wait_until="networkidle")
    assert not page.locator(".csp-progress input[type=checkbox]").nth(0).is_checked()
    assert page.request_log.outside == []


def test_without_javascript_the_path_is_a_plain_checklist(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/en/csm-onboarding/")
    assert page.locator(".csp-progress input[type=checkbox]").count() >= 10
    assert page.locator(".csp-progress__reset").is_hidden()
    context.close()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_challenge_link_opens_a_page(page, site_url, lang):
    page.goto(f"{site_url}/{lang}/challenges/", wait_until="networkidle")
    hrefs = page.eval_on_selector_all(
        "article a[href]:not(.headerlink)", "els => els.map(e => e.href)"
    )
    targets = sorted({h.split("#")[0] for h in hrefs if h.startswith(site_url)})
    assert len(targets) >= 8
    for target in targets:
        response = page.goto(target)
        assert response is not None and response.status == 200, target
    assert page.request_log.outside == []


def test_ticks_follow_the_stage_into_the_other_language(page, site_url):
    page.goto(f"{site_url}/en/csm-onboarding/", wait_until="networkidle")
    week_2 = page.locator(".csp-progress h2#week-2 ~ ul input[type=checkbox]")
    week_2.nth(0).check(force=True)
    page.goto(f"{site_url}/ja/csm-onboarding/", wait_until="networkidle")
    boxes = page.locator(".csp-progress input[type=checkbox]")
    checked = [i for i in range(boxes.count()) if boxes.nth(i).is_checked()]
    assert len(checked) == 1
    assert page.locator(".csp-progress h2#week-2 ~ ul input[type=checkbox]").nth(0).is_checked()
    assert not page.locator(".csp-progress h2#week-1 ~ ul input[type=checkbox]").nth(0).is_checked()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_framework_tag_leads_to_its_place_on_the_tag_index(page, site_url, lang):
    page.goto(f"{site_url}/{lang}/frameworks/health-score/", wait_until="networkidle")
    link = page.locator("article a[href*='tags/#']").first
    anchor = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith(f"/{lang}/tags/#{anchor}")
    heading = page.locator(f"h3#{anchor}")
    assert heading.count() == 1
    following = heading.locator("xpath=following-sibling::ul[1]//a")
    assert "health-score" in " ".join(following.evaluate_all("els => els.map(e => e.href)"))
