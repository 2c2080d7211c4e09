"""Arithmetic formulas over named inputs: parsed against a whitelist, never evaluated as code.

Grammar: numbers, input names, + - * / (also × ÷ −), parentheses, unary minus, and
``min(...)`` / ``max(...)``. A formula becomes a small JSON-ready tree that Python
(:func:`evaluate`) and the site's calculators (``assets/cs-playbook/calculators.js``)
evaluate the same way, operation by operation.
"""

from __future__ import annotations

import re
from typing import Any

Node = dict[str, Any]

# ASCII digits only: \d would take other scripts' digits, which float() reads but the page
# does not.
_TOKEN = re.compile(
    r"\s*(?:(?P<num>[0-9]+(?:\.[0-9]+)?)|(?P<name>[a-z][a-z0-9_]*)|(?P<op>[-+*/(),×÷−]))"
)
_OPS = {"×": "*", "÷": "/", "−": "-"}
FUNCTIONS = {"min", "max"}

#: Limits that keep a formula readable and its tree small enough for Python and the page to
#: walk without running out of stack (the page's JSON must never hold Infinity).
MAX_TOKENS = 200
MAX_DEPTH = 32
MAX_NUMBER = 1e15


class FormulaError(ValueError):
    """The formula is not plain arithmetic over known inputs."""


class EvaluationError(ValueError):
    """The inputs cannot be used (missing, negative, a zero denominator)."""


def parse(text: str, inputs: set[str]) -> Node:
    """Parse ``text`` into a tree; every name must be one of ``inputs``."""
    tokens = _tokenize(text)
    parser = _Parser(tokens, inputs)
    node = parser.expression()
    if parser.peek() is not None:
        raise parser.fail(f"unexpected {parser.peek()!r} after a complete formula")
    return node


def _tokenize(text: str) -> list[tuple[str, int]]:
    """(token, 1-based character position) pairs."""
    tokens: list[tuple[str, int]] = []
    position = 0
    text = text.rstrip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match or match.end() == position:
            start = len(text) - len(text[position:].lstrip())
            raise FormulaError(f"unexpected character {text[start]!r} at character {start + 1}")
        token = match.group(match.lastgroup or "op")
        tokens.append((_OPS.get(token, token), match.start(match.lastgroup or "op") + 1))
        position = match.end()
    if not tokens:
        raise FormulaError("the formula is empty")
    if len(tokens) > MAX_TOKENS:
        raise FormulaError(f"the formula has {len(tokens)} parts; at most {MAX_TOKENS} are allowed")
    return tokens


class _Parser:
    def __init__(self, tokens: list[tuple[str, int]], inputs: set[str]) -> None:
        self.tokens = tokens
        self.index = 0
        self.inputs = inputs
        self.depth = 0

    def peek(self) -> str | None:
        return self.tokens[self.index][0] if self.index < len(self.tokens) else None

    def where(self) -> str:
        """Where the next token starts, for messages."""
        if self.index < len(self.tokens):
            return f"at character {self.tokens[self.index][1]}"
        return "at the end"

    def fail(self, message: str) -> FormulaError:
        return FormulaError(f"{message} {self.where()}")

    def take(self, expected: str | None = None) -> str:
        token = self.peek()
        if token is None:
            raise FormulaError("the formula ends too early")
        if expected is not None and token != expected:
            raise self.fail(f"expected {expected!r}, found {token!r}")
        self.index += 1
        return token

    def expression(self) -> Node:
        node = self.term()
        while self.peek() in ("+", "-"):
            op = self.take()
            node = {"op": op, "args": [node, self.term()]}
        return node

    def term(self) -> Node:
        node = self.factor()
        while self.peek() in ("*", "/"):
            op = self.take()
            node = {"op": op, "args": [node, self.factor()]}
        return node

    def factor(self) -> Node:
        self.depth += 1
        try:
            return self._factor()
        finally:
            self.depth -= 1

    def _factor(self) -> Node:
        if self.depth > MAX_DEPTH:
            raise self.fail(f"parentheses, signs and functions nest deeper than {MAX_DEPTH}")
        token = self.peek()
        if token == "-":
            self.take()
            return {"op": "neg", "args": [self.factor()]}
        if token == "(":
            self.take()
            node = self.expression()
            self.take(")")
            return node
        if token is not None and token[0].isdigit():
            value = float(token)
            if not value < MAX_NUMBER:
                shown = token if len(token) <= 20 else token[:17] + "..."
                raise self.fail(f"the number {shown} is too large (the limit is {MAX_NUMBER:.0e})")
            self.take()
            return {"num": value}
        if token is not None and token[0].isalpha():
            if token in FUNCTIONS:
                self.take()
                return self.call(token)
            if token not in self.inputs:
                known = ", ".join(sorted(self.inputs)) or "none"
                raise self.fail(f"unknown input {token!r} (inputs: {known})")
            self.take()
            return {"var": token}
        if token is None:
            raise FormulaError("the formula ends too early")
        raise self.fail(f"unexpected {token!r}")

    def call(self, name: str) -> Node:
        self.take("(")
        args = [self.expression()]
        while self.peek() == ",":
            self.take()
            args.append(self.expression())
        self.take(")")
        return {"fn": name, "args": args}


def names(node: Node) -> set[str]:
    """Every input a tree uses."""
    if "var" in node:
        return {node["var"]}
    return set().union(*(names(arg) for arg in node.get("args", [])))


def evaluate(node: Node, values: dict[str, float]) -> float:
    """The value of a tree for the given inputs (same order of operations as the site)."""
    if "num" in node:
        return float(node["num"])
    if "var" in node:
        return float(values[node["var"]])
    args = [evaluate(arg, values) for arg in node["args"]]
    if "fn" in node:
        return min(args) if node["fn"] == "min" else max(args)
    op = node["op"]
    if op == "neg":
        return -args[0]
    if op == "+":
        return args[0] + args[1]
    if op == "-":
        return args[0] - args[1]
    if op == "*":
        return args[0] * args[1]
    if args[1] == 0:
        raise EvaluationError("division by zero: an input in a denominator is 0")
    return args[0] / args[1]


def pretty(node: Node, parent: int = 0, names: dict[str, str] | None = None) -> str:
    """The tree written back for people: × ÷ −, parentheses only where needed.

    With ``names``, inputs are written with those names (their labels in the reader's
    language) instead of their ids.
    """
    if "num" in node:
        value = node["num"]
        return str(int(value)) if float(value).is_integer() else str(value)
    if "var" in node:
        name = str(node["var"])
        return names.get(name, name) if names else name
    if "fn" in node:
        return f"{node['fn']}({', '.join(pretty(a, 0, names) for a in node['args'])})"
    op = node["op"]
    if op == "neg":
        return f"−{pretty(node['args'][0], 3, names)}"
    level = 1 if op in "+-" else 2
    symbol = {"+": "+", "-": "−", "*": "×", "/": "÷"}[op]
    left = pretty(node["args"][0], level, names)
    right = pretty(node["args"][1], level + 1, names)
    text = f"{left} {symbol} {right}"
    return f"({text})" if level < parent else text
