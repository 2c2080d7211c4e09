"""The search box as a reader uses it: keys, a phone, the opened page, the result's parts."""

from __future__ import annotations

import pytest

from tests.browser.search_probe import BOX, RESULT_LINKS, open_search, search

pytestmark = pytest.mark.browser


def test_slash_or_s_focuses_the_box_and_arrows_and_enter_open_a_result(page, site_url):
    page.goto(f"{site_url}/en/frameworks/", wait_until="load")
    for key in ("/", "s"):
        page.locator("body").click(position={"x": 5, "y": 300})
        page.keyboard.press(key)
        assert page.evaluate("document.activeElement.classList.contains('cs-search__input')")
        assert page.locator(BOX).input_value() == ""  # the key itself is not typed
    outcome = search(page, "churn")
    assert len(outcome.urls) >= 2
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    second = page.locator("[data-search-result]").nth(1)
    assert "cs-search__active" in (second.get_attribute("class") or "")
    second_path = outcome.urls[1].split("?")[0]
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{second_path}?*")
    assert page.url.split("?")[0].endswith(second_path)


def test_the_opened_page_highlights_the_query(page, site_url):
    open_search(page, site_url, "ja")
    outcome = search(page, "ﾍﾙｽｽｺｱ")  # typed half-width; the page writes it full-width
    page.locator(RESULT_LINKS).first.click()
    page.wait_for_load_state("load")
    hits = page.locator("article mark.cs-search-hit")
    hits.first.wait_for()
    assert "ヘルススコア" in hits.first.inner_text(), outcome.urls


def test_each_result_shows_its_kind_and_the_matching_passage(page, site_url):
    open_search(page, site_url, "en")
    search(page, "net revenue retention")
    first = page.locator("[data-search-result]").first
    assert first.locator(".cs-search__kind").inner_text().strip()
    assert first.locator(".cs-search__passage mark").count() >= 1
    # Laid out as a panel of results, each kind a label and each passage a line of its own
    # (one unclosed rule in the stylesheet once left them run together in the header).
    style = "(e, p) => getComputedStyle(e)[p]"
    assert page.locator(".cs-search__panel").evaluate(style, "position") == "absolute"
    assert first.locator(".cs-search__kind").evaluate(style, "display") == "inline-block"
    assert first.locator(".cs-search__passage").evaluate(style, "display") == "block"


def test_search_works_on_a_phone(browser, site_url):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="ja-JP"
    )
    page = context.new_page()
    try:
        open_search(page, site_url, "ja")
        outcome = search(page, "解約")
        assert outcome.urls
        panel = page.locator(".cs-search__panel").bounding_box()
        assert panel is not None
        assert panel["x"] >= 0 and panel["x"] + panel["width"] <= 390
        style = "(e, p) => getComputedStyle(e)[p]"
        assert page.locator(".cs-search__panel").evaluate(style, "position") == "fixed"
        assert page.locator("[data-search-result]").first.is_visible()
    finally:
        context.close()


@pytest.mark.parametrize(("lang", "query"), [("ja", "churn"), ("en", "解約")])
def test_no_result_comes_from_the_other_language(page, site_url, lang, query):
    open_search(page, site_url, lang)
    outcome = search(page, query)
    assert outcome.urls
    other = "/en/" if lang == "ja" else "/ja/"
    assert all(other not in u and f"/{lang}/" in u for u in outcome.urls), outcome.urls
    assert page.request_log.outside == []
