"""`cs-playbook serve`: the live preview answers at /<lang>/, as the README says."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # loopback only
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except OSError:
        return 0, ""


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_serve_answers_at_the_language_path(lang):
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    cmd = [sys.executable, "-m", "generator", "serve", "--lang", lang, "--port", str(port)]
    server = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        status, body = 0, ""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and status != 200:
            time.sleep(0.3)
            status, body = _get(f"http://127.0.0.1:{port}/{lang}/templates/qbr/")
        assert status == 200, f"no page at /{lang}/ (last status {status})"
        assert ("QBR資料" if lang == "ja" else "QBR document") in body
        assert f'rel="canonical" href="http://127.0.0.1:{port}/{lang}/templates/qbr/"' in body
    finally:
        server.terminate()
        server.wait(timeout=10)
