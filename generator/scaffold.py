"""``cs-playbook new KIND ID``: write a valid, commented skeleton of a content file."""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from generator.catalog import Catalog
from generator.kinds import skeleton_folders
from generator.langs import SHIPPED, Languages
from generator.models.base import SLUG_PATTERN

#: The skeletons ship with the package, so their texts are written in the shipped languages.
SKELETON_LANGUAGES = SHIPPED.codes


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
    text = template.render(id=item_id, touches=touches, **names)
    return in_languages(text, catalog.languages)


def in_languages(text: str, languages: Languages) -> str:
    """A skeleton's texts in the site's languages: each text keeps the entries of the
    languages the site has; a language the skeleton has no text for gets a copy of the
    site's first language that it has (placeholders included, so ``check`` warns about it
    until it is translated)."""
    if languages.codes == SKELETON_LANGUAGES:
        return text
    known = [code for code in languages.codes if code in SKELETON_LANGUAGES]
    source = known[0] if known else SKELETON_LANGUAGES[0]
    text = _FLOW.sub(lambda m: _flow(m[1], languages.codes, source), text)
    return _block(text, languages.codes, source)


_KEYS = "|".join(SKELETON_LANGUAGES)
#: ``{ja: …, en: …}`` on one line (skeleton texts never nest braces).
_FLOW = re.compile(r"\{((?:(?:" + _KEYS + r"): [^{}]*?(?:, |(?=\})))+)\}")
_FLOW_ENTRY = re.compile(r"(" + _KEYS + r"): ([^{}]*?)(?:, |$)")
_BLOCK_ENTRY = re.compile(r"^(\s*)(" + _KEYS + r"):(.*)$")


def _flow(entries: str, codes: tuple[str, ...], source: str) -> str:
    found = dict(_FLOW_ENTRY.findall(entries))
    return "{" + ", ".join(f"{c}: {found.get(c, found[source])}" for c in codes) + "}"


def _block(text: str, codes: tuple[str, ...], source: str) -> str:
    """Block texts: consecutive entries of the skeleton's languages at one indentation
    (each with its deeper lines) are one text."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        first = _BLOCK_ENTRY.match(lines[i])
        if first is None:
            out.append(lines[i])
            i += 1
            continue
        indent, entries = first[1], {}
        while i < len(lines) and (entry := _BLOCK_ENTRY.match(lines[i])) and entry[1] == indent:
            end = i + 1
            while end < len(lines) and _inside(lines, end, indent):
                end += 1
            entries[entry[2]] = lines[i:end]
            i = end
        for code in codes:
            if code in entries:
                out.extend(entries[code])
            else:
                head, *rest = entries[source]
                out.extend([f"{indent}{code}:{head.split(':', 1)[1]}", *rest])
    return "\n".join(out)


def _inside(lines: list[str], at: int, indent: str) -> bool:
    """Whether line ``at`` belongs to the entry above it: indented deeper, or blank inside a
    block of deeper lines."""
    rest = (line for line in lines[at:] if line.strip())
    following = next(rest, "")
    return following.startswith(indent + " ") and (
        lines[at].strip() == "" or lines[at] == following
    )


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
