"""The generated docs trees build without our command and with both engines."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.test_build import make_project, pages, run

CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def _plain_mkdocs(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("CS_PLAYBOOK_SITE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_plain_mkdocs_builds_a_language_from_its_config_file(tmp_path):
    project = make_project(tmp_path)
    assert run(project, "generate").exit_code == 0
    done = _plain_mkdocs(project, "build", "--strict", "-f", "mkdocs.en.yml")
    assert done.returncode == 0, done.stderr
    site = project / "build" / "site" / "en"
    page = (site / "frameworks" / "score" / "index.html").read_text("utf-8")
    assert '<html lang="en"' in page
    assert CSP.search(page) is not None  # our plugin ran
    assert (site / "pagefind" / "pagefind.js").is_file()  # and built the search index
    assert any((site / "downloads").glob("*.md.txt"))


@pytest.fixture(scope="module")
def both_engines(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    sites = {}
    for engine in ("mkdocs", "zensical"):
        project = make_project(tmp_path_factory.mktemp(engine))
        result = run(project, "build", "--engine", engine)
        assert result.exit_code == 0, result.output
        sites[engine] = project / "site"
    return sites


def test_zensical_builds_the_same_pages_in_both_languages(both_engines):
    for lang in ("ja", "en"):
        assert pages(both_engines["zensical"], lang) == pages(both_engines["mkdocs"], lang)
        assert (both_engines["zensical"] / lang / "pagefind" / "pagefind.js").is_file()
    assert (both_engines["zensical"] / "index.html").is_file()  # the language chooser


def test_zensical_pages_keep_the_policy_the_sanitiser_and_the_downloads(both_engines):
    site = both_engines["zensical"]
    for path in site.rglob("*.html"):
        if "pagefind" in path.parts:
            continue
        policy = CSP.search(path.read_text("utf-8"))
        assert policy is not None, path
        assert "'unsafe-inline'" not in policy.group(1).split("script-src")[1].split(";")[0]
    score = (site / "en" / "frameworks" / "score" / "index.html").read_text("utf-8")
    assert "&lt;b&gt;tags&lt;/b&gt;" in score or "&lt;b>tags&lt;/b>" in score
    assert re.search(r"<[a-z][^>]*\son[a-z]+=", score) is None
    template = next((site / "en" / "templates").glob("*/index.html"))
    link = re.search(r'<a[^>]*download="([^"]+)"[^>]*href="([^"]+)"', template.read_text("utf-8"))
    assert link is not None
    assert (template.parent / link.group(2)).resolve().is_file()
    assert not (site / "en" / "sitemap.xml").exists()  # no address, no sitemap


def test_zensical_refuses_settings_it_would_print_unescaped(tmp_path, monkeypatch):
    project = make_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace(
            "site_name: CS Playbook", 'site_name: "</title><script>alert(1)</script>"'
        ),
        "utf-8",
    )
    result = run(project, "build", "--engine", "zensical")
    assert result.exit_code == 1
    assert "site_name: the zensical engine prints it as written" in result.output
    assert not (project / "site").exists()
    config.write_text(config.read_text("utf-8").replace("</title><script>alert(1)</script>", "CS"))
    monkeypatch.setenv("CS_PLAYBOOK_REPO_URL", "javascript://x/%0aalert(1)")
    result = run(project, "build", "--engine", "zensical")
    assert result.exit_code == 1 and "CS_PLAYBOOK_REPO_URL" in result.output
