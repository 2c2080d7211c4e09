"""What a KPI page needs: its formula, digits and worked example (for the calculator)."""

from __future__ import annotations

from typing import Any

from generator.catalog import Catalog
from generator.formula import pretty
from generator.kpi import DIGITS, compute
from generator.langs import LANGS
from generator.pages import item_context


@item_context("kpi")
def kpi_context(catalog: Catalog, item: Any) -> dict[str, Any]:
    """A KPI's formula in each language's input names and as a tree, its input labels,
    digits and worked example."""
    tree = item.tree()
    labels = {lang: {i.id: i.label(lang) for i in item.inputs} for lang in LANGS}
    return {
        "input_labels": labels,
        "formula_in_words": {lang: pretty(tree, names=labels[lang]) for lang in LANGS},
        "tree": tree,
        "digits": DIGITS[item.unit],
        "example": {lang: compute(item, item.example, lang) for lang in LANGS},
    }
