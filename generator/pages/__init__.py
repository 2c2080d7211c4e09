"""What pages the site has: one builder module per section, each returning page specs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generator.catalog import Catalog


@dataclass(frozen=True)
class PageSpec:
    """A page to render: where it goes, which template, with what data, from which file."""

    path: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    source: str | None = None


PageBuilder = Callable[[Catalog], list[PageSpec]]


def plan_pages(catalog: Catalog) -> list[PageSpec]:
    """Every page of the site (the same set in every language)."""
    from generator.pages import sections

    pages: list[PageSpec] = []
    for builder in sections.BUILDERS:
        pages.extend(builder(catalog))
    return pages
