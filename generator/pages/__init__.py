"""What pages the site has: a page per item of each kind (generator.kinds), and the pages
made by the builders registered here (home, guides, glossary, tags)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generator.catalog import Catalog
from generator.kinds import KINDS, Kind


@dataclass(frozen=True)
class PageSpec:
    """A page to render: where it goes, which template, with what data, from which file."""

    path: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    source: str | None = None


PageBuilder = Callable[[Catalog], list[PageSpec]]
ItemContext = Callable[[Catalog, Any], dict[str, Any]]
IndexBuilder = Callable[[Catalog, Kind], PageSpec]

#: kind → what its item page needs besides ``item`` (kinds without one get ``item`` only).
ITEM_CONTEXT: dict[str, ItemContext] = {}
#: kind → builder of its section's index page, where the generic list is not enough.
INDEX_PAGES: dict[str, IndexBuilder] = {}
#: kind → builder of the one page the kind makes (``Kind.page``).
PAGE_BUILDERS: dict[str, PageBuilder] = {}


def item_context(kind: str) -> Callable[[ItemContext], ItemContext]:
    """Register the function that gives an item page of ``kind`` its extra data."""

    def register(function: ItemContext) -> ItemContext:
        ITEM_CONTEXT[kind] = function
        return function

    return register


def index_page(kind: str) -> Callable[[IndexBuilder], IndexBuilder]:
    """Register the builder of ``kind``'s index page."""

    def register(function: IndexBuilder) -> IndexBuilder:
        INDEX_PAGES[kind] = function
        return function

    return register


def page_builder(kind: str) -> Callable[[PageBuilder], PageBuilder]:
    """Register the builder of the one page ``kind`` makes."""

    def register(function: PageBuilder) -> PageBuilder:
        PAGE_BUILDERS[kind] = function
        return function

    return register


def plan_pages(catalog: Catalog) -> list[PageSpec]:
    """Every page of the site (the same set in every language), in site order."""
    # The builders register themselves when their modules are imported.
    from generator.pages import guides, kpis, scripts_pages, sections, templates_pages  # noqa: F401

    pages = sections.home(catalog)
    for kind in KINDS.values():
        items = catalog.of(kind.name)
        if kind.pages and items:
            if kind.index:
                pages.append(INDEX_PAGES.get(kind.name, section_index)(catalog, kind))
            extra = ITEM_CONTEXT.get(kind.name)
            for item in items:
                context = {"item": item, **(extra(catalog, item) if extra else {})}
                path = f"{kind.pages}/{item.id}.md"
                source = catalog.source(kind.name, item.id)
                pages.append(PageSpec(path, kind.template, context, source))
        if kind.page and kind.name in PAGE_BUILDERS:
            pages.extend(PAGE_BUILDERS[kind.name](catalog))
    return pages


def section_index(catalog: Catalog, kind: Kind) -> PageSpec:
    """``<pages>/index.md``: every item of the kind with its summary."""
    context = {"items": catalog.of(kind.name), "kind": kind.name, "section": kind.section}
    return PageSpec(f"{kind.pages}/index.md", "section_index.md.j2", context)
