"""Find placeholder texts left from ``cs-playbook new`` in content files.

The placeholders are read from the skeleton templates themselves (every text of a rendered
skeleton written in parentheses, ``(Question 1)`` or ``（質問1）``), so a new skeleton needs no
list to be kept in step here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml

from generator.catalog import Catalog
from generator.errors import ContentError, key_path
from generator.kinds import skeleton_folders
from generator.loader import Document, KeyPath
from generator.scaffold import skeleton

_PLACEHOLDER = re.compile(r"^[(（][^\n]*[)）]$")
_PROBE_ID = "placeholder-probe"


def skeleton_placeholders(catalog: Catalog) -> set[str]:
    """Every placeholder text the skeletons of ``cs-playbook new`` write."""
    found: set[str] = set()
    for kind in skeleton_folders():
        data = yaml.safe_load(skeleton(kind, _PROBE_ID, catalog))
        found.update(
            text.strip() for _, text in _texts(data, ()) if _PLACEHOLDER.match(text.strip())
        )
    return found


def find_placeholders(catalog: Catalog) -> list[ContentError]:
    """One warning per placeholder still in a content file, at the placeholder's own line."""
    placeholders = sorted(skeleton_placeholders(catalog), key=len, reverse=True)
    warnings: list[ContentError] = []
    for source in catalog.sources.values():
        for loc, text in _texts(source.doc.data, ()):
            for placeholder in placeholders:
                if placeholder in text:
                    warnings.append(_warning(source.doc, loc, placeholder))
                    break
    return sorted(set(warnings))


def _texts(data: Any, loc: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _texts(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _texts(value, (*loc, i))


def _warning(doc: Document, loc: KeyPath, placeholder: str) -> ContentError:
    line, col = doc.mark(loc)
    lines = doc.text.split("\n")
    # The value may start on an earlier line (a block scalar's '|'): find the text itself.
    for number in range(line, len(lines) + 1):
        start = 0 if number > line else max(col - 1, 0)
        at = lines[number - 1].find(placeholder, start)
        if at >= 0:
            line, col = number, at + 1
            break
    message = f"warning: placeholder {placeholder} left from cs-playbook new; write the real text"
    return ContentError(doc.path, line, col, key_path(loc), message)
