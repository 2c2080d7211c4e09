"""The built site in Chromium: search per language, language switch, no outside requests."""

from __future__ import annotations

import pytest

from tests.browser.search_probe import open_search, search

pytestmark = pytest.mark.browser


def test_japanese_query_finds_health_score_on_japanese_site_only(page, engine_site_url):
    open_search(page, engine_site_url, "ja")
    outcome = search(page, "ヘルススコア")
    assert outcome.urls, "no results"
    assert any("frameworks/health-score" in u for u in outcome.urls[:5]), outcome.urls
    assert all("/en/" not in u for u in outcome.urls), outcome.urls
    assert page.request_log.outside == []


def test_english_query_finds_churn_page_on_english_site_only(page, engine_site_url):
    open_search(page, engine_site_url, "en")
    outcome = search(page, "churn")
    assert any("frameworks/churn-prediction" in u for u in outcome.urls[:5]), outcome.urls
    assert all("/ja/" not in u for u in outcome.urls), outcome.urls


def test_english_query_on_japanese_site_returns_no_english_pages(page, site_url):
    open_search(page, site_url, "ja")
    outcome = search(page, "prediction")
    assert all("/en/" not in u for u in outcome.urls)


@pytest.mark.parametrize(
    ("start", "target"),
    [("ja", "en"), ("en", "ja")],
)
def test_language_switch_lands_on_the_same_page(page, engine_site_url, start, target):
    page.goto(f"{engine_site_url}/{start}/frameworks/health-score/", wait_until="networkidle")
    page.click(".md-header__option .md-select button")
    page.click(f".md-select__link[hreflang='{target}']")
    page.wait_for_url(f"**/{target}/frameworks/health-score/")
    assert page.url.endswith(f"/{target}/frameworks/health-score/")


def test_no_request_leaves_the_site(page, engine_site_url):
    for path in (
        "ja/",
        "en/",
        "ja/frameworks/health-score/",
        "en/playbooks/high-touch/",
        "ja/glossary/",
    ):
        page.goto(f"{engine_site_url}/{path}", wait_until="networkidle")
    assert page.request_log.urls, "the request log saw nothing"
    assert page.request_log.outside == []


def test_root_sends_reader_to_their_language(browser, site_url):
    for locale, lang in (("en-US", "en"), ("ja-JP", "ja"), ("fr-FR", "ja")):
        context = browser.new_context(locale=locale)
        page = context.new_page()
        page.goto(f"{site_url}/", wait_until="networkidle")
        assert page.url.endswith(f"/{lang}/"), (locale, page.url)
        context.close()


def test_abbreviation_shows_its_meaning(page, site_url):
    page.goto(f"{site_url}/en/glossary/", wait_until="networkidle")
    abbr = page.locator("abbr[title]").first
    assert abbr.count() == 1
    assert abbr.get_attribute("title")


@pytest.mark.parametrize(
    ("lang", "query", "first"),
    [
        ("en", "QBR template", "templates/qbr/"),  # the page's kind counts as part of its title
        ("en", "churn playbook", "playbooks/churn-risk-intervention/"),
        ("ja", "QBR資料", "templates/qbr/"),  # Latin letters typed onto Japanese count
        ("ja", "解約 プレイブック", "playbooks/churn-risk-intervention/"),
    ],
)
def test_a_kind_or_an_abbreviation_in_the_query_narrows_the_results(
    page, site_url, lang, query, first
):
    open_search(page, site_url, lang)
    outcome = search(page, query)
    assert outcome.urls and first in outcome.urls[0], outcome.urls


def test_a_plural_finds_the_pages_that_use_the_singular(page, site_url):
    open_search(page, site_url, "en")
    top = search(page, "QBRs").urls[:5]  # the QBR pages say "QBR", not "QBRs"
    for expected in ("playbooks/qbr/", "templates/qbr/"):
        assert any(expected in u for u in top), top


@pytest.mark.parametrize("query", ["成功計画書", "アンケート集計", "ヘルス スコア 重み"])
def test_results_never_show_the_search_s_own_tokens(page, site_url, query):
    """Pages are indexed with hidden pair tokens; no reader sees them in a result."""
    open_search(page, site_url, "ja")
    outcome = search(page, query)
    assert outcome.urls, "no results"
    shown = page.locator(".cs-search__results").inner_text()
    assert "zq" not in shown, shown


def test_a_misspelt_word_is_corrected_and_said_so(page, site_url):
    open_search(page, site_url, "en")
    outcome = search(page, "onbording")
    assert any("frameworks/onboarding-journey/" in u for u in outcome.urls[:5]), outcome.urls
    hint = page.locator(".cs-search__hint")
    assert hint.is_visible() and "onboarding" in hint.inner_text()
