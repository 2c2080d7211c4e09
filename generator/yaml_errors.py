"""Place a YAML syntax error on the line that was broken, not where the parser gave up.

PyYAML reports where it stopped (``problem_mark``) and the construct it was in
(``context_mark``). An unclosed quote runs on until the next quote, possibly a hundred
lines later; a key indented one space too far is noticed on the line after it. This module
looks between the two marks for the line that explains the error, and checks a guess by
repairing that line and parsing again.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml

#: Scanner contexts whose mark is the start of the broken construct itself.
_CONTEXT_IS_THE_MISTAKE = ("while scanning a simple key", "while scanning a quoted scalar")
_BLOCK_SCALAR = re.compile(r"(?:^|[:\-]\s)\s*[|>][0-9+-]*\s*(?:#.*)?$")
_MAX_REPAIRS = 8


@dataclass(frozen=True)
class Located:
    """Where a syntax error is, and the message that says what happened."""

    line: int
    col: int
    message: str


def locate(exc: yaml.MarkedYAMLError, text: str, parse: Callable[[str], object]) -> Located:
    """The line and column of the mistake behind ``exc`` and a message with PyYAML's context.

    ``parse`` parses a whole text the way the loader does; it is used to check a repair.
    """
    problem, context = exc.problem_mark, exc.context_mark
    stop = (problem.line + 1, problem.column + 1) if problem else (1, 1)
    where = (context.line + 1, context.column + 1) if context else None
    lines = text.split("\n")
    hint = ""
    line, col = stop
    if where and exc.context and exc.context.startswith(_CONTEXT_IS_THE_MISTAKE):
        line, col = where
    else:
        found = _unclosed_quote(lines, where[0] if where else 1, stop[0], stop, parse)
        if found:
            line, col = found
            hint = "this quote is not closed on its line"
        elif where and exc.context and "flow" in exc.context:
            line, col = where
            hint = "this bracket is not closed, or an item in it lacks a ',' or ':'"
        elif (exc.problem or "").startswith("mapping values are not allowed") and (
            found := _key_without_colon(lines, stop[0])
        ):
            line, col = found
            hint = "this line has no ':' after its key"
        else:
            shifted = _misindented(lines, stop[0])
            if shifted:
                line, col = shifted
                hint = "this line is not indented like the lines around it"
    if 0 < line <= len(lines) and "\t" in _leading_space(lines[line - 1]):
        hint = "this line is indented with a tab: indent with spaces"
    return Located(line, col, _message(exc, stop, where, hint, (line, col)))


def _leading_space(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def _message(
    exc: yaml.MarkedYAMLError,
    stop: tuple[int, int],
    where: tuple[int, int] | None,
    hint: str,
    at: tuple[int, int],
) -> str:
    parts = [exc.problem or "invalid YAML"]
    if stop[0] != at[0]:
        parts[0] += f" at line {stop[0]}, column {stop[1]}"
    if exc.context and where:
        parts.append(f"{exc.context} that starts at line {where[0]}, column {where[1]}")
    elif exc.context:
        parts.append(exc.context)
    text = "YAML syntax: " + "; ".join(parts)
    return f"{text} ({hint})" if hint else text


def _significant(lines: list[str]) -> list[bool]:
    """For each line: does it hold YAML structure (not blank, a comment or block-scalar text)?"""
    flags = []
    scalar_indent: int | None = None
    for raw in lines:
        stripped = raw.lstrip(" ")
        indent = len(raw) - len(stripped)
        if scalar_indent is not None:
            if not stripped.strip() or indent > scalar_indent:
                flags.append(False)
                continue
            scalar_indent = None
        significant = bool(stripped.strip()) and not stripped.startswith("#")
        flags.append(significant)
        if significant and _BLOCK_SCALAR.search(raw):
            scalar_indent = indent
    return flags


def _unclosed_quote(
    lines: list[str],
    first: int,
    last: int,
    stop: tuple[int, int],
    parse: Callable[[str], object],
) -> tuple[int, int] | None:
    """The first line in ``first..last`` that opens a quoted value without closing it,
    if closing it there moves the error past where the parser stopped."""
    flags = _significant(lines)
    tried = 0
    for number in range(max(first, 1), min(last, len(lines)) + 1):
        if not flags[number - 1]:
            continue
        col = _open_quote(lines[number - 1])
        if col is None:
            continue
        quote = lines[number - 1][col]
        repaired = list(lines)
        repaired[number - 1] = lines[number - 1].rstrip() + quote
        if _fixed(repaired, number, parse):
            return number, col + 1
        tried += 1
        if tried >= _MAX_REPAIRS:
            break
    return None


def _fixed(repaired: list[str], line: int, parse: Callable[[str], object]) -> bool:
    """Does the repaired text parse, or fail only after ``line``?"""
    try:
        parse("\n".join(repaired))
    except yaml.MarkedYAMLError as again:
        mark = again.problem_mark
        return mark is not None and mark.line + 1 > line + 1
    except yaml.YAMLError:
        return False
    return True


def _open_quote(line: str) -> int | None:
    """Column (0-based) of a quote that starts a value on ``line`` and is not closed on it."""
    i, n = 0, len(line)
    can_start = True  # at a place where a value may begin
    depth = 0  # flow brackets
    while i < n:
        char = line[i]
        if char in "\"'" and can_start:
            end = _closing(line, i)
            if end is None:
                return i
            i, can_start = end + 1, False
            continue
        if char == "#" and (i == 0 or line[i - 1] in " \t"):
            return None
        if char in "[{":
            depth += 1
            can_start = True
        elif char in "]}":
            depth -= 1
        elif _value_may_start_after(line, i, depth):
            can_start = True
        elif char not in " \t":
            can_start = False
        i += 1
    return None


def _value_may_start_after(line: str, i: int, depth: int) -> bool:
    """Is ``line[i]`` a ',' in brackets, a ': ' or a list item's '- '?"""
    char, spaced = line[i], i + 1 == len(line) or line[i + 1] in " \t"
    if char == ",":
        return depth > 0
    if char == ":":
        return spaced
    return char == "-" and spaced and not line[:i].strip()


