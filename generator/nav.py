"""The site navigation per language: sections, with framework groups as sub-sections."""

from __future__ import annotations

from typing import Any

from generator.catalog import Catalog
from generator.labels import load_labels
from generator.links import target_of

NavEntry = str | dict[str, Any]


def build_nav(catalog: Catalog, lang: str) -> list[NavEntry]:
    """MkDocs ``nav`` for the generated pages (page titles come from the pages)."""
    t = load_labels(lang)
    groups: list[NavEntry] = ["frameworks/index.md"]
    by_group: dict[str, list[str]] = {}
    for item in catalog.of("framework"):
        by_group.setdefault(item.group, []).append(target_of("framework", item.id))
    for taxonomy in catalog.of("taxonomy"):
        for group in taxonomy.groups:
            if group.id in by_group:
                groups.append({group.name(lang): by_group[group.id]})
    nav: list[NavEntry] = [{t.nav.home: "index.md"}, {t.nav.frameworks: groups}]
    for kind, folder, label in (
        ("playbook", "playbooks", t.nav.playbooks),
        ("checklist", "checklists", t.nav.checklists),
        ("question-set", "question-sets", t.nav.question_sets),
    ):
        pages = [target_of(kind, item.id) for item in catalog.of(kind)]
        nav.append({label: [f"{folder}/index.md", *pages]})
    nav.append({t.nav.glossary: "glossary/index.md"})
    return nav
