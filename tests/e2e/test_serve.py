"""`cs-playbook serve`: answers at /<lang>/, prints its address, a line per rebuild and the
located content errors, keeps serving the last good site, and starts on broken content."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "golden" / "fixture" / "frameworks"
EDITED = "score.yaml"
PAGE = "frameworks/score/"
BODY = "Body text."


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # loopback only
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")
    except OSError:
        return 0, ""


class Serve:
    """A `cs-playbook serve` process whose output lines are collected as they come."""

    def __init__(self, project: Path, lang: str, engine: str = "mkdocs") -> None:
        self.port = _free_port()
        # MkDocs is served under the language's folder; Zensical serves the language at /.
        folder = f"{lang}/" if engine == "mkdocs" else ""
        self.base = f"http://127.0.0.1:{self.port}/{folder}"
        cmd = [sys.executable, "-m", "generator", "--project", str(project), "serve"]
        self.process = subprocess.Popen(
            [*cmd, "--lang", lang, "--port", str(self.port), "--engine", engine],
            cwd=project,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.out: list[str] = []
        self.err: list[str] = []
        self.readers = [
            threading.Thread(target=self._read, args=(stream, lines), daemon=True)
            for stream, lines in ((self.process.stdout, self.out), (self.process.stderr, self.err))
        ]
        for reader in self.readers:
            reader.start()

    @staticmethod
    def _read(stream, lines: list[str]) -> None:
        for line in stream:
            lines.append(line.rstrip("\n"))

    def wait_line(self, pattern: str, lines: list[str] | None = None, after: int = 0) -> str:
        """The first line (from index ``after``) matching ``pattern``; fails after 90 s."""
        lines = self.out if lines is None else lines
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            for line in lines[after:]:
                if re.search(pattern, line):
                    return line
            assert self.process.poll() is None, f"serve exited: {self.out} {self.err}"
            time.sleep(0.05)
        raise AssertionError(f"no line like {pattern!r} in {lines}")

    def wait_page(self, path: str, text: str) -> str:
        deadline = time.monotonic() + 60
        body = ""
        while time.monotonic() < deadline:
            status, body = _get(self.base + path)
            if status == 200 and text in body:
                return body
            time.sleep(0.1)
        raise AssertionError(f"{path} never showed {text!r}")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        for reader in self.readers:
            reader.join(timeout=10)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copytree(FIXTURE, project / "frameworks")
    return project


@pytest.fixture
def serve(project: Path) -> Iterator[Serve]:
    server = Serve(project, "en")
    yield server
    server.stop()


def _edit(project: Path, old: str, new: str) -> None:
    path = project / "frameworks" / EDITED
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


def test_serve_says_building_then_its_address_when_ready(serve: Serve):
    address = serve.wait_line(r"^serving ")
    assert address.startswith(f"serving {serve.base} ")
    assert serve.out.index(address) > serve.out.index("building…")
    assert re.match(
        r"^built in \d+\.\d\d s \(\d+ pages\)$", serve.out[serve.out.index(address) - 1]
    )
    body = serve.wait_page(PAGE, BODY)
    assert f'rel="canonical" href="{serve.base}{PAGE}"' in body


def test_each_edit_prints_a_rebuild_line_and_shows_on_the_page(serve: Serve, project: Path):
    serve.wait_line(r"^serving ")
    serve.wait_page(PAGE, BODY)
    # The watcher takes its first look at the files once serving has started; an edit made
    # in the same instant (no person is that quick) would be part of that first look.
    time.sleep(1)
    for n in range(2):
        seen = len(serve.out)
        _edit(project, BODY if n == 0 else "Edited 0.", f"Edited {n}.")
        line = serve.wait_line(r"^rebuilt in ", after=seen)
        assert re.match(r"^rebuilt in \d+\.\d\d s \((\d+ page\(s\) changed|full rebuild)\)$", line)
        serve.wait_page(PAGE, f"Edited {n}.")
    assert not serve.err


def test_broken_content_is_located_and_the_last_good_site_stays(serve: Serve, project: Path):
    serve.wait_line(r"^serving ")
    serve.wait_page(PAGE, BODY)
    _edit(project, "summary: {ja: 点数で測ります。, en: Measure with points.}",
          "summary: {ja: 点数で測ります。, en: 'Measure with points.}")  # fmt: skip
    error = serve.wait_line(r"^frameworks/score\.yaml:\d+:\d+: ", serve.err)
    assert error.startswith("frameworks/score.yaml:6:"), error
    assert "YAML syntax" in error
    serve.wait_line(r"still serving the last good site", serve.err)
    assert not any("Traceback" in line for line in serve.err)
    page = serve.wait_page(PAGE, "frameworks/score.yaml:6:")  # the errors, atop the page
    assert BODY in page  # the last good page is still there

    _edit(project, "'Measure with points.}", "Measure with points again.}")
    serve.wait_line(r"^rebuilt in ")
    page = serve.wait_page(PAGE, "Measure with points again.")
    assert "frameworks/score.yaml:6:" not in page


def test_serve_starts_on_broken_content_and_says_why(project: Path):
    _edit(project, "group: health", "group: no-such-group")
    server = Serve(project, "en")
    try:
        error = server.wait_line(r"^frameworks/score\.yaml:3:\d+: group: ", server.err)
        assert "no-such-group" in error
        server.wait_line(r"no site to serve yet", server.err)
        address = server.wait_line(r"^serving ")
        assert "once the content is valid" in address
        status, body = _get(server.base + PAGE)
        assert status == 404 and "frameworks/score.yaml:3:" in body  # the errors, as the page

        _edit(project, "group: no-such-group", "group: health")
        server.wait_line(r"^built in ")
        server.wait_page(PAGE, BODY)
    finally:
        server.stop()


@pytest.mark.slow  # the real content: the fixture tests above cover the same lines quicker
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_serve_answers_at_the_language_path(lang):
    server = Serve(ROOT, lang)
    try:
        server.wait_line(r"^serving ")
        body = server.wait_page("templates/qbr/", "QBR資料" if lang == "ja" else "QBR document")
        assert f'rel="canonical" href="{server.base}templates/qbr/"' in body
    finally:
        server.stop()


def test_zensical_serves_the_tree_and_shows_each_edit(project: Path):
    server = Serve(project, "en", engine="zensical")
    try:
        server.wait_line(r"^serving http://127\.0\.0\.1:\d+/ with Zensical")
        server.wait_page(PAGE, BODY)
        time.sleep(1)  # see the edit test above: an edit is a later save
        seen = len(server.out)
        _edit(project, BODY, "Edited in Zensical.")
        line = server.wait_line(r"^generated in ", after=seen)
        assert re.match(r"^generated in \d+\.\d\d s \(\d+ file\(s\) changed\)$", line)
        server.wait_page(PAGE, "Edited in Zensical.")
        seen = len(server.err)
        _edit(project, "summary: {ja: 点数で測ります。, en: Measure with points.}",
              "summary: {ja: 点数で測ります。}")  # fmt: skip
        server.wait_line(r"missing English text \(en\)$", server.err, after=seen)
        server.wait_page(PAGE, "Edited in Zensical.")  # the last good page stays
    finally:
        server.stop()
