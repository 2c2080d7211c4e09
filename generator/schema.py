"""JSON Schema for every content kind, generated from the models, for editors and CI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.kinds import KINDS
from generator.langs import SHIPPED, Languages

SCHEMA_FOLDER = "schema"


def schema_for(kind: str, languages: Languages = SHIPPED) -> str:
    """The JSON Schema (as formatted text) of one content kind, its texts in ``languages``."""
    schema = KINDS[kind].model.model_json_schema()
    if "Text" in schema.get("$defs", {}):
        schema["$defs"]["Text"] = _text_schema(schema["$defs"]["Text"], languages)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"CS Playbook {kind}"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _text_schema(generated: dict[str, Any], languages: Languages) -> dict[str, Any]:
    """A text: one non-empty string per configured language, and no other key."""
    return {
        "additionalProperties": False,
        "description": generated.get("description", ""),
        "properties": {
            language.code: {"minLength": 1, "title": language.name, "type": "string"}
            for language in languages.all
        },
        "required": list(languages.codes),
        "title": "Text",
        "type": "object",
    }


def all_schemas(languages: Languages = SHIPPED) -> dict[str, str]:
    """``{file name: schema text}`` for every kind."""
    return {f"{kind}.schema.json": schema_for(kind, languages) for kind in sorted(KINDS)}


def write_schemas(project_root: Path, languages: Languages = SHIPPED) -> list[str]:
    """Write every schema under ``schema/``; return the names of files that changed."""
    folder = project_root / SCHEMA_FOLDER
    folder.mkdir(exist_ok=True)
    changed = []
    for name, text in all_schemas(languages).items():
        path = folder / name
        if not path.is_file() or path.read_text("utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(name)
    return changed
