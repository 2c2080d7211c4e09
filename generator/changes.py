"""What changed in the content, page by page: the data of the "what's new" page and feed.

Each content file a commit added or modified is compared with its previous version: a new
file is a new page; otherwise the change is reported as changed numbers (old → new, named
by the nearest title, term or label around them) and/or changed texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from generator.history import FileChange
from generator.loader import load_bytes

#: Keys whose bilingual value names the thing around a number.
_NAME_KEYS = ("title", "name", "term", "label")
#: Keys whose numbers only order things on a page: a change there is not news to a reader.
_QUIET_KEYS = {"order"}
_MAX_NUMBERS = 5
#: A line that may hold a YAML number value (``weight: 30``, ``- 5``, ``[30, 25]``): only
#: files with such a changed line are parsed to find which numbers changed.
_NUMBER_VALUE = re.compile(rb"(?:^|[:\[,{-])\s*[-+]?\.?\d[\d_.eE+-]*\s*(?:$|[,\]}#])")


@dataclass(frozen=True)
class NumberChange:
    """A number that changed: where it is (names of what holds it, keys) and its values."""

    names: tuple[dict[str, str], ...]
    key: str
    old: Any
    new: Any

    def what(self, labels: Any, lang: str) -> str:
        """The number's name: the innermost named thing holding it, and its key's label."""
        name = self.names[-1][lang] if self.names else ""
        try:
            key = str(labels.changes.keys[self.key])
        except KeyError:  # a key without a label is named by what holds it alone
            key = ""
        if name and key:
            return str(labels.changes.what.format(name=name, key=key))
        return name or key


@dataclass
class PageChange:
    """What one day's commits changed on one page."""

    day: date
    page: str
    commit: str
    new_page: bool = False
    texts: bool = False
    numbers: list[NumberChange] = field(default_factory=list)

    def summary(self, labels: Any, lang: str) -> str:
        """One line in the reader's language: new page, numbers old → new, texts changed."""
        t = labels.changes
        if self.new_page:
            return str(t.new_page)
        parts = [
            t.number.format(what=number.what(labels, lang), old=number.old, new=number.new)
            for number in self.numbers
        ]
        if self.texts:
            parts.append(t.texts)
        return str(t.separator).join(parts)


def page_changes(changes: list[FileChange], pages_of: dict[str, list[str]]) -> list[PageChange]:
    """One entry per (day, page), newest first, for files that still make a page."""
    merged: dict[tuple[date, str], PageChange] = {}
    for change in changes:
        for page in pages_of.get(change.path, []):
            entry = merged.setdefault(
                (change.day, page), PageChange(change.day, page, change.commit)
            )
            _describe(change, entry)
    entries = [e for e in merged.values() if e.new_page or e.texts or e.numbers]
    return sorted(entries, key=lambda e: e.day, reverse=True)  # stable: newest commit first


def _describe(change: FileChange, entry: PageChange) -> None:
    if change.old is None:
        entry.new_page = True
        return
    changed = set(change.old.splitlines()) ^ set(change.new.splitlines())
    changed = {line for line in changed if line.strip() and not line.lstrip().startswith(b"#")}
    if not changed:
        return
    if not any(_NUMBER_VALUE.search(line) for line in changed):
        # No changed line can hold a number: texts changed, and parsing (the cost) is spared.
        entry.texts = True
        return
    old, new = _data(change.old), _data(change.new)
    if old is None or new is None:
        entry.texts = True
        return
    for difference in _diff(old, new, (), ()):
        if isinstance(difference, NumberChange):
            if len(entry.numbers) < _MAX_NUMBERS and difference not in entry.numbers:
                entry.numbers.append(difference)
        else:
            entry.texts = True


@lru_cache(maxsize=512)
def _data(raw: bytes) -> Any:
    """The data of one version of a file (cached: a version is the "after" of one commit
    and the "before" of the next)."""
    document, _ = load_bytes(raw, "-")
    return document.data if document is not None else None


def _diff(
    old: Any, new: Any, names: tuple[dict[str, str], ...], keys: tuple[str, ...]
) -> Iterator[NumberChange | str]:
    if keys and keys[-1] in _QUIET_KEYS:
        return
    if _is_number(old) and _is_number(new):
        if old != new:
            yield NumberChange(names, keys[-1] if keys else "", old, new)
    elif isinstance(old, dict) and isinstance(new, dict):
        name = _name(new)
        here = (*names, name) if name is not None else names
        for key in sorted(new.keys() | old.keys(), key=str):
            if key in old and key in new:
                yield from _diff(old[key], new[key], here, (*keys, str(key)))
            else:
                yield "texts"
    elif isinstance(old, list) and isinstance(new, list):
        yield from _diff_lists(old, new, names, keys)
    elif old != new:
        yield "texts"


def _diff_lists(
    old: list[Any], new: list[Any], names: tuple[dict[str, str], ...], keys: tuple[str, ...]
) -> Iterator[NumberChange | str]:
    old_by_id = {_id(x): x for x in old if _id(x) is not None}
    if old_by_id and all(_id(x) is not None for x in new):
        for item in new:
            if _id(item) in old_by_id:
                yield from _diff(old_by_id[_id(item)], item, names, keys)
            else:
                yield "texts"
        if len(old) != len(new):
            yield "texts"
        return
    if len(old) != len(new):
        yield "texts"
    for before, after in zip(old, new, strict=False):
        yield from _diff(before, after, names, keys)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _id(value: Any) -> Any:
    return value.get("id") if isinstance(value, dict) else None


def _name(mapping: dict[str, Any]) -> dict[str, str] | None:
    for key in _NAME_KEYS:
        value = mapping.get(key)
        if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
            return value
    return None
