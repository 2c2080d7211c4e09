"""Shared fixtures: project root, a full build of the real content, a loopback server, Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CS_PLAYBOOK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def project_root() -> Path:
    return PROJECT_ROOT


@pytest.fixture(scope="session")
def _server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, int]]:
    """A loopback HTTP server for the built site."""
    work = tmp_path_factory.mktemp("project")
    handler = functools.partial(_QuietHandler, directory=str(work / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield work, server.server_address[1]
    server.shutdown()
    server.server_close()


def _say(config: pytest.Config, line: str) -> None:
    """A progress line in pytest's output, for steps that take long before a test reports."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(line)


@pytest.fixture(scope="session")
def built_site(_server: tuple[Path, int], pytestconfig: pytest.Config) -> Path:
    """The real project built once per test run (both languages) into a temporary folder.

    Built as it ships, without a site address (``CS_PLAYBOOK_SITE_URL`` unset), so tests
    see what a reader gets on any host: relative language switches, no canonical links.
    """
    from generator.site_build import build_site

    work, _port = _server
    for name in ("mkdocs.yml", "frameworks", "docs", "overrides"):
        src = PROJECT_ROOT / name
        if src.is_dir():
            shutil.copytree(src, work / name)
        elif src.exists():
            shutil.copy2(src, work / name)
    previous = os.environ.pop("CS_PLAYBOOK_SITE_URL", None)
    _say(pytestconfig, "building the real site (both languages) for the tests that read it…")
    try:
        build_site(work, work / "site")
    finally:
        if previous is not None:
            os.environ["CS_PLAYBOOK_SITE_URL"] = previous
    return work / "site"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path, _server: tuple[Path, int]) -> str:
    """The built site's address on loopback."""
    return f"http://127.0.0.1:{_server[1]}"


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (see README)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class RequestLog:
    """Every URL a page asked for; ``outside`` lists the ones that left loopback."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    @property
    def outside(self) -> list[str]:
        allowed = ("http://127.0.0.1", "data:", "blob:", "about:")
        return [u for u in self.urls if not u.startswith(allowed)]


@pytest.fixture
def page(browser: object, request: pytest.FixtureRequest) -> Iterator[object]:
    """A fresh browser page; its requests are logged in ``page.request_log``.

    Requests that would leave the machine are aborted (and still logged).
    """
    lang = getattr(request, "param", "ja")
    context = browser.new_context(locale="ja-JP" if lang == "ja" else "en-US")  # type: ignore[attr-defined]
    log = RequestLog()

    def route(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        log.urls.append(url)
        if url.startswith(("http://127.0.0.1", "data:", "blob:")):
            route.continue_()  # type: ignore[attr-defined]
        else:
            route.abort()  # type: ignore[attr-defined]

    context.route("**/*", route)
    page = context.new_page()
    page.request_log = log
    yield page
    context.close()
