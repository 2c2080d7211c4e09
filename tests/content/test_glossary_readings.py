"""The shipped glossary: every term of the kana-indexed language sorts by a kana reading."""

from __future__ import annotations

from pathlib import Path

from generator.catalog import load_catalog
from generator.kana import is_kana

ROOT = Path(__file__).resolve().parents[2]


def test_every_term_has_a_kana_reading():
    catalog = load_catalog(ROOT / "frameworks", ROOT)
    by_reading = catalog.languages.by_reading
    assert by_reading is not None
    for glossary in catalog.of("glossary"):
        for term in glossary.terms:
            assert is_kana(term.reading_or_head(by_reading.code)), term.id
