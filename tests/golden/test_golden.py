"""Golden tests: a fixture content folder renders to exactly the Markdown under expected/.

Regenerate after an intended change with ``CS_PLAYBOOK_UPDATE_GOLDEN=1 pytest tests/golden``
and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.core import generate

HERE = Path(__file__).parent
FIXTURE = HERE / "fixture"
EXPECTED = HERE / "expected"
UPDATE = os.environ.get("CS_PLAYBOOK_UPDATE_GOLDEN") == "1"


def _rendered() -> dict[str, str]:
    generated = generate(FIXTURE)
    out = {}
    for lang, pages in generated.pages.items():
        for path, text in pages.items():
            out[f"{lang}/{path}"] = text
        out[f"{lang}/_abbreviations.md"] = generated.abbreviations[lang]
        for path, text in generated.downloads[lang].items():
            out[f"{lang}/{path}"] = text
    return out


RENDERED = _rendered()


def test_no_expected_file_is_stale():
    expected = {p.relative_to(EXPECTED).as_posix() for p in EXPECTED.rglob("*") if p.is_file()}
    if UPDATE:
        for stale in expected - set(RENDERED):
            (EXPECTED / stale).unlink()
        return
    assert expected == set(RENDERED), "run with CS_PLAYBOOK_UPDATE_GOLDEN=1 and review"


@pytest.mark.parametrize("path", sorted(RENDERED))
def test_page_matches_golden(path: str):
    target = EXPECTED / path
    if UPDATE:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(RENDERED[path], encoding="utf-8")
    assert target.is_file(), f"missing golden file {path}"
    assert RENDERED[path] == target.read_text(encoding="utf-8")
