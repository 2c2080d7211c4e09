"""The generator core: labels, links, numbers, modules that import on their own."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.links import relative, target_of
from generator.render import format_number

LABELS = Path(__file__).resolve().parents[2] / "generator" / "templates" / "labels"


def _keys(data: dict, prefix: str = "") -> set[str]:
    keys = set()
    for key, value in data.items():
        keys.add(prefix + key)
        if isinstance(value, dict):
            keys |= _keys(value, f"{prefix}{key}.")
    return keys


def test_label_files_have_the_same_keys():
    ja = yaml.safe_load((LABELS / "ja.yaml").read_text("utf-8"))
    en = yaml.safe_load((LABELS / "en.yaml").read_text("utf-8"))
    assert _keys(ja) == _keys(en)


def test_links_are_relative_between_pages():
    assert target_of("framework", "health-score") == "frameworks/health-score.md"
    assert target_of("term", "grr") == "glossary/index.md#grr"
    assert relative("playbooks/high-touch.md", "frameworks/x.md") == "../frameworks/x.md"
    assert relative("index.md", "glossary/index.md#grr") == "glossary/index.md#grr"


@pytest.mark.parametrize(
    ("value", "shown"), [(80.0, "80"), (1.5, "1.5"), (1000, "1,000"), (0, "0")]
)
def test_numbers_are_shown_without_noise(value, shown):
    assert format_number(value) == shown


def test_every_module_imports_on_its_own():
    """No import cycle hides behind the order in which other modules happen to load."""
    import subprocess
    import sys

    # One interpreter; before each import every generator module is forgotten again.
    script = """
import importlib, pkgutil, sys
import generator
names = [m.name for m in pkgutil.walk_packages(generator.__path__, "generator.")]
for name in names:
    if name.endswith("__main__"):
        continue
    for loaded in [m for m in sys.modules if m.startswith("generator.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except ImportError as exc:
        print(name, exc)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
