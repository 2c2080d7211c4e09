"""Japanese and Latin index order: sort keys by reading and the index row of a key.

Plain text rules, no content: katakana sorts as hiragana, voiced kana beside their
unvoiced form (が with か), the long-vowel mark and middle dots are ignored.
"""

from __future__ import annotations

import unicodedata

#: The gojūon rows (あ行 … わ行) as (anchor id, first kana of the row, first kana of the next).
KANA_ROWS: list[tuple[str, str]] = [
    ("kana-a", "あ"),
    ("kana-ka", "か"),
    ("kana-sa", "さ"),
    ("kana-ta", "た"),
    ("kana-na", "な"),
    ("kana-ha", "は"),
    ("kana-ma", "ま"),
    ("kana-ya", "や"),
    ("kana-ra", "ら"),
    ("kana-wa", "わ"),
]
_ROW_STARTS = "あかさたなはまやらわ"
_IGNORED = "ー・ 　"


def is_kana(text: str) -> bool:
    """True when every character is hiragana, katakana, the long-vowel mark or a middle dot."""
    return all("\u3041" <= c <= "\u309f" or "\u30a0" <= c <= "\u30ff" for c in text)


def reading_key(text: str) -> str:
    """A sort key in gojūon order: hiragana, voicing marks removed, ー and ・ dropped."""
    folded = []
    for char in unicodedata.normalize("NFD", text):
        if "\u30a1" <= char <= "\u30f6":
            char = chr(ord(char) - 0x60)
        if char in _IGNORED or char in "\u3099\u309a":
            continue
        folded.append(char)
    return "".join(folded)


def kana_row(key: str) -> tuple[str, str]:
    """The (anchor id, row kana) of a reading key's first character; (``kana-other``, ``#``)
    for keys that do not start with kana."""
    if not key or not ("\u3041" <= key[0] <= "\u3096"):
        return ("kana-other", "#")
    first = key[0]
    small = "ぁぃぅぇぉっゃゅょゎゕゖ"
    if first in small:
        first = "あいうえおつやゆよわかけ"[small.index(first)]
    index = 0
    for position, start in enumerate(_ROW_STARTS):
        if first >= start:
            index = position
    return KANA_ROWS[index]


def latin_row(text: str) -> tuple[str, str]:
    """The (anchor id, letter) of a Latin-script term's first letter; ``#`` for others."""
    first = unicodedata.normalize("NFKD", text.strip()[:1]).upper()[:1]
    if "A" <= first <= "Z":
        return (f"letter-{first.lower()}", first)
    return ("letter-other", "#")
