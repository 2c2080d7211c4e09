"""The site-level guides (challenge navigator, new-CSM path) and the tag index."""

from __future__ import annotations

from typing import Any

from generator.catalog import Catalog
from generator.kinds import KINDS
from generator.pages import PageSpec, page_builder

FACETS = ("touch", "lifecycle", "segment")


@page_builder("challenge-navigator")
def challenges(catalog: Catalog) -> list[PageSpec]:
    """The challenge navigator (when the content has one)."""
    return _single(catalog, "challenge-navigator", "challenges.md.j2")


@page_builder("curriculum")
def curriculum(catalog: Catalog) -> list[PageSpec]:
    """The new-CSM onboarding path (when the content has one)."""
    return _single(catalog, "curriculum", "curriculum.md.j2")


@page_builder("taxonomy")
def tags(catalog: Catalog) -> list[PageSpec]:
    """The tag index: per facet, per tag, the frameworks and playbooks that carry it."""
    declared = [t for taxonomy in catalog.of("taxonomy") for t in taxonomy.tags]
    if not declared:
        return []
    facets: list[tuple[str, list[tuple[Any, list[Any], list[Any]]]]] = []
    for facet in FACETS:
        rows = []
        for tag in (t for t in declared if t.facet == facet):
            frameworks = [f for f in catalog.of("framework") if tag.id in f.tags]
            playbooks = [p for p in catalog.of("playbook") if tag.id in p.tags or p.touch == tag.id]
            rows.append((tag, frameworks, playbooks))
        facets.append((facet, rows))
    return [PageSpec("tags/index.md", "tags.md.j2", {"facets": facets})]


def _single(catalog: Catalog, kind: str, template: str) -> list[PageSpec]:
    item = catalog.one(kind)
    if item is None:
        return []
    return [
        PageSpec(str(KINDS[kind].page), template, {"item": item}, catalog.source(kind, item.id))
    ]
