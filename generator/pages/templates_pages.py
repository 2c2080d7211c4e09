"""Page builders for fillable templates: an index and one page per template."""

from __future__ import annotations

from typing import Any

from generator.catalog import Catalog
from generator.fill import blank, examples, fill
from generator.pages import PageSpec


def templates(catalog: Catalog) -> list[PageSpec]:
    """The template index and one page per template (when the content has templates)."""
    items = catalog.of("template")
    if not items:
        return []
    pages = [
        PageSpec(
            "templates/index.md",
            "section_index.md.j2",
            {"items": items, "kind": "template", "section": "templates"},
        )
    ]
    for item in items:
        context: dict[str, Any] = {
            "item": item,
            "blank": {lang: blank(item, lang) for lang in ("ja", "en")},
            "example": {lang: fill(item, examples(item, lang), lang) for lang in ("ja", "en")},
            "form": form_data(item),
            "used_by": {
                kind: catalog.referrers("template", item.id, kind)
                for kind in ("framework", "playbook", "question-set")
            },
        }
        pages.append(
            PageSpec(
                f"templates/{item.id}.md",
                "template.md.j2",
                context,
                catalog.source("template", item.id),
            )
        )
    return pages


def form_data(template: Any) -> dict[str, Any]:
    """Everything the page's form needs to fill the body exactly like generator/fill.py."""

    def both(text: Any) -> dict[str, str]:
        return {"ja": text("ja"), "en": text("en")}

    return {
        "id": template.id,
        "customer_field": template.customer_field,
        "body": {"ja": template.body("ja").strip("\n"), "en": template.body("en").strip("\n")},
        "fields": [
            {
                "id": f.id,
                "type": f.type,
                "label": both(f.label),
                "help": both(f.help),
                "required": f.required,
                "options": [{"id": o.id, "label": both(o.label)} for o in f.options],
                "columns": [{"id": c.id, "label": both(c.label)} for c in f.columns],
            }
            for f in template.fields
        ],
    }


def downloads(catalog: Catalog, lang: str) -> dict[str, str]:
    """``{downloads/<id>.md: blank file}`` for one language."""
    return {f"downloads/{t.id}.md": blank(t, lang) for t in catalog.of("template")}
