"""Filling templates: escaping keeps the structure, every error path is located."""

from __future__ import annotations

import pytest

from generator.fill import inline, number


@pytest.mark.parametrize(
    ("value", "shown"),
    [(1000, "1,000"), (1234567.5, "1,234,567.5"), (-2000, "-2,000"), (0.25, "0.25"), (3.0, "3")],
)
def test_numbers(value, shown):
    assert number(value) == shown


def test_inline_folds_newlines():
    assert inline("a\nb\t c") == "a b c"


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("---", "\\---"),
        ("=== x", "\\=== x"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("~~~", "\\~~~"),
        ("12. twelve", "12\\. twelve"),
        ("3) three", "3\\) three"),
        ("> quote", "\\> quote"),
        ("# heading", "\\# heading"),
        ("2026 plan", "2026 plan"),
        ("a - b", "a - b"),
    ],
)
def test_inline_never_opens_a_block(text, escaped):
    assert inline(text) == escaped


def test_numbers_never_use_an_exponent():
    assert number(1e-7) == "0.0000001"
    assert number(0.1 + 0.2) == "0.30000000000000004"
    assert number(-0.0) == "0"
    assert number(999_999_999_999_999) == "999,999,999,999,999"
