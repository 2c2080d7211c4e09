"""What a fillable template's page needs: blank and example text, form data; the downloads."""

from __future__ import annotations

from typing import Any

from generator.catalog import Catalog
from generator.fill import blank, examples, fill
from generator.pages import item_context


@item_context("template")
def template_context(catalog: Catalog, item: Any) -> dict[str, Any]:
    """A template's blank and example text, its form, and the pages that use it."""
    return {
        "blank": {lang: blank(item, lang) for lang in catalog.languages.codes},
        "example": {
            lang: fill(item, examples(item, lang), lang) for lang in catalog.languages.codes
        },
        "form": form_data(item),
        "used_by": {
            kind: catalog.referrers("template", item.id, kind)
            for kind in ("framework", "playbook", "question-set", "script")
        },
    }


def form_data(template: Any) -> dict[str, Any]:
    """Everything the page's form needs to fill the body exactly like generator/fill.py."""

    langs = template.languages()

    def both(text: Any) -> dict[str, str]:
        return {lang: text(lang) for lang in langs}

    return {
        "id": template.id,
        "customer_field": template.customer_field,
        "body": {lang: template.body(lang).strip("\n") for lang in langs},
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
    """``{downloads/<id>.md.txt: blank file}`` for one language (saved as ``<id>.md``: the
    ``.txt`` keeps engines from rendering the blank as a page)."""
    return {f"downloads/{t.id}.md.txt": blank(t, lang) for t in catalog.of("template")}
