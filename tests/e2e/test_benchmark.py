"""The benchmark runs with one command and reports every column (its times are not judged)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.run import replicate

ROOT = Path(__file__).resolve().parents[2]


def test_a_copy_of_the_content_validates_with_every_item_renamed(tmp_path):
    from generator.catalog import load_catalog

    replicate(tmp_path, 2)
    original = load_catalog(ROOT / "frameworks", ROOT)
    doubled = load_catalog(tmp_path / "frameworks", tmp_path)
    for kind in ("framework", "playbook", "template", "kpi"):
        assert len(doubled.items[kind]) == 2 * len(original.items[kind])
    assert "health-score-1" in doubled.items["framework"]


@pytest.mark.slow
def test_the_benchmark_prints_its_table_at_the_shipped_size():
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "benchmarks.run", "--scales", "1", "--no-docs"]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    header, _, row = done.stdout.strip().splitlines()[-3:]
    columns = [c.strip() for c in header.strip("|").split("|")]
    cells = dict(zip(columns, (c.strip() for c in row.strip("|").split("|")), strict=True))
    assert cells["scale"] == "1×"
    pages = sum(1 for _ in (ROOT / "docs" / "ja").rglob("*.md"))
    assert int(cells["pages/lang"]) > pages  # generated pages as well as hand-written ones
    assert cells["files rewritten on a no-change run"] == "0"
    for column in ("generator s", "generator s, first build", "MkDocs ja s", "total s"):
        assert float(cells[column]) > 0
    assert cells["generator share"].endswith("%")
    for lang in ("ja", "en"):
        assert 0 < int(cells[f"first query KB {lang}"]) <= 300  # the budget
        assert int(cells[f"index KB {lang}"]) > 0
