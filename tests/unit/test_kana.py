"""Index order of the glossary: Japanese by reading in gojūon rows, English by letter."""

from __future__ import annotations

import pytest

from generator.kana import is_kana, kana_row, latin_row, reading_key


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
