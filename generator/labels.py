"""UI words per language, read from ``templates/labels/<lang>.yaml`` (never written in Python)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from generator.models.base import LANGS


class Labels(dict[str, Any]):
    """A nested mapping of UI words; attribute access for templates (``t.nav.home``)."""

    def __getattr__(self, name: str) -> Any:
        try:
            value = self[name]
        except KeyError as exc:
            raise AttributeError(f"no label {name!r}") from exc
        return Labels(value) if isinstance(value, dict) else value


@cache
def load_labels(lang: str) -> Labels:
    """The labels of one language (cached; the files ship inside the package)."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}")
    text = resources.files("generator").joinpath(f"templates/labels/{lang}.yaml").read_text("utf-8")
    return Labels(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
