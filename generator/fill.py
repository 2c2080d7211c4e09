"""Fill a template's body with answers: typed, escaped, never evaluated as a template.

The page's form (``assets/cs-playbook/fill.js``) applies exactly these rules, so the
browser and ``cs-playbook fill`` write byte-identical Markdown for the same answers.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import yaml

from generator.answers import Problem, located_problem
from generator.labels import load_labels
from generator.models.fillable import MARKER

#: Characters that could start Markdown structure inside a line; each gets a backslash.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]|<>#])")
#: What would start a block at the beginning of a line: a list item, a setext underline
#: (``---``, ``===``), a fence (``~~~``) or a numbered item (``1.``, ``1)``).
_LEADING_MARK = re.compile(r"^([-+=~]|\d+(?=[.)]))")


def inline(text: str) -> str:
    """One line of literal text: newlines folded, Markdown punctuation escaped.

    The result is safe anywhere in a line, the start included: an answer can neither
    open a block (list, heading, fence, quote) nor split a table cell.
    """
    line = _INLINE_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
    match = _LEADING_MARK.match(line)
    if match is None:
        return line
    if match.group(1).isdigit():
        end = match.end()
        return line[:end] + "\\" + line[end:]
    return "\\" + line


def number(value: float) -> str:
    """A number as people write it: no exponent, no trailing .0, thousands grouped.

    Fractions keep the shortest digits that read back as the same float (what JavaScript's
    ``String(x)`` gives), written out in full: 0.00001, never 1e-05.
    """
    magnitude = abs(float(value))
    exact = magnitude.is_integer()
    text = str(int(magnitude)) if exact else format(Decimal(repr(magnitude)), "f")
    whole, _, frac = text.partition(".")
    sign = "-" if float(value) < 0 else ""
    return sign + re.sub(r"\B(?=(\d{3})+(?!\d))", ",", whole) + ("." + frac if frac else "")


def placeholder(label: str, lang: str) -> str:
    """The visible mark of an empty field (or table column)."""
    return str(load_labels(lang).fill.placeholder).format(label=label)


def render_value(field: Any, value: Any, lang: str) -> str:
    """The Markdown for one answer (already checked by :func:`check_answers`)."""
    if value is None:
        return _blank(field, lang)
    kind = field.type
    if kind == "short":
        return inline(value)
    if kind == "long":
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
    rows = [[inline(_cell(row.get(c.id, ""))) for c in field.columns] for row in value]
    return _table(field, lang, rows)


def _cell(value: Any) -> str:
    # A cell is text: a number keeps the digits it was written with (2026 stays 2026).
    return "" if value is None else str(value)


def _blank(field: Any, lang: str) -> str:
    mark = placeholder(field.label(lang), lang)
    if field.type == "list":
        return f"- {mark}"
    if field.type == "table":
        return _table(field, lang, [[placeholder(c.label(lang), lang) for c in field.columns]])
    return mark


def _table(field: Any, lang: str, rows: list[list[str]]) -> str:
    """A Markdown table: the field's column labels as header, then ``rows`` of ready cells."""
    lines = [[inline(c.label(lang)) for c in field.columns], ["---"] * len(field.columns), *rows]
    return "\n".join("| " + " | ".join(cells) + " |" for cells in lines)


def examples(template: Any, lang: str) -> dict[str, Any]:
    """The example answer of every field, in ``lang``."""
    return {f.id: f.example_in(lang) for f in template.fields}


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
    labels = load_labels(lang)
    t, colon = labels.fill, labels.common.colon
    document = fill(template, {}, lang)
    title, _, rest = document.partition("\n")
    notes = [f"{t.guidance}", ""] + [
        f"- {f.label(lang)}{colon}{' '.join(f.help(lang).split())}" for f in template.fields
    ]
    comment = "<!--\n" + "\n".join(notes).replace("--", "—") + "\n-->"
    return f"{title}\n\n{comment}\n{rest}"


def check_answers(template: Any, answers: Any, allow_missing: bool) -> list[Problem]:
    """Every problem of an answers file; an empty list means the answers can be filled."""
    if not isinstance(answers, dict):
        return [Problem((), "answers are a mapping of field id to value")]
    fields = {f.id: f for f in template.fields}
    problems = [
        Problem((str(key),), f"unknown field; fields: {', '.join(fields)}", at_key=True)
        for key in answers
        if key not in fields
    ]
    for field in template.fields:
        value = answers.get(field.id)
        if value is None:
            if field.required and not allow_missing:
                problems.append(Problem((field.id,), "required field is missing"))
            continue
        located = located_problem(field, value)
        if located:
            problems.append(located._replace(loc=(field.id, *located.loc)))
    return problems


def example_answers(template: Any, lang: str) -> str:
    """An answers file with every field, its label and help as a comment, and example values."""
    t = load_labels(lang).fill
    lines = [
        "# " + str(t.answers_header).format(title=template.title(lang), id=template.id, lang=lang)
    ]
    for field in template.fields:
        label = (
            field.label(lang)
            if field.required
            else str(t.optional_field).format(label=field.label(lang))
        )
        lines.append(f"# {label}: {' '.join(field.help(lang).split())}")
        if field.type == "choice":
            choices = ", ".join(f"{o.id} ({o.label(lang)})" for o in field.options)
            lines.append("#   " + str(t.answers_options).format(options=choices))
        lines.append(_dump_answer(field.id, field.example_in(lang)))
    return "\n".join(lines) + "\n"


class _AnswersDumper(yaml.SafeDumper):
    """Writes long texts as literal blocks."""


def _text(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_AnswersDumper.add_representer(str, _text)


def _dump_answer(key: str, value: Any) -> str:
    """One ``key: value`` of an answers file: long texts as literal blocks, never wrapped."""
    dumped = yaml.dump(
        {key: value}, Dumper=_AnswersDumper, allow_unicode=True, sort_keys=False, width=10**6
    )
    return dumped.rstrip("\n")
