"""Find every reference (a field marked ``RefTo``) inside a validated model."""

from __future__ import annotations

import types
from collections.abc import Callable, Iterator
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from generator.loader import KeyPath
from generator.models.base import RefTo

#: Yields (target kind, target id, key path) for one value found at a key path.
Walker = Callable[[Any, KeyPath], Iterator[tuple[str, str, KeyPath]]]


def iter_refs(model: BaseModel, loc: KeyPath = ()) -> Iterator[tuple[str, str, KeyPath]]:
    """Yield (target kind, target id, key path) for every reference in ``model``."""
    walker = _model_walker(type(model))
    if walker is not None:
        yield from walker(model, loc)


@cache
def _model_walker(cls: type[BaseModel]) -> Walker | None:
    """How to walk a model class, worked out once from its annotations (None: no refs)."""
    plan = []
    for name, field in cls.model_fields.items():
        walker = _walker(field.annotation, tuple(field.metadata))
        if walker is not None:
            plan.append((name, walker))
    if not plan:
        return None

    def walk(model: Any, loc: KeyPath) -> Iterator[tuple[str, str, KeyPath]]:
        for name, walker in plan:
            value = getattr(model, name)
            if value is not None:
                yield from walker(value, (*loc, name))

    return walk


def _leaf(kind: str) -> Walker:
    def leaf(value: Any, loc: KeyPath) -> Iterator[tuple[str, str, KeyPath]]:
        yield kind, str(value), loc

    return leaf


def _walker(annotation: Any, metadata: tuple[Any, ...]) -> Walker | None:
    for meta in metadata:
        if isinstance(meta, RefTo):
            return _leaf(meta.kind)
    origin = get_origin(annotation)
    if origin is Annotated:
        inner, *extra = get_args(annotation)
        return _walker(inner, tuple(extra))
    if origin is list:
        (item_type,) = get_args(annotation)
        item_walker = _walker(item_type, ())
        if item_walker is None:
            return None
        inner_walker = item_walker

        def each(value: Any, loc: KeyPath) -> Iterator[tuple[str, str, KeyPath]]:
            for index, item in enumerate(value):
                if item is not None:
                    yield from inner_walker(item, (*loc, index))

        return each
    if origin in (Union, types.UnionType):
        options = [o for o in get_args(annotation) if o is not type(None)]
        return _walker(options[0], ()) if options else None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _model_walker(annotation)
    return None
