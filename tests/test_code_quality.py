"""The code stays ruff- and mypy-clean (the same commands a contributor runs)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True)


def test_ruff_check_is_clean():
    result = _run("ruff", "check", "generator", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean():
    result = _run("ruff", "format", "--check", "generator", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean():
    result = _run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


# The site's JavaScript is held to the same standard: ESLint, TypeScript's checkJs and Node's
# own test runner (tests/js/), with the tools `npm ci` installs (scripts/test.sh runs it).
def _npm(script: str) -> subprocess.CompletedProcess[str]:
    if not (ROOT / "node_modules" / ".bin" / "eslint").exists():
        raise AssertionError("the JavaScript tools are not installed: run `npm ci` (test.sh does)")
    return subprocess.run(
        ["npm", "run", "--silent", script], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_javascript_lint_is_clean():
    result = _npm("lint")
    assert result.returncode == 0, result.stdout + result.stderr


def test_javascript_type_checks_are_clean():
    result = _npm("typecheck")
    assert result.returncode == 0, result.stdout + result.stderr


def test_javascript_unit_tests_pass():
    result = _npm("test")
    assert result.returncode == 0, result.stdout + result.stderr
