"""Fill a template's body with answers: typed, escaped, never evaluated as a template.

The page's form (``assets/cs-playbook/fill.js``) applies exactly these rules, so the
browser and ``cs-playbook fill`` write byte-identical Markdown for the same answers.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from generator.labels import load_labels
from generator.models.fillable import MARKER

#: Characters that could start Markdown structure inside a line; each gets a backslash.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]|<>#])")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def inline(text: str) -> str:
    """One line of literal text: newlines folded, Markdown punctuation escaped."""
    return _INLINE_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def number(value: float) -> str:
    """A number as people write it: no trailing .0, thousands grouped in the integer part."""
    if float(value).is_integer() and abs(value) < 1e15:
        whole, frac = f"{int(value)}", ""
    else:
        whole, _, frac = repr(float(value)).partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    grouped = re.sub(r"\B(?=(\d{3})+(?!\d))", ",", whole) if whole.isdigit() else whole
    return sign + grouped + ("." + frac if frac else "")


def placeholder(label: str, lang: str) -> str:
    """The visible mark of an empty field (or table column)."""
    return str(load_labels(lang).fill.placeholder).format(label=label)


def render_value(field: Any, value: Any, lang: str) -> str:
    """The Markdown for one answer (already checked by :func:`check_answers`)."""
    if value is None:
        return _blank(field, lang)
    kind = field.type
    if kind in ("short", "long"):
        if kind == "short":
            return inline(value)
        return "\n".join(inline(line) for line in str(value).strip().splitlines())
    if kind in ("number", "money"):
        return number(value)
    if kind == "percent":
        return number(value) + "%"
    if kind == "date":
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    if kind == "choice":
        return inline(next(o.label(lang) for o in field.options if o.id == value))
    if kind == "list":
        return "\n".join(f"- {inline(item)}" for item in value)
    header = "| " + " | ".join(inline(c.label(lang)) for c in field.columns) + " |"
    rule = "| " + " | ".join("---" for _ in field.columns) + " |"
    rows = [
        "| " + " | ".join(inline(_cell(row.get(c.id, ""))) for c in field.columns) + " |"
        for row in value
    ]
    return "\n".join([header, rule, *rows])


def _cell(value: Any) -> str:
    return (
        number(value)
        if isinstance(value, int | float) and not isinstance(value, bool)
        else str(value)
    )


def _blank(field: Any, lang: str) -> str:
    mark = placeholder(field.label(lang), lang)
    if field.type == "list":
        return f"- {mark}"
    if field.type == "table":
        header = "| " + " | ".join(inline(c.label(lang)) for c in field.columns) + " |"
        rule = "| " + " | ".join("---" for _ in field.columns) + " |"
        row = "| " + " | ".join(placeholder(c.label(lang), lang) for c in field.columns) + " |"
        return "\n".join([header, rule, row])
    return mark


def fill(template: Any, answers: dict[str, Any], lang: str) -> str:
    """The document with every marker replaced (missing answers become placeholders)."""
    fields = {f.id: f for f in template.fields}
    body = template.body(lang).strip("\n")
    text = MARKER.sub(
        lambda m: render_value(fields[m.group(1)], answers.get(m.group(1)), lang), body
    )
    return text + "\n"


def blank(template: Any, lang: str) -> str:
    """The blank file: placeholders everywhere, and each field's help in an HTML comment."""
    t = load_labels(lang).fill
    document = fill(template, {}, lang)
    title, _, rest = document.partition("\n")
    notes = [f"{t.guidance}", ""] + [
        f"- {f.label(lang)}: {' '.join(f.help(lang).split())}" for f in template.fields
    ]
    comment = "<!--\n" + "\n".join(notes).replace("--", "—") + "\n-->"
    return f"{title}\n\n{comment}\n{rest}"


def check_answers(
    template: Any, answers: Any, allow_missing: bool
) -> list[tuple[tuple[str, ...], str]]:
    """Problems as (key path, message); an empty list means the answers can be filled."""
    if not isinstance(answers, dict):
        return [((), "answers are a mapping of field id to value")]
    fields = {f.id: f for f in template.fields}
    problems: list[tuple[tuple[str, ...], str]] = []
    for key in answers:
        if key not in fields:
            problems.append(((str(key),), f"unknown field; fields: {', '.join(fields)}"))
    for field in template.fields:
        value = answers.get(field.id)
        if value is None:
            if field.required and not allow_missing:
                problems.append(((field.id,), "required field is missing"))
            continue
        message = _type_problem(field, value)
        if message:
            problems.append(((field.id,), message))
    return problems


def _type_problem(field: Any, value: Any) -> str | None:
    kind = field.type
    if kind in ("short", "long"):
        return None if isinstance(value, str) and value.strip() else "expected text"
    if kind in ("number", "percent", "money"):
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return None if ok else f"expected a number for a {kind} field"
    if kind == "date":
        if isinstance(value, dt.date) or (isinstance(value, str) and _DATE.match(value)):
            return None
        return "expected a date as YYYY-MM-DD"
    if kind == "choice":
        ids = [o.id for o in field.options]
        return None if value in ids else f"expected one of: {', '.join(ids)}"
    if kind == "list":
        ok = isinstance(value, list) and all(isinstance(v, str | int | float) for v in value)
        return None if ok and value else "expected a list of text items"
    columns = {c.id for c in field.columns}
    if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
        return "expected a list of rows (mappings of column id to text)"
    for row in value:
        extra = set(row) - columns
        if extra:
            names = ", ".join(sorted(map(str, extra)))
            return f"unknown column(s) {names}; columns: {', '.join(sorted(columns))}"
    return None


def example_answers(template: Any, lang: str) -> str:
    """An answers file with every field, its label and help as a comment, and example values."""
    import yaml

    lines = [f"# {template.title(lang)}: cs-playbook fill {template.id} --answers this-file"]
    for field in template.fields:
        needed = "" if field.required else " (optional)"
        lines.append(f"# {field.label(lang)}{needed}: {' '.join(field.help(lang).split())}")
        if field.type == "choice":
            lines.append(f"#   options: {', '.join(o.id for o in field.options)}")
        value = yaml.safe_dump({field.id: field.example}, allow_unicode=True, sort_keys=False)
        lines.append(value.rstrip("\n"))
    return "\n".join(lines) + "\n"
