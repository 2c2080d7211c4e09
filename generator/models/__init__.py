"""Content models, one module per kind (the kinds themselves are declared in generator.kinds)."""

from __future__ import annotations

from generator.models.base import Item, Model, Text

__all__ = ["Item", "Model", "Text"]
