"""UI words per language, read from ``templates/labels/<lang>.yaml`` (never written in Python)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from generator.langs import LANGS


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


@cache
def load_labels(lang: str) -> Labels:
    """The labels of one language (cached; the files ship inside the package)."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}")
    text = resources.files("generator").joinpath(f"templates/labels/{lang}.yaml").read_text("utf-8")
    return Labels(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
