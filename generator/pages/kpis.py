"""What a KPI page needs: its formula, digits and worked example (for the calculator)."""

from __future__ import annotations

from typing import Any

from generator.catalog import Catalog
from generator.formula import pretty
from generator.kpi import DIGITS, bound_display, compute, position
from generator.labels import load_labels
from generator.pages import item_context


@item_context("kpi")
def kpi_context(catalog: Catalog, item: Any) -> dict[str, Any]:
    """A KPI's formula in each language's input names and as a tree, its input labels,
    digits and worked example."""
    tree = item.tree()
    langs = catalog.languages.codes
    labels = {lang: {i.id: i.label(lang) for i in item.inputs} for lang in langs}
    return {
        "input_labels": labels,
        "formula_in_words": {lang: pretty(tree, names=labels[lang]) for lang in langs},
        "tree": tree,
        "digits": DIGITS[item.unit],
        "example": {lang: compute(item, item.example, lang) for lang in langs},
        "typical": {lang: _typical(item, lang) for lang in langs} if item.typical else None,
    }


def _typical(item: Any, lang: str) -> dict[str, Any]:
    """The typical range as words, and the worked example's place in it."""
    labels, low, high = load_labels(lang).kpi, item.typical.min, item.typical.max
    if low is not None and high is not None:
        pattern = labels.typical_between
    else:
        pattern = labels.typical_at_least if low is not None else labels.typical_at_most
    shown = {
        name: bound_display(bound, item.unit, lang)
        for name, bound in (("min", low), ("max", high))
        if bound is not None
    }
    words = pattern.format(**shown)
    texts = {
        place: labels[f"typical_{place}"].format(range=words)
        for place in ("below", "within", "above")
    }
    example = compute(item, item.example, lang)
    return {
        "range": words,
        "note": item.typical.note(lang),
        "min": low,
        "max": high,
        "texts": texts,
        "example": texts[position(example.value, item.unit, low, high)],
    }
