"""Real ``cs-playbook build`` runs killed at the swap and at a random moment: site/ stays whole."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import site_folder
from tests.e2e.test_build import make_project, run

ROOT = Path(__file__).resolve().parents[2]

# Whole builds killed for real (about 40 s): in the full suite, not the quick loop, which keeps
# the kills at every swap point on a small site in tests/hostile/test_site_swap.py.
pytestmark = pytest.mark.slow


def listing(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*")}


def killed_build(project: Path, point: str, mode: str = "exchange", after: float | None = None):
    args = [sys.executable, "-m", "tests.hostile.swap_driver", "--real", str(project), point, mode]
    child = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL)
    if after is not None:
        time.sleep(after)
        child.kill()
    return child.wait()


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("kills"))
    assert run(project, "build").exit_code == 0
    return project


@pytest.mark.parametrize(
    ("point", "mode"),
    [("staging-ready", "exchange"), ("exchanged", "exchange"), ("old-moved", "rename")],
)
def test_a_real_build_killed_at_the_swap_leaves_a_whole_site(project, point, mode):
    site = project / "site"
    whole = listing(site)
    assert killed_build(project, point, mode) == -9
    if point == "old-moved":
        assert not site.exists()
        site_folder.recover(site)
    assert listing(site) == whole
    assert run(project, "build").exit_code == 0
    assert listing(site) == whole
    assert not [p for p in project.iterdir() if p.name.startswith(".site-")]


def test_a_real_build_killed_at_a_random_moment(project):
    site = project / "site"
    whole = listing(site)
    assert killed_build(project, "none", after=random.uniform(0.5, 2.5)) in (0, -9)
    assert listing(site) == whole
    assert run(project, "build").exit_code == 0
    assert not [p for p in project.iterdir() if p.name.startswith(".site-")]
