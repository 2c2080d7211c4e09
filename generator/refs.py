"""Find every reference (a field marked ``RefTo``) inside a validated model."""

from __future__ import annotations

import types
from collections.abc import Iterator
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from generator.loader import KeyPath
from generator.models.base import RefTo


def iter_refs(model: BaseModel, loc: KeyPath = ()) -> Iterator[tuple[str, str, KeyPath]]:
    """Yield (target kind, target id, key path) for every reference in ``model``."""
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        yield from _walk(field.annotation, list(field.metadata), value, (*loc, name))


def _walk(
    annotation: Any, metadata: list[Any], value: Any, loc: KeyPath
) -> Iterator[tuple[str, str, KeyPath]]:
    if value is None:
        return
    for meta in metadata:
        if isinstance(meta, RefTo):
            yield meta.kind, str(value), loc
            return
    origin = get_origin(annotation)
    if origin is Annotated:
        inner, *extra = get_args(annotation)
        yield from _walk(inner, extra, value, loc)
    elif origin is list:
        (item_type,) = get_args(annotation)
        for index, item in enumerate(value):
            yield from _walk(item_type, [], item, (*loc, index))
    elif origin in (Union, types.UnionType):
        for option in get_args(annotation):
            if option is not type(None):
                yield from _walk(option, [], value, loc)
                return
    elif isinstance(value, BaseModel):
        yield from iter_refs(value, loc)
