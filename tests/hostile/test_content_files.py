"""Content files a hostile checkout can hold: links out of frameworks/, unreadable files and
folders, named pipes, control characters, odd file names. Each is one located error line."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import loader
from generator.cli import main
from tests.hostile.corpus import VALID

FIXTURE = Path(__file__).resolve().parents[1] / "golden" / "fixture"
ROOT = Path(__file__).resolve().parents[2]
PLAIN_LINE = re.compile(r'^frameworks/[^:"\s]+:\d+:\d+: \S+: .+$')
QUOTED_LINE = re.compile(r'^"frameworks/(?:[^"\\]|\\.)+":\d+:\d+: \S+: .+$')
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "p")
    return tmp_path / "p"


def check(project: Path) -> list[str]:
    """The error lines of ``check``, after asserting it failed cleanly with nothing raw."""
    result = CliRunner().invoke(main, ["--project", str(project), "check"])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)
    assert not CONTROL.search(result.output), repr(result.output)
    lines = result.stderr.splitlines()
    assert re.fullmatch(r"\d+ problems? found", lines[-1])
    for line in lines[:-1]:
        assert PLAIN_LINE.match(line) or QUOTED_LINE.match(line), line
    return lines[:-1]


def test_a_link_to_a_file_outside_is_refused_and_not_read(project, tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text(VALID.replace("id: target", "id: secret"), encoding="utf-8")
    (project / "frameworks" / "linked.yaml").symlink_to(secret)
    assert check(project) == [
        "frameworks/linked.yaml:1:1: -: " + loader._LINK_LEAVES,
    ]


def test_a_link_to_a_folder_outside_or_inside_is_refused(project, tmp_path):
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "x.yaml").write_text(VALID, encoding="utf-8")
    (project / "frameworks" / "out").symlink_to(tmp_path / "outside")
    (project / "frameworks" / "sub").mkdir()
    (project / "frameworks" / "loop").symlink_to(project / "frameworks")
    assert check(project) == [
        "frameworks/loop:1:1: -: " + loader._LINK_TO_FOLDER,
        "frameworks/out:1:1: -: " + loader._LINK_LEAVES,
    ]


def test_a_relative_link_climbing_out_is_refused(project):
    (project / "frameworks" / "up.yml").symlink_to("../../../etc/hostname")
    assert check(project) == ["frameworks/up.yml:1:1: -: " + loader._LINK_LEAVES]


def test_a_dangling_link_is_reported(project):
    (project / "frameworks" / "gone.yaml").symlink_to("missing.yaml")
    [line] = check(project)
    assert line.startswith("frameworks/gone.yaml:1:1: -: cannot read this file: ")


def test_a_link_to_a_file_inside_is_read(project):
    (project / "frameworks" / "again.yaml").symlink_to("play.yaml")
    [line] = check(project)  # read: the same ids twice
    assert "duplicate playbook id 'play'" in line and "frameworks/again.yaml" in line


def test_unreadable_files_and_folders_are_reported_with_every_other_error(project, monkeypatch):
    # Tests run as root, for whom chmod 000 changes nothing: refuse the way the kernel would.
    (project / "frameworks" / "locked").mkdir()
    (project / "frameworks" / "locked" / "x.yaml").write_text(VALID, encoding="utf-8")
    (project / "frameworks" / "bad.yaml").write_text("kind: nothing\n", encoding="utf-8")
    real_open, real_scandir = os.open, os.scandir

    def deny_open(path, *args, **kwargs):
        if str(path).endswith("score.yaml"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    def deny_scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(loader.os, "open", deny_open)
    monkeypatch.setattr(loader.os, "scandir", deny_scandir)
    lines = check(project)
    assert "frameworks/locked:1:1: -: cannot read this folder: permission denied" in lines
    assert "frameworks/score.yaml:1:1: -: cannot read this file: permission denied" in lines
    assert any(line.startswith("frameworks/bad.yaml:1:7: kind: unknown kind") for line in lines)


def test_a_named_pipe_is_reported_never_opened(project):
    os.mkfifo(project / "frameworks" / "pipe.yaml")
    done = subprocess.run(
        [sys.executable, "-m", "generator", "--project", str(project), "check"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == "frameworks/pipe.yaml:1:1: -: " + loader._NOT_REGULAR


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (VALID.replace("en: Standards", 'en: "St\\e]8;;http://x\\aandards"'), "title.en"),
        (VALID.replace("en: Standards", 'en: "Line\\rOverwritten"'), "title.en"),
        (VALID.replace("en: Standards", 'en: "C1 \\x9b31m red"'), "title.en"),
        (VALID.replace("en: Standards", 'en: "NEL \\N in text"'), "title.en"),
        (VALID.replace("en: Standards", 'en: "bell \\a"'), "title.en"),
        (VALID + '"key\\e[2J": x\n', "-"),
        (VALID + '"multi\\nline": x\n', "-"),
        (VALID.replace("items:\n  - {id: one", 'items:\n  - {"id\\r": one'), "items.0"),
    ],
)
def test_control_characters_are_refused_where_they_are(project, text, where):
    (project / "frameworks" / "bad.yaml").write_text(text, encoding="utf-8")
    lines = check(project)
    assert any(
        line.startswith("frameworks/bad.yaml:") and f": {where}: " in line and "U+00" in line
        for line in lines
    ), lines


@pytest.mark.parametrize(
    "name",
    [
        "new\nline.yaml",
        "carriage\rreturn.yaml",
        'zz" autofocus onfocus="alert(1)" x=".yaml',
        "colon:1:1: -: forged.yaml",
        "esc\x1b[31mred.yaml",
        "space name.yaml",
        "back\\slash.yaml",
        "bidi\u202eolleh.yaml",
        "sep\u2028line.yaml",
    ],
)
def test_odd_file_names_are_quoted_on_one_line(project, name):
    (project / "frameworks" / name).write_text("kind: nothing\n", encoding="utf-8")
    [line] = check(project)
    assert QUOTED_LINE.match(line), line
    assert ":1:7: kind: unknown kind 'nothing'; expected one of: " in line


def test_plain_names_are_printed_as_they_are(project):
    (project / "frameworks" / "顧客-2026_v1.0.yaml").write_text("kind: nothing\n", encoding="utf-8")
    [line] = check(project)
    assert line.startswith("frameworks/顧客-2026_v1.0.yaml:1:7: kind: ")
