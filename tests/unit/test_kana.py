"""Index order of the glossary: Japanese by reading in gojūon rows, English by letter."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.catalog import load_catalog
from generator.kana import is_kana, kana_row, latin_row, reading_key

ROOT = Path(__file__).resolve().parents[2]


def test_reading_keys_follow_gojuon_order():
    words = ["ロータッチ", "アップセル", "ガイド", "かいやく", "チャーン", "わ", "ヘルススコア"]
    ordered = sorted(words, key=reading_key)
    assert ordered == [
        "アップセル",
        "ガイド",  # がいど: voicing marks sort with their unvoiced kana (かいと < かいやく)
        "かいやく",
        "チャーン",
        "ヘルススコア",
        "ロータッチ",
        "わ",
    ]
    assert reading_key("タイム・トゥ・バリュー") == "たいむとぅはりゅ"


@pytest.mark.parametrize(
    ("key", "row"),
    [
        ("あい", "あ"),
        ("がい", "か"),
        ("ぞう", "さ"),
        ("っと", "た"),
        ("ほし", "は"),
        ("ゆ", "や"),
        ("ん", "わ"),
        ("abc", "#"),
    ],
)
def test_kana_rows(key, row):
    assert kana_row(reading_key(key))[1] == row


def test_latin_rows_and_kana_check():
    assert latin_row("churn") == ("letter-c", "C")
    assert latin_row("30-day review") == ("letter-other", "#")
    assert is_kana("チャーン") and not is_kana("解約")


def test_every_japanese_term_has_a_reading():
    catalog = load_catalog(ROOT / "frameworks", ROOT)
    for glossary in catalog.of("glossary"):
        for term in glossary.terms:
            assert is_kana(term.reading or term.head_ja()), term.id
