"""Skeleton placeholders in the shipped content and in new files written beside it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.kinds import skeleton_folders

ROOT = Path(__file__).resolve().parents[2]


WARNING = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<key>\S+): warning: .+$")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "frameworks", tmp_path / "frameworks")
    return tmp_path


def _run(project: Path, *args: str):
    return CliRunner().invoke(main, ["--project", str(project), *args])


def test_the_real_content_has_no_placeholder_and_passes_strict(project: Path):
    result = _run(project, "check", "--strict")
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output


@pytest.mark.parametrize("kind", sorted(skeleton_folders()))
def test_an_untouched_skeleton_is_warned_about_at_each_placeholder(project: Path, kind: str):
    assert _run(project, "new", kind, "my-test").exit_code == 0
    path = project / "frameworks" / skeleton_folders()[kind] / "my-test.yaml"
    lines = path.read_text("utf-8").split("\n")

    result = _run(project, "check")
    assert result.exit_code == 0, result.output
    warnings = [m for line in result.output.splitlines() if (m := WARNING.match(line))]
    assert warnings, result.output
    for found in warnings:
        assert found["path"] == f"frameworks/{skeleton_folders()[kind]}/my-test.yaml"
        text = lines[int(found["line"]) - 1][int(found["col"]) - 1 :]
        assert text[:1] in "(（", f"{found.group(0)} does not point at a placeholder: {text!r}"

    strict = _run(project, "check", "--strict")
    assert strict.exit_code == 1
    assert "warning" in strict.output


def test_a_placeholder_replaced_by_real_text_is_no_longer_reported(project: Path):
    assert _run(project, "new", "framework", "my-test").exit_code == 0
    path = project / "frameworks" / "frameworks" / "my-test.yaml"
    text = path.read_text("utf-8")
    before = _run(project, "check").output.count("(Framework name)")
    path.write_text(text.replace("(Framework name)", "Renewal forecasting"), "utf-8")
    after = _run(project, "check").output
    assert before == 1
    assert "(Framework name)" not in after
    assert "（フレームワーク名）" in after  # the Japanese title is still a placeholder
