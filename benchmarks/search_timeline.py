"""Where the time of a first query goes, in Chromium on a freshly opened page.

Usage::

    python -m benchmarks.search_timeline SITE_DIR LANG QUERY [QUERY …]

For each query, a new browser context (empty cache) opens the language's home page, clicks
into the search box and enters the query whole. Printed, in milliseconds from the click: every
request the page and Pagefind's worker made (start, end, bytes) and the search script's
Performance marks (``cs-search:ready`` when Pagefind and the rules are loaded, ``:found`` when
the searches answered, ``:shown`` when the results are on screen). The same query is then
entered again on the warm page, to tell one-off costs from per-query ones.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from tests.browser.score_search import CHROMIUM_ARGS, serve
from tests.browser.search_probe import BOX, search

_MARKS = """since => performance.getEntriesByType('mark')
  .filter(m => m.name.startsWith('cs-search:') && m.startTime >= since)
  .map(m => [Math.round(m.startTime - since), m.name])"""


def timeline(browser: Any, site_url: str, lang: str, query: str) -> list[str]:
    """Lines of one query's timeline (see the module's text)."""
    context = browser.new_context()
    requests: list[Any] = []
    context.on("requestfinished", lambda request: requests.append(request))
    page = context.new_page()
    try:
        page.goto(f"{site_url}/{lang}/", wait_until="networkidle")
        since, epoch = page.evaluate("[performance.now(), Date.now()]")
        page.locator(BOX).click()
        outcome = search(page, query)
        page.wait_for_load_state("networkidle")
        events: list[tuple[int, str]] = []
        total = 0
        for request in requests:
            timing = request.timing
            if timing["startTime"] < epoch:
                continue
            size = int(request.sizes()["responseBodySize"])
            total += size
            start = round(timing["startTime"] - epoch)
            end = round(timing["startTime"] + timing["responseEnd"] - epoch)
            name = "/".join(request.url.split("?", 1)[0].split("/")[-2:])
            events.append((start, f"request {name} → {end} ({size / 1024:.1f} KB)"))
        events += [(at, f"mark {name}") for at, name in page.evaluate(_MARKS, since)]
        first = outcome.first_result_ms or float("nan")
        lines = [f"{query}: first result {first:.0f} ms, {total / 1024:.0f} KB"]
        lines += [f"  {at:6d}  {text}" for at, text in sorted(events)]
        again_since = page.evaluate("performance.now()")
        again = search(page, query)
        marks = page.evaluate(_MARKS, again_since)
        warm = again.first_result_ms or float("nan")
        lines.append(f"  again on the warm page: {warm:.0f} ms, marks {marks}")
    finally:
        context.close()
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("lang")
    parser.add_argument("queries", nargs="+")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("CS_PLAYBOOK_CHROMIUM", "/usr/bin/chromium")
    with serve(args.site) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for query in args.queries:
            print("\n".join(timeline(browser, url, args.lang, query)))
        browser.close()


if __name__ == "__main__":
    main()
