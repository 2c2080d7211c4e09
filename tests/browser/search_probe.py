"""Drive Material's search box in a real browser and read the results (tests and the probe)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any


@dataclass
class SearchOutcome:
    """Result pages' URLs in rank order and the milliseconds until the first result showed."""

    urls: list[str]
    first_result_ms: float | None


def open_search(page: Any, site_url: str, lang: str) -> None:
    """Load the language's home page and wait until search is ready."""
    page.goto(f"{site_url}/{lang}/", wait_until="networkidle")
    box = page.locator("input[data-md-component='search-query']")
    box.wait_for(state="visible")
    box.click()


def search(page: Any, query: str, timeout_ms: int = 5000) -> SearchOutcome:
    """Enter ``query`` into the open search box and collect the result links.

    The query arrives whole, as an IME commit or a paste delivers it, followed by a key
    release (Material searches on keyup). The time to the first result is measured from
    that key release, so it is the search's own latency, not the typing speed.
    """
    box = page.locator("input[data-md-component='search-query']")
    # One result per page: Material lists a page's matching sections inside its item.
    items = page.locator(".md-search-result__item > a.md-search-result__link:first-child")
    box.fill("")
    box.press("End")
    clear_deadline = time.perf_counter() + timeout_ms / 1000
    while items.count() > 0 and time.perf_counter() < clear_deadline:
        page.wait_for_timeout(10)
    box.fill(query)
    started = time.perf_counter()
    box.press("End")
    first_ms: float | None = None
    deadline = started + timeout_ms / 1000
    while time.perf_counter() < deadline:
        if items.count() > 0:
            first_ms = (time.perf_counter() - started) * 1000
            break
        page.wait_for_timeout(5)
    if first_ms is None:
        return SearchOutcome([], None)
    page.wait_for_timeout(150)  # let the list settle after the first paint
    urls = [items.nth(i).get_attribute("href") or "" for i in range(items.count())]
    return SearchOutcome(urls, first_ms)


def rank_of(urls: list[str], expect: list[str]) -> int | None:
    """1-based rank of the first URL that is one of the expected pages, or None."""
    for rank, url in enumerate(urls, start=1):
        if any(f"/{target}/" in url or url.rstrip("/").endswith(target) for target in expect):
            return rank
    return None
