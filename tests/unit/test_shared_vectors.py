"""Rules the Python and the page's JavaScript share, checked against one file of cases.

``tests/vectors/markdown-inline.json`` holds texts and their escaped form; this test holds
``generator.fill.inline`` to it and ``tests/js/markdown-text.test.mjs`` holds
``markdown-text.js`` to the same file (run by ``npm test``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.fill import inline

VECTORS = json.loads(
    (Path(__file__).resolve().parents[1] / "vectors" / "markdown-inline.json").read_text("utf-8")
)


@pytest.mark.parametrize("case", VECTORS, ids=lambda case: repr(case["text"])[:40])
def test_inline_matches_the_shared_vector(case):
    assert inline(case["text"]) == case["inline"]
