"""Drive the site's search box in a real browser and read the results (tests and the probe).

Results are read from the DOM: every element with ``data-search-result`` holds one result's
link, in rank order.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

BOX = "input.cs-search__input"
RESULT_LINKS = "[data-search-result] a"


@dataclass
class SearchOutcome:
    """Result pages' URLs in rank order and the milliseconds until the first result showed."""

    urls: list[str]
    first_result_ms: float | None


def open_search(page: Any, site_url: str, lang: str, path: str = "") -> None:
    """Load a page of the language's site (its home page by default) and focus the search box."""
    page.goto(f"{site_url}/{lang}/{path}", wait_until="load")
    box = page.locator(BOX)
    box.wait_for(state="visible")
    box.click()


def search(page: Any, query: str, timeout_ms: int = 5000) -> SearchOutcome:
    """Enter ``query`` into the search box and collect the result links.

    The query arrives whole, as an IME commit or a paste delivers it. The time to the first
    result is measured from then, so it is the search's own latency, not the typing speed.
    """
    box = page.locator(BOX)
    items = page.locator(RESULT_LINKS)
    box.fill("")
    clear_deadline = time.perf_counter() + timeout_ms / 1000
    while items.count() > 0 and time.perf_counter() < clear_deadline:
        page.wait_for_timeout(10)
    started = time.perf_counter()
    box.fill(query)
    first_ms: float | None = None
    deadline = started + timeout_ms / 1000
    while time.perf_counter() < deadline:
        if items.count() > 0:
            first_ms = (time.perf_counter() - started) * 1000
            break
        page.wait_for_timeout(5)
    if first_ms is None:
        return SearchOutcome([], None)
    urls = [items.nth(i).get_attribute("href") or "" for i in range(items.count())]
    return SearchOutcome(urls, first_ms)


def rank_of(urls: list[str], expect: list[str]) -> int | None:
    """1-based rank of the first URL that is one of the expected pages, or None."""
    for rank, url in enumerate(urls, start=1):
        path = url.split("?", 1)[0]
        if any(f"/{target}/" in path or path.rstrip("/").endswith(target) for target in expect):
            return rank
    return None


@dataclass
class FirstQueryCost:
    """One query typed into a freshly opened page with an empty cache."""

    first_result_ms: float | None
    #: Bytes of every response from the moment the query was typed to the first result.
    search_bytes: int
    #: Bytes of the page itself (HTML, CSS, scripts) before the query was typed.
    page_bytes: int
    urls: list[str]


def first_query_cost(browser: Any, site_url: str, lang: str, query: str) -> FirstQueryCost:
    """Open the language's home page in a new context (empty cache) and type one query.

    Requests are told apart by when the browser started them (not by when Playwright
    reports them, which can be later): from the click into the box on, they are the search's.
    """
    context = browser.new_context(locale="ja-JP" if lang == "ja" else "en-US")
    requests: list[Any] = []
    page = context.new_page()
    page.on("requestfinished", lambda request: requests.append(request))
    try:
        page.goto(f"{site_url}/{lang}/", wait_until="networkidle")
        typed_at = float(page.evaluate("Date.now()"))
        page.locator(BOX).click()
        outcome = search(page, query)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(100)
        search_bytes = page_bytes = 0
        for request in requests:
            body = int(request.sizes()["responseBodySize"])
            if request.timing["startTime"] >= typed_at:
                search_bytes += body
            else:
                page_bytes += body
    finally:
        context.close()
    return FirstQueryCost(outcome.first_result_ms, search_bytes, page_bytes, outcome.urls)
