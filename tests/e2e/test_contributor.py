"""A contributor's first hour: schemas are current, `new` writes a valid skeleton that builds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.kinds import KINDS, skeleton_folders
from generator.loader import find_content_files
from generator.schema import all_schemas

ROOT = Path(__file__).resolve().parents[2]


def run(project: Path, *args: str):
    return CliRunner().invoke(main, ["--project", str(project), *args], catch_exceptions=False)


def test_schema_files_are_current():
    assert run(ROOT, "schema", "--check").exit_code == 0, "run: cs-playbook schema"
    assert set(all_schemas()) == {p.name for p in (ROOT / "schema").glob("*.json")}


def test_every_content_file_names_its_schema():
    for path in find_content_files(ROOT / "frameworks"):
        first = path.read_text("utf-8").splitlines()[0]
        kind = next(
            line.split(":", 1)[1].strip()
            for line in path.read_text("utf-8").splitlines()
            if line.startswith("kind:")
        )
        assert kind in KINDS, path
        assert first == f"# yaml-language-server: $schema=../../schema/{kind}.schema.json", path


def test_schema_describes_the_model():
    schema = json.loads(all_schemas()["framework.schema.json"])
    assert schema["additionalProperties"] is False
    assert {"id", "title", "questions", "group"} <= set(schema["required"])


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in ("mkdocs.yml", "frameworks", "docs", "overrides"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, tmp_path / name)
        else:
            shutil.copy2(src, tmp_path / name)
    return tmp_path


@pytest.mark.parametrize("kind", sorted(skeleton_folders()))
def test_new_writes_a_skeleton_that_passes_check(project, kind):
    result = run(project, "new", kind, "brand-new")
    assert result.exit_code == 0, result.output
    assert run(project, "check").exit_code == 0
    again = run(project, "new", kind, "brand-new")
    assert again.exit_code == 1 and "already exists" in again.output


def test_new_rejects_a_bad_id(project):
    result = run(project, "new", "framework", "Bad_Id")
    assert result.exit_code == 1 and "not a valid id" in result.output
    assert not list((project / "frameworks").rglob("Bad_Id*"))


@pytest.mark.slow  # a whole build of both languages (about 15 s): full suite, not the quick loop
def test_new_framework_appears_in_both_sites(project):
    assert run(project, "new", "framework", "adoption-review").exit_code == 0
    assert run(project, "build").exit_code == 0
    for lang in ("ja", "en"):
        page = project / "site" / lang / "frameworks" / "adoption-review" / "index.html"
        assert page.is_file()
        # The home page lists situations and sections; the frameworks index lists them all.
        index = (project / "site" / lang / "frameworks" / "index.html").read_text("utf-8")
        assert 'href="adoption-review/"' in index
