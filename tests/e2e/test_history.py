"""Dates and "what's new" come from git: a content change committed in a temporary
repository shows on its page, on the changes page and in the Atom feed."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

from generator.core import CHANGES_PAGE, FEED_FILE, generate

FIXTURE = Path(__file__).resolve().parents[1] / "golden" / "fixture" / "frameworks"
ATOM = "{http://www.w3.org/2005/Atom}"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(repo: Path, *args: str, day: str) -> None:
    stamp = f"{day}T12:00:00+00:00"
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="CS team",
        GIT_AUTHOR_EMAIL="cs@example.com",
        GIT_COMMITTER_NAME="CS team",
        GIT_COMMITTER_EMAIL="cs@example.com",
        GIT_AUTHOR_DATE=stamp,
        GIT_COMMITTER_DATE=stamp,
    )
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The golden fixture committed on 2026-10-01, its health weights changed on 2026-11-15
    (60 → 55 and 40 → 45), and a new playbook step text on 2026-11-20."""
    shutil.copytree(FIXTURE, tmp_path / "frameworks")
    _git(tmp_path, "init", "-q", "-b", "main", day="2026-10-01")
    _git(tmp_path, "add", "-A", day="2026-10-01")
    _git(tmp_path, "commit", "-q", "-m", "first", day="2026-10-01")
    score = tmp_path / "frameworks" / "score.yaml"
    text = score.read_text("utf-8")
    score.write_text(text.replace("weight: 60", "weight: 55").replace("weight: 40", "weight: 45"))
    _git(tmp_path, "commit", "-q", "-am", "weights", day="2026-11-15")
    play = tmp_path / "frameworks" / "play.yaml"
    lines = play.read_text("utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if "title:" in line and "ja:" in line)
    lines[index] = lines[index].replace("ja: ", "ja: 改訂 ", 1)
    play.write_text("".join(lines), "utf-8")
    _git(tmp_path, "commit", "-q", "-am", "wording", day="2026-11-20")
    return tmp_path


def test_pages_say_when_their_source_last_changed(repo: Path) -> None:
    generated = generate(repo)
    score_page = next(p for p, s in generated.sources.items() if s == "frameworks/score.yaml")
    assert "最終更新日：2026年11月15日" in generated.pages["ja"][score_page]
    assert "Last changed: November 15, 2026" in generated.pages["en"][score_page]
    rules_page = next(p for p, s in generated.sources.items() if s == "frameworks/rules.yaml")
    assert "Last changed: October 1, 2026" in generated.pages["en"][rules_page]


def test_the_changes_page_lists_numbers_old_to_new_newest_first(repo: Path) -> None:
    generated = generate(repo)
    en = generated.pages["en"][CHANGES_PAGE]
    ja = generated.pages["ja"][CHANGES_PAGE]
    assert en.index("## November 20, 2026") < en.index("## November 15, 2026")
    assert en.index("## November 15, 2026") < en.index("## October 1, 2026")
    assert "60 → 55" in en and "40 → 45" in en
    assert "Usage (weight): 60 → 55" in en
    assert "利用（重み）：60 → 55" in ja
    november_20 = en[en.index("## November 20, 2026") : en.index("## November 15, 2026")]
    assert "Text updated" in november_20
    october = en[en.index("## October 1, 2026") :]
    assert october.count("New page") >= 5
    # Each page is named by its own title: the home page by the site's name.
    site_name = generated.catalog.one("site").name("en")
    assert f"[{site_name}](../index.md) — New page" in october
    assert october.count("[Glossary](../glossary/index.md)") == 1
    nav_en = generated.nav["en"]
    assert nav_en[1] == {"What's new": CHANGES_PAGE}


def test_the_feed_is_atom_with_one_entry_per_page_and_day(repo: Path) -> None:
    generated = generate(repo)
    root = ElementTree.fromstring(generated.downloads["en"][FEED_FILE])
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert entries[0].findtext(f"{ATOM}updated") == "2026-11-20T00:00:00+00:00"
    titles = [e.findtext(f"{ATOM}title") or "" for e in entries]
    assert any("60 → 55" in title for title in titles)
    links = [e.find(f"{ATOM}link") for e in entries]
    assert all(link is not None and not link.get("href", "").startswith("/") for link in links)
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(ids) == len(set(ids))
    ja = ElementTree.fromstring(generated.downloads["ja"][FEED_FILE])
    assert ja.get("{http://www.w3.org/XML/1998/namespace}lang") == "ja"


def test_without_git_there_is_no_date_and_no_changes_page(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path / "frameworks")
    generated = generate(tmp_path)
    assert CHANGES_PAGE not in generated.pages["en"]
    assert FEED_FILE not in generated.downloads["en"]
    assert not any("Last changed" in page for page in generated.pages["en"].values())
