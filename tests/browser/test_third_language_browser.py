"""The trilingual fixture's German site in Chromium: its language, its labels, a switch to
all three languages that keeps the page, and a working calculator."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator

import pytest

from generator.site_build import build_site
from tests.fixtures.projects import TRILINGUAL, make_project

pytestmark = pytest.mark.browser


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def tri_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The trilingual fixture built and served on loopback."""
    project = make_project(TRILINGUAL, tmp_path_factory.mktemp("tri") / "project")
    build_site(project, project / "site")
    handler = functools.partial(_Quiet, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_the_german_site_speaks_german_and_switches_to_the_same_page(page, tri_url):
    page.goto(f"{tri_url}/de/kpis/retention/", wait_until="networkidle")
    assert page.get_attribute("html", "lang") == "de"
    assert page.locator("h1").first.inner_text().rstrip("¶") == "Bindungsrate"
    assert page.get_by_role("heading", name="Rechner").count() == 1
    links = page.locator(".md-select__link")
    assert links.evaluate_all("ls => ls.map(l => l.getAttribute('hreflang'))") == ["ja", "en", "de"]
    assert [t.strip() for t in links.all_inner_texts()] == ["日本語", "English", "Deutsch"]
    page.click(".md-header__option .md-select button")
    page.click(".md-select__link[hreflang='en']")
    page.wait_for_url("**/en/kpis/retention/")
    assert page.get_attribute("html", "lang") == "en"
    assert page.request_log.outside == []


def test_the_german_calculator_computes(page, tri_url):
    page.goto(f"{tri_url}/de/kpis/retention/", wait_until="networkidle")
    output = page.locator(".csp-calc output[name=result]")
    page.fill(".csp-calc input[name=kept]", "30")
    page.fill(".csp-calc input[name=start]", "40")
    assert output.get_attribute("data-value") == "0.75"
    assert output.inner_text() == "75.0 %"  # the German labels' "{value} %"


def test_the_root_page_sends_a_german_browser_to_the_german_site(browser, tri_url):
    context = browser.new_context(locale="de-DE")
    try:
        page = context.new_page()
        page.goto(f"{tri_url}/", wait_until="commit")
        page.wait_for_url("**/de/")
        assert page.get_attribute("html", "lang") == "de"
    finally:
        context.close()