def _closing(line: str, start: int) -> int | None:
    quote = line[start]
    i = start + 1
    while i < len(line):
        if quote == '"' and line[i] == "\\":
            i += 2
            continue
        if line[i] == quote:
            if quote == "'" and line[i + 1 : i + 2] == "'":
                i += 2
                continue
            return i
        i += 1
    return None


def _key_without_colon(lines: list[str], stop_line: int) -> tuple[int, int] | None:
    """The line before ``stop_line`` if it reads as a key that lost its colon: the parser
    took it as the first line of a longer key and stopped at the next line's colon."""
    flags = _significant(lines)
    number = stop_line - 1
    while number >= 1 and not flags[number - 1]:
        number -= 1
    if number < 1:
        return None
    raw = lines[number - 1]
    content = raw.lstrip(" ")
    body = content[2:] if content.startswith("- ") else content
    if re.search(r":(\s|$)", body) or body[:1] in "\"'[{|>":
        return None
    return number, len(raw) - len(body) + 1


def _misindented(lines: list[str], stop_line: int) -> tuple[int, int] | None:
    """A line near ``stop_line`` whose indentation is off the file's indentation step."""
    flags = _significant(lines)
    indents = [
        len(raw) - len(raw.lstrip(" ")) for raw, flag in zip(lines, flags, strict=True) if flag
    ]
    step = math.gcd(*[i for i in indents if i]) if any(indents) else 2
    step = step if step > 1 else 2
    candidates: list[int] = []
    number = stop_line
    while number >= 1 and len(candidates) < 3:
        if flags[number - 1]:
            candidates.append(number)
        number -= 1
    for number in candidates:
        raw = lines[number - 1]
        indent = len(raw) - len(raw.lstrip(" "))
        if indent % step:
            return number, indent + 1
    return None
