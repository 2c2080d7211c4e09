"""``cs-playbook new KIND ID``: write a valid, commented skeleton of a content file."""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from generator.catalog import Catalog
from generator.kinds import skeleton_folders
from generator.models.base import SLUG_PATTERN


class ScaffoldError(Exception):
    """The skeleton cannot be written (bad id, unknown kind, file exists)."""


def skeleton(kind: str, item_id: str, catalog: Catalog) -> str:
    """The YAML text of a new item, valid against the current catalog."""
    if kind not in skeleton_folders():
        known = ", ".join(skeleton_folders())
        raise ScaffoldError(f"unknown kind {kind!r}; one of: {known}")
    if not re.fullmatch(SLUG_PATTERN, item_id):
        raise ScaffoldError(
            f"{item_id!r} is not a valid id: use 1–64 lowercase letters, digits and '-'"
        )
    taxonomies = catalog.of("taxonomy")
    names = {
        field: [entry.id for t in taxonomies for entry in getattr(t, field)]
        for field in ("groups", "roles", "channels")
    }
    touches = [tag.id for t in taxonomies for tag in t.tags if tag.facet == "touch"]
    if not all(names.values()) or not touches:
        raise ScaffoldError("frameworks/site/taxonomy.yaml needs groups, tags, roles and channels")
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    template = env.get_template(f"skeletons/{kind}.yaml.j2")
    return template.render(id=item_id, touches=touches, **names)


def write_skeleton(project_root: Path, kind: str, item_id: str, catalog: Catalog) -> Path:
    """Write the skeleton to ``frameworks/<folder>/<id>.yaml``; never overwrite a file."""
    if (kind, item_id) in catalog.declared:
        raise ScaffoldError(f"a {kind} with id '{item_id}' already exists")
    text = skeleton(kind, item_id, catalog)
    path = project_root / "frameworks" / skeleton_folders()[kind] / f"{item_id}.yaml"
    if path.exists():
        raise ScaffoldError(f"{path.relative_to(project_root)} already exists")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
