"""The shipped content and skeletons parse the same with libyaml and pure-Python PyYAML."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.catalog import load_catalog
from generator.kinds import skeleton_folders
from generator.loader import find_content_files
from generator.scaffold import skeleton

ROOT = Path(__file__).resolve().parents[2]


CONTENT = [
    *find_content_files(ROOT / "frameworks"),
    *find_content_files(ROOT / "tests" / "golden" / "fixture" / "frameworks"),
]


def both(text: str) -> tuple[object, object]:
    return yaml.load(text, Loader=yaml.CSafeLoader), yaml.load(text, Loader=yaml.SafeLoader)


def test_libyaml_is_there_to_compare_with():
    assert hasattr(yaml, "CSafeLoader")
    assert len(CONTENT) > 50


@pytest.mark.parametrize("path", CONTENT, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_content_file_parses_the_same_with_both_loaders(path):
    with_c, pure = both(path.read_text("utf-8"))
    assert with_c == pure


@pytest.mark.parametrize("kind", sorted(skeleton_folders()))
def test_skeleton_parses_the_same_with_both_loaders(kind):
    catalog = load_catalog(ROOT / "frameworks", ROOT)
    with_c, pure = both(skeleton(kind, "new-item", catalog))
    assert with_c == pure
    assert isinstance(pure, dict) and pure["id"] == "new-item"


def test_check_passes_without_libyaml():
    code = (
        "import sys, yaml; del yaml.CSafeLoader; "
        "from generator import loader; assert loader._SafeLoader is yaml.SafeLoader; "
        "from generator.cli import main; main(['--project', sys.argv[1], 'check'])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok: ")
