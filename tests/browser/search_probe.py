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
    """Type ``query`` into the open search box and collect the result links."""
    box = page.locator("input[data-md-component='search-query']")
    box.fill("")
    page.wait_for_timeout(50)
    started = time.perf_counter()
    box.type(query)
    box.press("End")  # Material reads the query on keyup; non-ASCII typing sends no key events
    first_ms: float | None = None
    deadline = started + timeout_ms / 1000
    # One result per page: Material lists a page's matching sections inside its item.
    items = page.locator(".md-search-result__item > a.md-search-result__link:first-child")
    while time.perf_counter() < deadline:
        if items.count() > 0:
            first_ms = (time.perf_counter() - started) * 1000
            break
        page.wait_for_timeout(10)
    if first_ms is None:
        return SearchOutcome([], None)
    page.wait_for_timeout(150)  # let the list settle after the first paint
    urls = [items.nth(i).get_attribute("href") or "" for i in range(items.count())]
    return SearchOutcome(urls, first_ms)
