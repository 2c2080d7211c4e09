"""The shipped home page leads a reader who is new to the field to what customer success is."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.core import generate

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_new_here_links_what_customer_success_is(lang):
    home = generate(ROOT, (lang,)).pages[lang]["index.md"]
    new_here = home[home.index("{: #new-here }") :].split("\n-   **", 1)[0]
    assert "(reference/what-is-customer-success.md)" in new_here
