"""The site navigation per language: sections, with framework groups as sub-sections."""

from __future__ import annotations

from typing import Any

from generator.catalog import Catalog
from generator.labels import load_labels
from generator.links import SINGLE_PAGES, target_of

NavEntry = str | dict[str, Any]


def build_nav(catalog: Catalog, lang: str) -> list[NavEntry]:
    """MkDocs ``nav`` for the generated pages (page titles come from the pages)."""
    t = load_labels(lang)
    nav: list[NavEntry] = [{t.nav.home: "index.md"}]
    start = [SINGLE_PAGES[k] for k in ("challenge-navigator", "curriculum") if catalog.of(k)]
    if start:
        nav.append({t.nav.start_here: start})
    nav.append({t.nav.frameworks: _framework_sections(catalog, lang)})
    for kind, folder, label in (
        ("playbook", "playbooks", t.nav.playbooks),
        ("checklist", "checklists", t.nav.checklists),
        ("question-set", "question-sets", t.nav.question_sets),
    ):
        pages = [target_of(kind, item.id) for item in catalog.of(kind)]
        nav.append({label: [f"{folder}/index.md", *pages]})
    reference = [target_of(k, item.id) for k in ("comparison", "article") for item in catalog.of(k)]
    reference.append("glossary/index.md")
    if any(taxonomy.tags for taxonomy in catalog.of("taxonomy")):
        reference.append("tags/index.md")
    nav.append({t.nav.references: reference})
    return nav


def _framework_sections(catalog: Catalog, lang: str) -> list[NavEntry]:
    entries: list[NavEntry] = ["frameworks/index.md"]
    by_group: dict[str, list[str]] = {}
    for item in catalog.of("framework"):
        by_group.setdefault(item.group, []).append(target_of("framework", item.id))
    for taxonomy in catalog.of("taxonomy"):
        for group in taxonomy.groups:
            if group.id in by_group:
                entries.append({group.name(lang): by_group[group.id]})
    return entries
