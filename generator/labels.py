"""UI words per language, read from ``<lang>.yaml`` labels files (never written in Python).

The package ships ``templates/labels/ja.yaml`` and ``en.yaml``; a project adds or replaces a
language's words with its own ``labels/<lang>.yaml`` (beside ``frameworks/``), so a fork can
add a language without touching code.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

#: The folder of a project's own labels files, relative to the project root.
PROJECT_LABELS = "labels"

_project_folder: Path | None = None


class Labels:
    """A nested mapping of UI words with attribute access for templates (``t.nav.home``).

    Not a dict subclass, so a label named ``items`` or ``keys`` is never a dict method.
    Nested groups are built once, so a template's lookup is a plain attribute read.
    """

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = {
            name: Labels(value) if isinstance(value, dict) else value
            for name, value in data.items()
        }
        self.__dict__.update(
            (name, value) for name, value in self._data.items() if not name.startswith("_")
        )

    def __getattr__(self, name: str) -> Any:
        # Only reached for names that are not labels (real ones are instance attributes).
        if name.startswith("_"):
            raise AttributeError(name)
        return self[name]

    def __getitem__(self, name: str) -> Any:
        try:
            return self._data[name]
        except KeyError as exc:
            raise KeyError(f"no label {name!r}") from exc


class MissingLabels(ValueError):
    """A configured language has no labels file."""


def use_project(project_root: Path | None) -> None:
    """Look for labels in ``project_root``'s own ``labels/`` folder first (set whenever a
    project's content is loaded; every later ``load_labels`` call reads that project's)."""
    global _project_folder
    _project_folder = project_root / PROJECT_LABELS if project_root is not None else None


def load_labels(lang: str) -> Labels:
    """The labels of one language: the project's file if it has one, else the package's."""
    return _load(lang, _project_folder)


@cache
def _load(lang: str, folder: Path | None) -> Labels:
    own = folder / f"{lang}.yaml" if folder is not None else None
    if own is not None and own.is_file():
        text = own.read_text("utf-8")
    else:
        shipped = resources.files("generator").joinpath(f"templates/labels/{lang}.yaml")
        if not lang.replace("-", "").isalnum() or not shipped.is_file():
            raise MissingLabels(
                f"no labels file for language {lang!r}: add {PROJECT_LABELS}/{lang}.yaml "
                "to the project (a copy of another language's labels, translated)"
            )
        text = shipped.read_text("utf-8")
    return Labels(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
