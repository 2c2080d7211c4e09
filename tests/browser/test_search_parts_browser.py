"""Search over an index in parts: a site larger than one part (``PART_PAGES``) is indexed in
several, and the browser searches them together, so every page is found, whichever part
holds it."""

from __future__ import annotations

import functools
import html
import http.server
import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import search_site
from generator.site_build import build_site
from tests.browser.search_probe import open_search, rank_of, search
from tests.fixtures.projects import TRILINGUAL, make_project

pytestmark = pytest.mark.browser

_H1 = re.compile(r"<h1[^>]*>(.*?)<a ", re.S)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def parts_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The trilingual fixture built with parts of three pages, served on loopback."""
    project = make_project(TRILINGUAL, tmp_path_factory.mktemp("parts") / "project")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_site, "PART_PAGES", 3)
        build_site(project, project / "site")
    site = project / "site"
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield site, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _titled_pages(site: Path, lang: str) -> dict[str, str]:
    """Folder path → title of every page of a language that has a title of its own."""
    out = {}
    for path in sorted((site / lang).rglob("index.html")):
        rel = path.parent.relative_to(site / lang).as_posix()
        found = _H1.search(path.read_text("utf-8"))
        if found and rel not in (".",) and not rel.startswith(("pagefind", "search", "changes")):
            out[rel] = html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).strip()
    return out


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_page_is_found_whichever_part_holds_it(page, parts_site, lang):
    site, url = parts_site
    parts = json.loads((site / lang / "search/parts.json").read_text("utf-8"))
    pages = _titled_pages(site, lang)
    assert len(parts) >= 2
    for part in parts:  # listed relative to the parts file, each a Pagefind index
        assert (site / lang / "search" / part / "pagefind-entry.json").is_file()
    open_search(page, url, lang)
    for rel, title in pages.items():
        found = search(page, title)
        assert rank_of(found.urls, [rel]) is not None, (title, found.urls)
    assert page.request_log.outside == []
