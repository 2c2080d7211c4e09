"""Content models, one module per kind (the kinds themselves are declared in generator.kinds)."""

from __future__ import annotations

from generator.langs import LANGS
from generator.models.base import Item, Model, Text

__all__ = ["LANGS", "Item", "Model", "Text"]
