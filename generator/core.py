"""The generator's entry point: content folder → Markdown pages, nav and tooltips per language.

Plain Python with no MkDocs import; the CLI and the MkDocs plugin both call it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from generator.abbreviations import abbreviation_block
from generator.catalog import Catalog, load_catalog
from generator.changes import PageChange, page_changes
from generator.feed import atom_feed
from generator.gc_pause import without_gc_pauses
from generator.history import content_changes, head, is_history_root, last_changed
from generator.labels import load_labels
from generator.nav import NavEntry, build_nav
from generator.pages import PageSpec
from generator.pages.templates_pages import downloads
from generator.render import Renderer

CONTENT_FOLDER = "frameworks"
CHANGES_PAGE = "changes/index.md"
FEED_FILE = "feed.xml"


@dataclass
class Generated:
    """Everything the site builds need, per language."""

    catalog: Catalog
    pages: dict[str, dict[str, str]] = field(default_factory=dict)
    nav: dict[str, list[NavEntry]] = field(default_factory=dict)
    abbreviations: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    #: Files that are not pages (e.g. blank template downloads), per language.
    downloads: dict[str, dict[str, str]] = field(default_factory=dict)


def generate(project_root: Path, langs: tuple[str, ...] | None = None) -> Generated:
    """Load and validate the content, then render every page in ``langs`` (by default every
    language the site document names).

    Raises ContentErrors (every problem at once) when the content is invalid.
    """
    with without_gc_pauses():
        catalog = load_catalog(project_root / CONTENT_FOLDER, project_root)
        renderer = Renderer(catalog, project_root)
        result = Generated(catalog=catalog, sources=renderer.sources())
        planned = {spec.path for spec in renderer.pages}
        history = _add_history(renderer, project_root) if is_history_root(project_root) else None
        for lang in catalog.languages.codes if langs is None else langs:
            result.pages[lang] = renderer.render_all(lang)
            result.nav[lang] = build_nav(catalog, lang, planned)
            result.abbreviations[lang] = abbreviation_block(catalog, lang)
            result.downloads[lang] = downloads(catalog, lang)
            if history is not None:
                labels = load_labels(lang)
                result.nav[lang].insert(1, {labels.nav.changes: CHANGES_PAGE})
                site = catalog.one("site")
                name = site.name(lang) if site is not None else ""
                result.downloads[lang][FEED_FILE] = atom_feed(history, labels, lang, name)
    return result


def _page_title(spec: PageSpec) -> Any:
    """The bilingual title of a page made from one item (its title) or the home page (the
    site's name); None for the glossary, which gathers many files."""
    item = spec.context.get("item")
    if item is not None:
        return item.title
    site = spec.context.get("site")
    return site.name if site is not None else None


def _add_history(renderer: Renderer, project_root: Path) -> list[tuple[PageChange, Any]]:
    """Dates on every page made from a committed file, and the "what's new" page; returns
    its entries (each with its page's title) for the feed."""
    sources = renderer.sources()
    renderer.dates = last_changed(project_root, set(sources.values()))
    pages_of: dict[str, list[str]] = {}
    for page, source in sources.items():
        pages_of.setdefault(source, []).append(page)
    titles = {spec.path: _page_title(spec) for spec in renderer.pages}
    entries = page_changes(
        content_changes(project_root, CONTENT_FOLDER, head(project_root)), pages_of
    )
    titled = [(entry, titles.get(entry.page)) for entry in entries]
    days: dict[date, list[tuple[PageChange, Any]]] = {}
    for entry, title in titled:
        days.setdefault(entry.day, []).append((entry, title))
    context = {"days": list(days.items())}
    renderer.pages.append(PageSpec(CHANGES_PAGE, "changes.md.j2", context))
    return titled
