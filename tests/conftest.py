"""Shared fixtures: project root, a full build of the real content, a loopback server, Chromium."""

from __future__ import annotations

import contextlib
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


@contextlib.contextmanager
def _serving(folder: Path) -> Iterator[int]:
    """A loopback HTTP server for ``folder``; yields its port."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def _server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, int]]:
    """A loopback HTTP server for the built site."""
    work = tmp_path_factory.mktemp("project")
    with _serving(work / "site") as port:
        yield work, port


def _say(config: pytest.Config, line: str) -> None:
    """A progress line in pytest's output, for steps that take long before a test reports."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(line)


def _build_real_project(work: Path, engine: str) -> Path:
    """Copy the real project's sources into ``work`` and build them with ``engine``.

    Built as it ships, without a site address (``CS_PLAYBOOK_SITE_URL`` unset), so tests
    see what a reader gets on any host: relative language switches, no canonical links.
    """
    from generator.site_build import build_site

    for src in PROJECT_ROOT.iterdir():
        if src.name in ("frameworks", "docs", "overrides"):
            shutil.copytree(src, work / src.name)
        elif src.name.startswith("mkdocs.") and src.suffix == ".yml":
            shutil.copy2(src, work / src.name)
    previous = os.environ.pop("CS_PLAYBOOK_SITE_URL", None)
    try:
        build_site(work, work / "site", engine)
    finally:
        if previous is not None:
            os.environ["CS_PLAYBOOK_SITE_URL"] = previous
    return work / "site"


@pytest.fixture(scope="session")
def built_site(_server: tuple[Path, int], pytestconfig: pytest.Config) -> Path:
    """The real project built once per test run (both languages, MkDocs) into a temporary
    folder."""
    _say(pytestconfig, "building the real site (both languages) for the tests that read it…")
    return _build_real_project(_server[0], "mkdocs")


@pytest.fixture(scope="session")
def zensical_site_url(
    tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config
) -> Iterator[str]:
    """The real project built once per test run with Zensical, served on loopback."""
    work = tmp_path_factory.mktemp("zensical")
    _say(pytestconfig, "building the real site with Zensical for the tests that compare engines…")
    site = _build_real_project(work, "zensical")
    with _serving(site) as port:
        yield f"http://127.0.0.1:{port}"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path, _server: tuple[Path, int]) -> str:
    """The built site's address on loopback."""
    return f"http://127.0.0.1:{_server[1]}"


@pytest.fixture(params=["mkdocs", "zensical"])
def engine_site_url(request: pytest.FixtureRequest) -> str:
    """The site's address as built by each engine in turn (for the tests both must pass)."""
    name = "site_url" if request.param == "mkdocs" else "zensical_site_url"
    return str(request.getfixturevalue(name))


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
