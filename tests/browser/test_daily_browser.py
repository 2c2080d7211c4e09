"""A site for daily work, in Chromium at 1366×900 and 390×844 in both languages: the home page
of situations, the language switch on any host and path, phones, the glossary order, print."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.catalog import load_catalog
from generator.kana import reading_key
from tests.conftest import PROJECT_ROOT

pytestmark = pytest.mark.browser

CATALOG = load_catalog(PROJECT_ROOT / "frameworks", PROJECT_ROOT)
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
SUB_PATH = "/handbook/cs"


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site below SUB_PATH only, as a reverse proxy or an intranet share would."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(f"{SUB_PATH}/"):
            return str(Path(self.directory) / "no-such-file")
        return super().translate_path(path[len(SUB_PATH) :])

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def sub_path_url(built_site: Path) -> Iterator[str]:
    """The same build served on another random port below a sub-path."""
    handler = functools.partial(_SubPathHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    server.shutdown()
    server.server_close()


def _pages(built_site: Path, lang: str) -> list[str]:
    return sorted(
        p.parent.relative_to(built_site / lang).as_posix()
        for p in (built_site / lang).rglob("index.html")
        if p.parent.name != "search"
    )


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_home_starts_from_situations(browser, site_url, lang):
    site = CATALOG.one("site")
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site_url}/{lang}/", wait_until="load")
    cards = page.locator(".csp-situations > ul > li")
    assert cards.count() == len(site.situations)
    for n, situation in enumerate(site.situations):
        card = cards.nth(n)
        assert situation.says(lang) in card.inner_text()
        for playbook in situation.links.playbooks:
            assert card.locator(f"a[href='playbooks/{playbook}/']").count() == 1
    leaders = page.locator("#leaders")
    assert leaders.count() == 1
    leader_links = page.locator("#leaders ~ ul a").evaluate_all("l => l.map(a => a.href)")
    assert any(h.endswith("/playbooks/cs-launch-90-days/") for h in leader_links)
    situation_links = cards.locator("a").evaluate_all("l => l.map(a => a.href)")
    assert not any(h.endswith("/playbooks/cs-launch-90-days/") for h in situation_links)
    # Short enough to take in on a phone (it was 6,500 px as one long list).
    assert page.evaluate("document.documentElement.scrollHeight") < 3500
    context.close()


@pytest.mark.parametrize(("start", "target"), [("ja", "en"), ("en", "ja")])
def test_switch_keeps_page_and_anchor_on_another_port_and_sub_path(
    page, sub_path_url, start, target
):
    page.goto(f"{sub_path_url}/{start}/playbooks/qbr/#draft-deck", wait_until="load")
    page.click(".md-header__option .md-select button")
    page.click(f".md-select__link[hreflang='{target}']")
    page.wait_for_url(f"**{SUB_PATH}/{target}/playbooks/qbr/**")
    assert page.url == f"{sub_path_url}/{target}/playbooks/qbr/#draft-deck"


def test_no_placeholder_addresses_without_configuration(built_site):
    page = (built_site / "ja" / "playbooks" / "qbr" / "index.html").read_text("utf-8")
    assert 'rel="canonical"' not in page
    assert "127.0.0.1" not in page and "github.com/example" not in page
    assert 'rel="edit"' not in page and "md-source" not in page
    assert not (built_site / "ja" / "sitemap.xml").exists()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_page_scrolls_sideways_on_a_phone(browser, site_url, built_site, lang):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    wide = []
    for path in _pages(built_site, lang):
        page.goto(f"{site_url}/{lang}/{path}/".replace("/./", "/"), wait_until="load")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide.append((path, width))
    context.close()
    assert wide == []


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_playbook_steps_are_cards_on_a_phone(browser, site_url, lang):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site_url}/{lang}/playbooks/high-touch/", wait_until="load")
    rows = page.locator(".csp-steps tr:has(td)")
    for n in range(rows.count()):
        channel = rows.nth(n).locator("td").nth(3).bounding_box()
        assert channel is not None and channel["x"] + channel["width"] <= PHONE["width"]
    assert page.locator(".csp-steps thead").is_hidden()
    context.close()


def test_japanese_headings_do_not_break_inside_words(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site_url}/ja/playbooks/high-touch/", wait_until="load")
    style = page.locator("h1").evaluate("h => getComputedStyle(h).wordBreak")
    assert style in ("auto-phrase", "keep-all")
    context.close()


def test_glossary_order_and_index(page, site_url):
    terms = [t for g in CATALOG.of("glossary") for t in g.terms]
    page.goto(f"{site_url}/ja/glossary/", wait_until="load")
    ids = page.locator("details.csp-term").evaluate_all("l => l.map(d => d.id)")
    keys = [
        reading_key(CATALOG.get("term", i).reading or CATALOG.get("term", i).head("ja"))
        for i in ids
    ]
    assert keys == sorted(keys) and len(ids) == len(terms)
    index = page.locator(".csp-index a").all_inner_texts()
    assert index[0] == "あ" and "か" in index
    page.goto(f"{site_url}/en/glossary/", wait_until="load")
    english = page.locator("details.csp-term summary").all_inner_texts()
    assert [e.casefold() for e in english] == sorted(e.casefold() for e in english)
    assert page.locator(".csp-index a").first.inner_text() == "A"
    intro = page.locator(".md-content p").first.inner_text()
    assert "hover" not in intro.lower()


def test_term_link_opens_its_explanation_and_abbreviations_open_on_tap(browser, site_url):
    context = browser.new_context(viewport=PHONE, has_touch=True)
    page = context.new_page()
    page.goto(f"{site_url}/ja/glossary/#nrr", wait_until="load")
    assert page.locator("details#nrr").get_attribute("open") is not None
    assert page.locator("details#grr").get_attribute("open") is None
    page.goto(f"{site_url}/ja/kpis/nrr/", wait_until="load")
    abbr = page.locator(".md-content abbr[title]").first
    abbr.tap()
    tip = page.locator(".csp-abbr-tip")
    assert tip.inner_text() == abbr.get_attribute("title")
    context.close()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_printed_playbook_has_dates_not_forms(browser, site_url, lang):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{site_url}/{lang}/playbooks/qbr/", wait_until="load")
    page.emulate_media(media="print")
    assert page.locator(".csp-schedule").is_hidden()  # nothing to print before a date is set
    page.emulate_media(media="screen")
    page.fill(".csp-schedule input[name=anchor]", "2026-06-30")
    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden()
    assert page.locator(".md-sidebar--primary").is_hidden()
    assert page.locator(".csp-schedule input[name=anchor]").is_hidden()
    assert page.locator(".csp-schedule__ics").is_hidden()
    assert page.locator(".csp-schedule__list li").first.is_visible()
    dates = page.locator(".csp-steps .csp-step-date")
    assert dates.count() > 0 and dates.first.is_visible()
    assert page.locator(".csp-schedule__list li").first.inner_text().startswith("2026-")
    context.close()
