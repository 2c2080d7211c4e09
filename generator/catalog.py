"""All content items by kind and id, with cross-file checks: unique ids, resolving references."""

from __future__ import annotations

import difflib
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import ContentError, ContentErrors
from generator.kinds import declared_ids
from generator.labels import use_project
from generator.langs import SHIPPED, Languages
from generator.loader import Document, KeyPath, load_file, scan_content_files
from generator.models import Model
from generator.models.base import SLUG_PATTERN
from generator.refs import iter_refs
from generator.site_languages import languages_of, missing_labels
from generator.validation import validate_document


@dataclass(frozen=True)
class Source:
    """Where a content item came from: its file (relative to the project) and document."""

    path: str
    doc: Document


@dataclass
class Catalog:
    """Validated content: file-level items by kind and id, and every declared id."""

    #: The site's languages (its site document's ``languages:``, or the shipped pair).
    languages: Languages = SHIPPED
    items: dict[str, dict[str, Model]] = field(default_factory=lambda: defaultdict(dict))
    sources: dict[tuple[str, str], Source] = field(default_factory=dict)
    declared: dict[tuple[str, str], Any] = field(default_factory=dict)
    referrers_of: dict[tuple[str, str], list[tuple[str, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    _ordered: dict[str, list[Any]] = field(default_factory=dict, repr=False)
    _positions: dict[str, dict[int, int]] = field(default_factory=dict, repr=False)

    def of(self, kind: str) -> list[Any]:
        """Items of one kind, ordered by their ``order`` then id (computed once per kind)."""
        if kind not in self._ordered:
            found = self.items.get(kind, {}).values()
            self._ordered[kind] = sorted(found, key=lambda m: (getattr(m, "order", 100), m.id))
        return self._ordered[kind]

    def get(self, kind: str, item_id: str) -> Any:
        """A declared item (page item, term, tag, group…) by kind and id."""
        return self.declared[(kind, item_id)]

    def one(self, kind: str) -> Any:
        """The single item of a kind that exists once (e.g. ``site``)."""
        found = self.of(kind)
        return found[0] if found else None

    def source(self, kind: str, item_id: str) -> str:
        """The content file (relative path) that defines a file-level item."""
        return self.sources[(kind, item_id)].path

    def referrers(self, kind: str, item_id: str, of_kind: str) -> list[Any]:
        """File-level items of ``of_kind`` that refer to (kind, id), in catalog order."""
        refs = self.referrers_of.get((kind, item_id), [])
        found = [self.items[of_kind][rid] for rkind, rid in refs if rkind == of_kind]
        position = self._position(of_kind)
        return sorted(found, key=lambda item: position[id(item)])

    def _position(self, kind: str) -> dict[int, int]:
        """Each item's index in ``of(kind)`` (computed once per kind)."""
        if kind not in self._positions:
            self._positions[kind] = {id(item): i for i, item in enumerate(self.of(kind))}
        return self._positions[kind]


def load_catalog(content_root: Path, project_root: Path | None = None) -> Catalog:
    """Load, validate and cross-check every content file below ``content_root``.

    Raises ContentErrors with every problem found, in file and line order.
    """
    base = project_root or content_root.parent
    use_project(base)
    errors: list[ContentError] = []
    catalog = Catalog()
    first_seen: dict[tuple[str, str], tuple[Source, KeyPath]] = {}
    # Items whose file has errors of its own: references to them are not reported again.
    broken: set[tuple[str, str]] = set()
    found, unread = scan_content_files(content_root)
    errors.extend(ContentError(_display(path, base), 1, 1, "-", msg) for path, msg in unread)
    loaded = []
    for path in found:
        doc, load_errors = load_file(path, _display(path, base))
        errors.extend(load_errors)
        if doc is None:
            broken.update(_claimed_id_in_text(path))
        else:
            loaded.append((doc, load_errors))
    # The languages come first: every text of every file is checked against them.
    catalog.languages = languages_of([doc for doc, _ in loaded])
    errors.extend(missing_labels([doc for doc, _ in loaded], catalog.languages))
    for doc, load_errors in loaded:
        model, model_errors = validate_document(doc, catalog.languages)
        # A value the loader already rejected (an alias, a bad tag) is not reported twice.
        flagged = {(e.line, e.col) for e in load_errors}
        errors.extend(e for e in model_errors if (e.line, e.col) not in flagged)
        if model is None or load_errors:
            broken.update(_claimed_id(doc.data))
            continue
        source = Source(doc.path, doc)
        errors.extend(_register(catalog, model, source, first_seen))
    errors.extend(_check_references(catalog, broken))
    if errors:
        raise ContentErrors(errors)
    return catalog


def _display(path: Path, base: Path) -> str:
    """The path as written below the project (a link is named, not its target)."""
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(base)).as_posix()
    except ValueError:
        return path.as_posix()


def _register(
    catalog: Catalog,
    model: Model,
    source: Source,
    first_seen: dict[tuple[str, str], tuple[Source, KeyPath]],
) -> list[ContentError]:
    errors = []
    kind = str(getattr(model, "kind"))  # noqa: B009 - every registered model has a kind
    for child_kind, child_id, loc in declared_ids(model):
        key = (child_kind, child_id)
        if key in first_seen:
            other, other_loc = first_seen[key]
            line, _ = other.doc.mark(other_loc)
            msg = f"duplicate {child_kind} id '{child_id}' (also in {other.path}:{line})"
            errors.append(source.doc.error(loc, msg))
            continue
        first_seen[key] = (source, loc)
        catalog.declared[key] = _resolve_loc(model, loc[:-1])
    if not errors:
        item_id = str(getattr(model, "id"))  # noqa: B009
        catalog.items[kind][item_id] = model
        catalog.sources[(kind, item_id)] = source
    return errors


def _resolve_loc(model: Any, loc: KeyPath) -> Any:
    node = model
    for part in loc:
        node = node[part] if isinstance(part, int) else getattr(node, part)
    return node


def _claimed_id(data: Any) -> list[tuple[str, str]]:
    """The (kind, id) a document that failed validation meant to declare, when readable."""
    if isinstance(data, dict) and isinstance(data.get("kind"), str):
        item_id = data.get("id")
        if isinstance(item_id, str) and re.fullmatch(SLUG_PATTERN, item_id):
            return [(data["kind"], item_id)]
    return []


_TOP_LEVEL = re.compile(
    r"^(kind|id):[ \t]*['\"]?([A-Za-z0-9-]+)['\"]?[ \t]*(?:#.*)?$", re.MULTILINE
)


def _claimed_id_in_text(path: Path) -> list[tuple[str, str]]:
    """The (kind, id) of a file YAML could not read, from its top-level lines, if plain."""
    try:
        with path.open("rb") as stream:
            head = stream.read(16384).decode("utf-8", errors="replace")
    except OSError:
        return []
    found = {m.group(1): m.group(2) for m in _TOP_LEVEL.finditer(head)}
    return _claimed_id(found)


def _check_references(catalog: Catalog, broken: set[tuple[str, str]]) -> list[ContentError]:
    errors = []
    for (kind, item_id), source in catalog.sources.items():
        model = catalog.items[kind][item_id]
        for target_kind, target_id, loc in iter_refs(model):
            target = (target_kind, target_id)
            if target not in catalog.declared:
                if target in broken:
                    continue  # its own file's errors already say what is wrong
                known = sorted(i for k, i in catalog.declared if k == target_kind)
                hint = _closest(target_id, known)
                msg = f"no {target_kind} with id '{target_id}'{hint}"
                errors.append(source.doc.error(loc, msg))
            elif (target_kind, target_id) != (kind, item_id):
                referrers = catalog.referrers_of[(target_kind, target_id)]
                if (kind, item_id) not in referrers:
                    referrers.append((kind, item_id))
    return errors


def _closest(value: str, known: list[str]) -> str:
    close = difflib.get_close_matches(value, known, n=1)
    return f"; did you mean '{close[0]}'?" if close else ""
