"""Validate one loaded document against its kind's model, with errors that name the line."""

from __future__ import annotations

import difflib
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from generator.errors import ContentError
from generator.kinds import KINDS
from generator.langs import SHIPPED, Languages
from generator.loader import Document, KeyPath
from generator.markdown_safety import script_links
from generator.models import Model


def validate_document(
    doc: Document, languages: Languages = SHIPPED
) -> tuple[Model | None, list[ContentError]]:
    """Pick the model named by ``kind:`` and validate the document with it; every text is
    checked against ``languages``."""
    data = doc.data
    if not isinstance(data, dict):
        found = _describe(data)
        return None, [doc.error((), f"a content file is a mapping (key: value), not {found}")]
    kind = data.get("kind")
    if kind is None:
        known = ", ".join(sorted(KINDS))
        return None, [doc.error((), f"missing 'kind' (one of: {known})")]
    model = KINDS[kind].model if isinstance(kind, str) and kind in KINDS else None
    if model is None:
        known = ", ".join(sorted(KINDS))
        return None, [doc.error(("kind",), f"unknown kind {kind!r}; expected one of: {known}")]
    links = list(_script_link_errors(doc, data, ()))
    try:
        validated = model.model_validate(data, context={"languages": languages})
    except ValidationError as exc:
        names = {language.code: language.name for language in languages.all}
        errors = [_to_content_error(doc, model, err, names) for err in exc.errors()]
        return None, errors + links
    return (None, links) if links else (validated, [])


def _script_link_errors(doc: Document, node: Any, loc: KeyPath) -> Any:
    """A located error for each link whose scheme could run script or load data."""
    if isinstance(node, str):
        for scheme in script_links(node):
            yield doc.error(
                loc, f"link to '{scheme}:'; links may use http, https, mailto or a relative path"
            )
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _script_link_errors(doc, value, (*loc, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _script_link_errors(doc, value, (*loc, i))


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"a yes/no value ({str(value).lower()})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "an empty value"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, str):
        return "text"
    return f"a {type(value).__name__} ({value})"


def _data_loc(doc: Document, loc: tuple[Any, ...]) -> KeyPath:
    """Drop pydantic's union-branch names so the path matches keys in the file."""
    node: Any = doc.data
    kept: list[str | int] = []
    for part in loc:
        if _has(node, part):
            node = node[part]
            kept.append(part)
        elif isinstance(node, dict) and isinstance(part, str) and not _looks_like_branch(part):
            kept.append(part)  # a missing or unknown key: keep it so the message can name it
            node = None
        # else: a union branch label such as 'int' or 'function-after[...]': skip it
    return tuple(kept)


def _has(node: Any, part: Any) -> bool:
    if isinstance(node, dict):
        return isinstance(part, str) and part in node
    if isinstance(node, list):
        return isinstance(part, int) and 0 <= part < len(node)
    return False


def _looks_like_branch(part: str) -> bool:
    return "[" in part or part in {"int", "float", "str", "bool", "none", "list", "dict"}


def _to_content_error(
    doc: Document, model: type[Model], err: Any, names: dict[str, str]
) -> ContentError:
    loc = _data_loc(doc, tuple(err["loc"]))
    kind = err["type"]
    value = err.get("input")
    if kind == "extra_forbidden":
        key = str(loc[-1]) if loc else "?"
        hint = _suggest(model, loc[:-1], key)
        return doc.error(loc, f"unknown key '{key}'{hint}", key=True)
    if kind == "unknown_language":
        key = str(loc[-1]) if loc else "?"
        known = ", ".join(names)
        return doc.error(loc, f"unknown language '{key}'; texts are written in: {known}", key=True)
    if kind == "missing_language":
        name = str(loc[-1]) if loc else "?"
        return doc.error(loc, f"missing {names.get(name, name)} text ({name})", at=loc[:-1])
    if kind == "missing":
        name = str(loc[-1]) if loc else "?"
        return doc.error(loc, f"missing required key '{name}'", at=loc[:-1])
    if kind == "string_too_short":
        name = str(loc[-1]) if loc else ""
        if name in names:
            return doc.error(loc, f"{names[name]} text ({name}) is empty")
        return doc.error(loc, "must not be empty")
    if kind == "string_type":
        found = _describe(value)
        return doc.error(loc, f"expected text, found {found}; put the value in quotes")
    if kind == "string_pattern_mismatch":
        return doc.error(
            loc,
            f"{value!r} is not a valid id: use 1–64 lowercase letters, digits and '-', "
            "starting with a letter or digit",
        )
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return doc.error(loc, f"expected a mapping (key: value), found {_describe(value)}")
    if kind == "list_type":
        return doc.error(loc, f"expected a list (- item), found {_describe(value)}")
    if kind in {"int_type", "float_type", "int_from_float"}:
        return doc.error(loc, f"expected a number, found {_describe(value)}")
    if kind == "too_short":
        need = err.get("ctx", {}).get("min_length")
        return doc.error(loc, f"needs at least {need} entries, found {len(value or [])}")
    if kind == "value_error":
        return doc.error(loc, str(err.get("ctx", {}).get("error", err["msg"])))
    return doc.error(loc, str(err["msg"]))


def _suggest(model: type[Model], parent: KeyPath, key: str) -> str:
    fields = _fields_at(model, parent)
    close = difflib.get_close_matches(key, fields, n=1)
    if close:
        return f"; did you mean '{close[0]}'?"
    if fields:
        return f"; allowed here: {', '.join(sorted(fields))}"
    return ""


def _fields_at(model: type[BaseModel], parent: KeyPath) -> list[str]:
    """The field names of the model found at ``parent`` (best effort)."""
    current: Any = model
    for part in parent:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if _is_model(current) else None
        if field is None:
            return []
        current = _inner_model(field.annotation)
        if current is None:
            return []
    return list(current.model_fields) if _is_model(current) else []


def _is_model(obj: Any) -> bool:
    return isinstance(obj, type) and issubclass(obj, BaseModel)


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if _is_model(annotation):
        return annotation  # type: ignore[no-any-return]
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
