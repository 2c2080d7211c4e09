"""Page builders for KPIs: an index and one page per KPI with its calculator."""

from __future__ import annotations

from typing import Any

from generator.catalog import Catalog
from generator.formula import pretty
from generator.kpi import DIGITS, compute
from generator.pages import PageSpec


def kpis(catalog: Catalog) -> list[PageSpec]:
    """The KPI index and one page per KPI (when the content has KPIs)."""
    items = catalog.of("kpi")
    if not items:
        return []
    pages = [
        PageSpec(
            "kpis/index.md",
            "section_index.md.j2",
            {"items": items, "kind": "kpi", "section": "kpis"},
        )
    ]
    for item in items:
        tree = item.tree()
        context: dict[str, Any] = {
            "item": item,
            "formula": pretty(tree),
            "input_labels": {
                lang: {i.id: i.label(lang) for i in item.inputs} for lang in ("ja", "en")
            },
            "formula_in_words": {
                lang: pretty(tree, names={i.id: i.label(lang) for i in item.inputs})
                for lang in ("ja", "en")
            },
            "tree": tree,
            "digits": DIGITS[item.unit],
            "example": {lang: compute(item, item.example, lang) for lang in ("ja", "en")},
        }
        pages.append(
            PageSpec(f"kpis/{item.id}.md", "kpi.md.j2", context, catalog.source("kpi", item.id))
        )
    return pages
