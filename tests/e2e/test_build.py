"""Full builds in tmp_path: both languages, the same pages, strict, atomic."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "golden" / "fixture"


def make_project(tmp_path: Path, content: Path = FIXTURE / "frameworks") -> Path:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(content, project / "frameworks")
    return project


def pages(site: Path, lang: str) -> set[str]:
    return {p.relative_to(site / lang).as_posix() for p in (site / lang).rglob("index.html")}


def run(project: Path, *args: str):
    return CliRunner().invoke(main, ["--project", str(project), *args], catch_exceptions=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The fixture content built with a repository set (edit links appear only then)."""
    project = make_project(tmp_path_factory.mktemp("e2e"))
    with pytest.MonkeyPatch.context() as env:
        env.setenv("CS_PLAYBOOK_REPO_URL", "https://git.example.org/team/cs-playbook")
        result = run(project, "build")
    assert result.exit_code == 0, result.output
    yield project


def test_both_languages_have_the_same_pages(built):
    site = built / "site"
    ja, en = pages(site, "ja"), pages(site, "en")
    assert ja == en
    assert "frameworks/score/index.html" in ja
    assert "playbooks/play/index.html" in ja
    assert "glossary/index.html" in ja


def test_root_page_links_to_both_languages(built):
    html = (built / "site" / "index.html").read_text("utf-8")
    assert 'href="ja/"' in html and 'href="en/"' in html


def test_pages_are_in_their_language_with_word_anchors(built):
    ja = (built / "site/ja/frameworks/score/index.html").read_text("utf-8")
    en = (built / "site/en/frameworks/score/index.html").read_text("utf-8")
    assert '<html lang="ja"' in ja and '<html lang="en"' in en
    assert 'id="スコアの構成"' in ja  # pymdownx slugify keeps Japanese words
    assert 'id="how-the-score-is-built"' in en


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_site_name_is_in_each_page_title_once(built, lang):
    site_name = re.search(r"^site_name: (.+)$", (built / "mkdocs.yml").read_text("utf-8"), re.M)
    assert site_name
    name = site_name[1].strip()
    home = (built / f"site/{lang}/index.html").read_text("utf-8")
    page = (built / f"site/{lang}/frameworks/score/index.html").read_text("utf-8")
    assert re.findall(r"<title>(.*?)</title>", home) == [name]
    [title] = re.findall(r"<title>(.*?)</title>", page)
    assert title.endswith(f" - {name}") and title.count(name) == 1


def test_one_search_index_per_language(built):
    for lang in ("ja", "en"):
        entry = json.loads((built / f"site/{lang}/pagefind/pagefind-entry.json").read_text("utf-8"))
        assert list(entry["languages"]) == [lang]
        assert (built / f"site/{lang}/search/rules.json").is_file()
        # A small site is one part; the browser finds no other part to merge.
        assert json.loads((built / f"site/{lang}/search/parts.json").read_text("utf-8")) == []
        leftovers = [p.name for p in (built / f"site/{lang}").iterdir() if p.name.startswith(".")]
        assert leftovers == []  # the marked articles Pagefind read are gone
    ja = (built / "site/ja/frameworks/score/index.html").read_text("utf-8")
    # The index is built from marked copies of the articles: the page itself is as written.
    assert "data-pagefind" not in ja.replace("data-pagefind=", "") and "cs-search-terms" not in ja


def test_edit_link_points_at_the_yaml_source(built):
    html = (built / "site/en/frameworks/score/index.html").read_text("utf-8")
    assert "edit/main/frameworks/score.yaml" in html


def test_pages_for_the_people_who_build_it_stay_out_of_the_readers_site(built):
    for lang in ("ja", "en"):
        assert not (built / f"site/{lang}/benchmarks").exists()
        assert not (built / f"site/{lang}/contributing").exists()


def test_content_html_is_shown_as_text_not_run(built):
    html = (built / "site/en/frameworks/score/index.html").read_text("utf-8")
    assert "&lt;b&gt;tags&lt;/b&gt;" in html or "&lt;b>tags&lt;/b>" in html
    assert 'href="javascript' not in html
    assert re.search(r"<[a-z][^>]*\son[a-z]+=", html) is None


def test_no_outside_urls_in_pages(built):
    for page in (built / "site").rglob("*.html"):
        html = page.read_text("utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page


def test_check_reports_three_lines_for_three_mistakes(tmp_path):
    project = make_project(tmp_path)
    bad = project / "frameworks" / "bad.yaml"
    bad.write_text(
        "kind: checklist\nid: bad\ntitle: {ja: あ, en: A}\ntitle: {ja: あ, en: A}\n"
        "summary: {ja: 概要}\nbody: {ja: 本文, en: Body}\ncolour: red\n"
        "items:\n  - {id: one, text: {ja: 項目, en: Item}}\n",
        encoding="utf-8",
    )
    result = run(project, "check")
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith("frameworks/")]
    assert lines == [
        "frameworks/bad.yaml:4:1: title: duplicate key 'title' (first at line 3)",
        "frameworks/bad.yaml:5:10: summary.en: missing English text (en)",
        "frameworks/bad.yaml:7:1: colour: unknown key 'colour'; allowed here: body, id, items, "
        "kind, order, style, summary, tags, title",
    ]
    assert "Traceback" not in result.output


def _snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_failed_build_leaves_the_previous_site_byte_identical(tmp_path):
    project = make_project(tmp_path)
    assert run(project, "build").exit_code == 0
    before = _snapshot(project / "site")
    # a content error
    (project / "frameworks" / "broken.yaml").write_text("kind: [\n", encoding="utf-8")
    result = run(project, "build")
    assert result.exit_code == 1 and "broken.yaml:2:1" in result.output
    assert _snapshot(project / "site") == before
    (project / "frameworks" / "broken.yaml").unlink()
    # a MkDocs failure (a hand-written page with a broken link fails --strict)
    (project / "docs" / "en" / "oops.md").write_text("[x](missing.md)\n", encoding="utf-8")
    result = run(project, "build")
    assert result.exit_code == 1 and "previous site is unchanged" in result.output
    assert _snapshot(project / "site") == before
    leftovers = [p.name for p in project.iterdir() if p.name.startswith(".site-")]
    assert leftovers == []


def test_generate_writes_nothing_when_nothing_changed(tmp_path):
    project = make_project(tmp_path)
    first = run(project, "generate")
    assert first.exit_code == 0 and " 0 unchanged" in first.output
    second = run(project, "generate")
    assert second.output.count(" 0 files written") == 2 and ", 0 removed" in second.output
