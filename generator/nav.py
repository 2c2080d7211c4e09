"""The site navigation per language: sections, with framework groups as sub-sections."""

from __future__ import annotations

from typing import Any

from generator.catalog import Catalog
from generator.labels import load_labels
from generator.links import SINGLE_PAGES, target_of

NavEntry = str | dict[str, Any]

#: A section lists its pages in the sidebar only up to this many; beyond it the sidebar
#: shows the section's index page (which lists them all). Every page embeds the sidebar,
#: so an unbounded one makes each page's cost grow with the size of the whole site.
NAV_SECTION_LIMIT = 60


def build_nav(catalog: Catalog, lang: str) -> list[NavEntry]:
    """MkDocs ``nav`` for the generated pages (page titles come from the pages)."""
    t = load_labels(lang)
    nav: list[NavEntry] = [{t.nav.home: "index.md"}]
    # The two starting points are top-level pages: inside a section the first index.md
    # would become the section's own page and drop out of the sidebar.
    for kind, label in (
        ("challenge-navigator", t.nav.challenges),
        ("curriculum", t.nav.curriculum),
    ):
        if catalog.of(kind):
            nav.append({label: SINGLE_PAGES[kind]})
    nav.append({t.nav.frameworks: _framework_sections(catalog, lang)})
    for kind, folder, label in (
        ("playbook", "playbooks", t.nav.playbooks),
        ("checklist", "checklists", t.nav.checklists),
        ("question-set", "question-sets", t.nav.question_sets),
    ):
        pages = _bounded([target_of(kind, item.id) for item in catalog.of(kind)])
        nav.append({label: [f"{folder}/index.md", *pages]})
    for kind, folder, label in (
        ("template", "templates", t.nav.templates),
        ("script", "scripts", t.nav.scripts),
    ):
        if catalog.of(kind):
            pages = _bounded([target_of(kind, item.id) for item in catalog.of(kind)])
            nav.append({label: [f"{folder}/index.md", *pages]})
    kpi_pages = _bounded([target_of("kpi", item.id) for item in catalog.of("kpi")])
    if catalog.of("kpi"):
        nav.append({t.nav.kpis: ["kpis/index.md", *kpi_pages]})
    reference = _bounded(
        [target_of(k, item.id) for k in ("comparison", "article") for item in catalog.of(k)]
    )
    reference.append("glossary/index.md")
    if any(taxonomy.tags for taxonomy in catalog.of("taxonomy")):
        reference.append("tags/index.md")
    nav.append({t.nav.references: reference})
    return nav


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


def _framework_sections(catalog: Catalog, lang: str) -> list[NavEntry]:
    entries: list[NavEntry] = ["frameworks/index.md"]
    if len(catalog.of("framework")) > NAV_SECTION_LIMIT:
        return entries
    by_group: dict[str, list[str]] = {}
    for item in catalog.of("framework"):
        by_group.setdefault(item.group, []).append(target_of("framework", item.id))
    for taxonomy in catalog.of("taxonomy"):
        for group in taxonomy.groups:
            if group.id in by_group:
                entries.append({group.name(lang): by_group[group.id]})
    return entries
