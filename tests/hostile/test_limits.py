"""The heaviest hostile inputs, in a separate process with a memory cap and a time limit."""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.corpus import cases

FIXTURE = Path(__file__).resolve().parents[1] / "golden" / "fixture" / "frameworks"
HEAVY = [c for c in cases() if c.category in {"aliases", "deep-nesting", "huge"}]
MEMORY_LIMIT = 1024**3  # 1 GiB of address space for the whole check
TIME_LIMIT = 30  # seconds; each case finishes in well under one


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@pytest.mark.parametrize("case", HEAVY, ids=[f"{c.category}/{c.name}" for c in HEAVY])
def test_heavy_input_fails_cleanly_within_limits(tmp_path: Path, case):
    shutil.copytree(FIXTURE, tmp_path / "frameworks")
    for rel, data in case.files.items():
        (tmp_path / "frameworks" / rel).write_bytes(data)
    done = subprocess.run(
        [sys.executable, "-m", "generator", "--project", str(tmp_path), "check"],
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT,
        preexec_fn=_cap_memory,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr
    assert "frameworks/bad.yaml:" in done.stderr
