"""Hostile input: every case exits 1 with located messages, no traceback, nothing written."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.hostile.corpus import cases

FIXTURE = Path(__file__).resolve().parents[1] / "golden" / "fixture" / "frameworks"
LINE = re.compile(r"^frameworks/[^:]+\.yaml:\d+:\d+: \S+: .+$")
#: An odd file name is printed quoted, its control characters escaped.
QUOTED_LINE = re.compile(r'^"frameworks/(?:[^"\\\x00-\x1f\x7f-\x9f]|\\.)+":\d+:\d+: \S+: .+$')
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
CASES = list(cases())


def test_corpus_is_large_and_varied():
    counts = Counter(case.category for case in CASES)
    print("\n" + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())))
    assert len(CASES) >= 200
    assert len(counts) >= 15


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile-base")
    shutil.copytree(FIXTURE, root / "frameworks")
    return root


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(root).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in root.rglob("*")
        if p.is_file()
    }


@pytest.mark.parametrize("case", CASES, ids=[f"{c.category}/{c.name}" for c in CASES])
def test_bad_input_is_reported_with_its_place(base: Path, tmp_path: Path, case):
    project = tmp_path / "p"
    shutil.copytree(base, project)
    for rel, data in case.files.items():
        target = project / "frameworks" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    before = snapshot(project)
    result = CliRunner().invoke(main, ["--project", str(project), "check"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line and "problem" not in line]
    assert lines, result.output
    assert not CONTROL.search(result.output), repr(result.output)
    for line in lines:
        assert LINE.match(line) or QUOTED_LINE.match(line), line
    assert snapshot(project) == before
