"""JSON Schema for every content kind, generated from the models, for editors and CI."""

from __future__ import annotations

import json
from pathlib import Path

from generator.kinds import KINDS

SCHEMA_FOLDER = "schema"


def schema_for(kind: str) -> str:
    """The JSON Schema (as formatted text) of one content kind."""
    schema = KINDS[kind].model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"CS Playbook {kind}"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def all_schemas() -> dict[str, str]:
    """``{file name: schema text}`` for every kind."""
    return {f"{kind}.schema.json": schema_for(kind) for kind in sorted(KINDS)}


def write_schemas(project_root: Path) -> list[str]:
    """Write every schema under ``schema/``; return the names of files that changed."""
    folder = project_root / SCHEMA_FOLDER
    folder.mkdir(exist_ok=True)
    changed = []
    for name, text in all_schemas().items():
        path = folder / name
        if not path.is_file() or path.read_text("utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(name)
    return changed
