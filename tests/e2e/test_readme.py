"""The README's first commands, run as a newcomer would: a clean copy of the project, the
system's python3 first on PATH (Debian's default PATH), nothing installed beforehand."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: Debian's default PATH for a login shell: the system python3, not this test's interpreter.
DEBIAN_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
#: What a fresh clone does not have: outputs, environments and caches of this working copy.
_NOT_IN_A_CLONE = {".git", ".venv", "site", "build", "node_modules", ".hypothesis", "dist"}
_CACHES = shutil.ignore_patterns("__pycache__", "*.egg-info", ".*_cache", ".site-*")


def _not_in_a_clone(folder: str, names: list[str]) -> set[str]:
    ignored = set(_CACHES(folder, names))
    if Path(folder) == ROOT:
        ignored |= _NOT_IN_A_CLONE & set(names)
    return ignored


pytestmark = pytest.mark.slow  # a virtual environment, an install and a full build


def _blocks(section: str) -> list[str]:
    readme = (ROOT / "README.md").read_text("utf-8")
    body = readme.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)```", body, re.S)


def test_the_readme_commands_build_and_serve_the_site(tmp_path: Path):
    build, view = _blocks("Build the site")[:2]
    clone = tmp_path / "cs-playbook"
    shutil.copytree(ROOT, clone, ignore=_not_in_a_clone)
    env = {
        "PATH": DEBIAN_PATH,
        "HOME": os.environ.get("HOME", str(tmp_path)),
        "LANG": "C.UTF-8",
        "NO_MKDOCS_2_WARNING": "1",
    }
    python3 = shutil.which("python3", path=DEBIAN_PATH)
    assert python3, "no python3 on Debian's default PATH"
    run = subprocess.run(
        ["bash", "-c", build], cwd=clone, env=env, capture_output=True, text=True, timeout=1800
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    for page in ("index.html", "ja/index.html", "en/index.html", "en/frameworks/index.html"):
        assert (clone / "site" / page).is_file(), page
    last = run.stdout.strip().splitlines()[-1]
    assert "http.server" in last and "http://127.0.0.1:8000/" in last  # the next step, as here

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = view.strip().replace("8000", str(port))
    server = subprocess.Popen(
        ["bash", "-c", f"exec {command}"],
        cwd=clone, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        body = ""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and "<html" not in body:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/ja/") as response:
                    body = response.read().decode("utf-8")
            except OSError:
                time.sleep(0.2)
        assert '<html lang="ja"' in body
    finally:
        server.terminate()
        server.wait(timeout=10)
