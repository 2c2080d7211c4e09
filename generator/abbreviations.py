"""Abbreviation definitions (``*[GRR]: …``) appended to every page for hover tooltips."""

from __future__ import annotations

from generator.catalog import Catalog
from generator.labels import load_labels
from generator.markdown_safety import safe_text


def abbreviation_block(catalog: Catalog, lang: str) -> str:
    """Markdown abbreviation definitions for every glossary term that has an ``abbr``."""
    pattern = load_labels(lang).glossary.abbr_title
    lines = []
    for glossary in catalog.of("glossary"):
        for term in glossary.terms:
            if not term.abbr:
                continue
            name = term.term(lang)
            title = pattern.format(expansion=term.expansion, term=name) if term.expansion else name
            if term.expansion and term.expansion.casefold() == name.casefold():
                title = name
            lines.append(f"*[{term.abbr}]: {' '.join(safe_text(title).split())}")
    return "\n".join(sorted(lines)) + ("\n" if lines else "")
