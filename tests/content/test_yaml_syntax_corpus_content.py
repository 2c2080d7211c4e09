"""Broken copies of shipped content files: the reported line is the line broken."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml

from generator import loader
from generator.loader import load_bytes

ROOT = Path(__file__).resolve().parents[2]


FILES = [
    "frameworks/frameworks/health-score.yaml",
    "frameworks/playbooks/churn-risk-intervention.yaml",
    "frameworks/kpis/nrr.yaml",
    "frameworks/templates/qbr.yaml",
    "frameworks/glossary/metrics.yaml",
    "frameworks/checklists/quality-standards.yaml",
]


#: ``key: plain value`` (optionally a list item), the kind of line people edit.
KEY_VALUE = re.compile(r"^(?P<indent> *)(?P<dash>- )?(?P<key>[a-z_][a-z0-9_-]*): (?P<value>\S.*)$")


FLOW = re.compile(r"^ *(- )?[a-z_][a-z0-9_-]*: \{.*\}$")


PLAIN_START = re.compile(r"""^[^"'|>{\[#&*!%@`]""")


#: At most this many lines of each file are broken in each way (spread over the file).
PER_FILE = 6


Mutation = Callable[[re.Match[str]], str | None]


def _quote(char: str) -> Mutation:
    return lambda m: f"{m['indent']}{m['dash'] or ''}{m['key']}: {char}{m['value']}"


def _reindent(delta: int) -> Mutation:
    def mutate(m: re.Match[str]) -> str | None:
        if len(m["indent"]) + delta < 0 or not m["indent"]:
            return None
        return " " * (len(m["indent"]) + delta) + m.string.lstrip(" ")

    return mutate


def _tab(m: re.Match[str]) -> str | None:
    return "\t" + m.string.lstrip(" ") if m["indent"] else None


def _no_colon(m: re.Match[str]) -> str:
    return f"{m['indent']}{m['dash'] or ''}{m['key']} {m['value']}"


MUTATIONS: dict[str, Mutation] = {
    "unclosed double quote": _quote('"'),
    "unclosed single quote": _quote("'"),
    "one space too many": _reindent(1),
    "one space too few": _reindent(-1),
    "tab in the indentation": _tab,
    "missing colon": _no_colon,
}


def _cases() -> Iterator[tuple[str, str, int, str]]:
    """(file, way, line number broken, broken text)."""
    for name in FILES:
        lines = (ROOT / name).read_text("utf-8").split("\n")
        editable = [
            i
            for i, line in enumerate(lines)
            if (m := KEY_VALUE.match(line)) and PLAIN_START.match(m["value"]) and i > 3
        ]
        flows = [i for i, line in enumerate(lines) if FLOW.match(line)]
        for way, mutate in MUTATIONS.items():
            for i in editable[:: max(1, len(editable) // PER_FILE)][:PER_FILE]:
                broken = mutate(KEY_VALUE.match(lines[i]))  # type: ignore[arg-type]
                if broken is not None:
                    yield name, way, i + 1, "\n".join([*lines[:i], broken, *lines[i + 1 :]])
        for i in flows[:: max(1, len(flows) // PER_FILE)][:PER_FILE]:
            broken = lines[i].rstrip("}")
            yield name, "unclosed brace", i + 1, "\n".join([*lines[:i], broken, *lines[i + 1 :]])
        plain_keys = [i for i in editable if not lines[i].lstrip().startswith("- ")]
        for i in plain_keys[:: max(1, len(plain_keys) // PER_FILE)][:PER_FILE]:
            # the line written a second time is the mistake
            text = "\n".join([*lines[: i + 1], lines[i], *lines[i + 1 :]])
            yield name, "duplicate key", i + 2, text


CASES = list(_cases())


def test_the_corpus_breaks_every_file_in_every_way():
    ways = {(name, way) for name, way, _, _ in CASES}
    assert len(CASES) > 200
    assert {way for _, way in ways} == {*MUTATIONS, "unclosed brace", "duplicate key"}


class _PurePythonLoader(yaml.SafeLoader):
    """PyYAML's own parser: its messages differ from libyaml's, the located line must not."""


@pytest.fixture(params=["libyaml", "pure-python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "pure-python":
        monkeypatch.setattr(loader, "_SafeLoader", _PurePythonLoader)
    return str(request.param)


@pytest.mark.parametrize(
    ("name", "way", "line", "text"),
    CASES,
    ids=[f"{Path(n).stem}:{line}:{way}" for n, way, line, _ in CASES],
)
def test_the_reported_line_is_the_line_broken(parser, name, way, line, text):
    _, errors = load_bytes(text.encode("utf-8"), name)
    assert errors, f"breaking line {line} ({way}) still parses"
    first = min(errors, key=lambda e: e.line)
    assert first.line == line, str(first)
    assert first.path == name
    assert "Traceback" not in first.message
