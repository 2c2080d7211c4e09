"""The generated project on disk: docs trees, derived configs, only changed files written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.core import generate
from generator.docs_tree import config_file, docs_dir, write_project
from generator.errors import ContentErrors
from generator.labels import load_labels
from generator.langs import SHIPPED
from generator.theme_safety import UnsafeSetting

FIXTURE = Path(__file__).resolve().parents[1] / "golden" / "fixture" / "frameworks"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("CS_PLAYBOOK_SITE_URL", raising=False)
    shutil.copytree(FIXTURE, tmp_path / "frameworks")
    return tmp_path


def _write(project: Path):
    return write_project(project, generate(project))


def test_every_page_download_and_config_is_a_file(project):
    generated = generate(project)
    write_project(project, generated)
    for lang in SHIPPED.codes:
        tree = docs_dir(project, lang)
        for rel in generated.pages[lang]:
            text = (tree / rel).read_text("utf-8")
            # Abbreviations travel with each page, so any engine shows them.
            assert text.endswith(generated.abbreviations[lang]), rel
        for rel in generated.downloads[lang]:
            assert (tree / rel).is_file(), rel
        assert (tree / "search" / "rules.json").is_file()
        derived = yaml.safe_load((project / "build" / "config" / f"{lang}.yml").read_text())
        assert derived["INHERIT"] == "../../mkdocs.yml"
        assert derived["nav"] == generated.nav[lang]
        assert [a["lang"] for a in derived["extra"]["alternate"]] == list(SHIPPED.codes)
        small = yaml.safe_load(config_file(project, lang).read_text("utf-8"))
        assert small["INHERIT"] == f"build/config/{lang}.yml"
        assert small["docs_dir"] == f"build/docs/{lang}"
        assert small["theme"] == {"language": lang}


def test_a_run_without_changes_writes_nothing(project):
    first = _write(project)
    assert all(report.written for report in first.values())
    second = _write(project)
    assert all(r.written == [] and r.removed == [] for r in second.values())


def test_a_changed_item_rewrites_its_page_only_and_a_removed_one_goes(project):
    _write(project)
    play = project / "frameworks" / "play.yaml"
    play.write_text(play.read_text("utf-8").replace("Kickoff", "Kick-off"), "utf-8")
    changed = _write(project)["en"]
    assert "build/docs/en/playbooks/play.md" in changed.written
    assert not any("frameworks/score" in path for path in changed.written)
    (project / "frameworks" / "compare.yaml").unlink()
    removed = _write(project)["ja"]
    assert any(path.startswith("build/docs/ja/comparisons/") for path in removed.removed)


def test_generated_pages_name_their_source_for_edit_links(project):
    _write(project)
    page = (docs_dir(project, "en") / "frameworks" / "score.md").read_text("utf-8")
    assert page.startswith('---\nsource: "frameworks/score.yaml"\n')


def test_the_small_config_of_a_language_is_created_once_and_kept(project):
    _write(project)
    small = config_file(project, "ja")
    small.write_text(small.read_text("utf-8") + "copyright: ours\n", "utf-8")
    _write(project)
    assert small.read_text("utf-8").endswith("copyright: ours\n")


def test_handwritten_pages_are_copied_and_listed_but_may_not_replace_a_generated_one(project):
    (project / "docs" / "en").mkdir(parents=True)
    (project / "docs" / "en" / "team.md").write_text("# Our team\n", "utf-8")
    _write(project)
    assert (docs_dir(project, "en") / "team.md").read_text("utf-8").startswith("# Our team\n")
    derived = yaml.safe_load((project / "build" / "config" / "en.yml").read_text())
    assert derived["nav"][-1] == {load_labels("en").nav.about: ["team.md"]}
    (project / "docs" / "en" / "index.md").write_text("# Mine\n", "utf-8")
    with pytest.raises(ContentErrors, match=r"docs/en/index.md:1:1: -: index.md is also"):
        _write(project)


def test_site_address_per_language_and_unsafe_ones_refused(project, monkeypatch):
    monkeypatch.setenv("CS_PLAYBOOK_SITE_URL", "https://cs.example.org/handbook/")
    _write(project)
    derived = yaml.safe_load((project / "build" / "config" / "ja.yml").read_text())
    assert derived["site_url"] == "https://cs.example.org/handbook/ja/"
    monkeypatch.setenv("CS_PLAYBOOK_SITE_URL", "javascript://x/%0aalert(1)")
    with pytest.raises(UnsafeSetting, match="CS_PLAYBOOK_SITE_URL"):
        _write(project)


def test_no_file_is_written_outside_the_project(project):
    _write(project)
    written = {p for p in project.rglob("*") if p.is_file()}
    assert all(p.resolve().is_relative_to(project.resolve()) for p in written)
    assert not (project.parent / "build").exists()
