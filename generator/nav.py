"""The site navigation per language: sections, with framework groups as sub-sections."""

from __future__ import annotations

from typing import Any

from generator.catalog import Catalog
from generator.kinds import KINDS, Kind
from generator.labels import load_labels
from generator.links import target_of

NavEntry = str | dict[str, Any]

#: A section lists its pages in the sidebar only up to this many; beyond it the sidebar
#: shows the section's index page (which lists them all). Every page embeds the sidebar,
#: so an unbounded one makes each page's cost grow with the size of the whole site.
NAV_SECTION_LIMIT = 60


def build_nav(catalog: Catalog, lang: str, pages: set[str]) -> list[NavEntry]:
    """MkDocs ``nav`` for the generated ``pages`` (titles come from the pages), one
    section per ``Kind.section`` in the order of :data:`generator.kinds.KINDS`."""
    t = load_labels(lang)
    nav: list[NavEntry] = [{t.nav.home: "index.md"}]
    sections: dict[str, list[Kind]] = {}
    for kind in KINDS.values():
        if kind.section:
            sections.setdefault(kind.section, []).append(kind)
    for section, kinds in sections.items():
        label = t.nav[section]
        if len(kinds) == 1 and kinds[0].page and not kinds[0].pages:
            # A guide is a top-level page: inside a section, its index.md would become
            # the section's own page and drop out of the sidebar.
            if kinds[0].page in pages:
                nav.append({label: kinds[0].page})
            continue
        entries = [e for kind in kinds for e in _section_entries(catalog, kind, lang, pages)]
        if entries:
            nav.append({label: entries})
    return nav


def _section_entries(catalog: Catalog, kind: Kind, lang: str, pages: set[str]) -> list[NavEntry]:
    entries: list[NavEntry] = []
    if kind.pages and catalog.of(kind.name):
        if kind.index:
            entries.append(f"{kind.pages}/index.md")
        if kind.grouped_by:
            entries.extend(_grouped(catalog, kind, lang))
        else:
            entries.extend(_bounded([target_of(kind.name, i.id) for i in catalog.of(kind.name)]))
    if kind.page and kind.page in pages:
        entries.append(kind.page)
    return entries


def nav_paths(nav: list[NavEntry]) -> set[str]:
    """Every page path that appears in a nav."""
    found: set[str] = set()
    for entry in nav:
        values = entry.values() if isinstance(entry, dict) else [entry]
        for value in values:
            if isinstance(value, str):
                found.add(value)
            else:
                found |= nav_paths(value)
    return found


def _bounded(pages: list[str]) -> list[str]:
    return pages if len(pages) <= NAV_SECTION_LIMIT else []


def _grouped(catalog: Catalog, kind: Kind, lang: str) -> list[NavEntry]:
    """A kind's pages under the taxonomy's groups (e.g. frameworks by group)."""
    items = catalog.of(kind.name)
    if len(items) > NAV_SECTION_LIMIT:
        return []
    by_group: dict[str, list[str]] = {}
    for item in items:
        by_group.setdefault(getattr(item, str(kind.grouped_by)), []).append(
            target_of(kind.name, item.id)
        )
    return [
        {group.name(lang): by_group[group.id]}
        for taxonomy in catalog.of("taxonomy")
        for group in taxonomy.groups
        if group.id in by_group
    ]
