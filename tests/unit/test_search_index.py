"""The Japanese search fields: normalisation, bigram tokens and what the index holds."""

from __future__ import annotations

from generator.search_index import (
    augment_index,
    base_form,
    bigram_tokens,
    encode,
    fold_pairs,
    normalize,
)

VARIANTS = fold_pairs(
    [("問い合わせ", ["問合せ", "問い合せ"]), ("北極星指標", ["ノーススターメトリック"])]
)


def test_base_form_folds_width_case_and_hiragana():
    assert base_form("ﾍﾙｽｽｺｱ") == "ヘルススコア"
    assert base_form("へるすすこあ") == "ヘルススコア"
    assert base_form("ＮＰＳ") == "nps"


def test_variants_fold_to_one_form_and_a_final_long_vowel_drops():
    assert normalize("問合せが増える", VARIANTS) == normalize("問い合わせが増える", VARIANTS)
    assert normalize("サポーター", ()) == "サポータ"
    assert normalize("ノーススターメトリック", VARIANTS) == base_form("北極星指標")


def test_tokens_are_letters_only_and_cover_every_bigram():
    tokens = bigram_tokens("要注意")
    assert tokens == [encode("要注"), encode("注意"), encode("意")]
    assert all(t[1:].isalpha() and t[1:].isascii() for t in tokens)


def test_index_holds_the_folded_and_the_written_words():
    index = {"docs": [{"location": "x/", "title": "NSM", "text": "<p>ノーススターメトリック</p>"}]}
    doc = augment_index(index, VARIANTS)["docs"][0]
    tokens = set(doc["ngx"].split())
    assert encode("北極") in tokens  # the canonical form, for 北極星指標 and every variant
    assert encode("スス") in tokens  # the words as written, for ノーススター
    assert "ngt" not in doc  # a title without Japanese gets no field
    assert index["config"]["fields"]["ngx"] == {"boost": 1.0}


def test_a_pages_kind_tag_counts_as_part_of_its_title():
    index = {"docs": [{"location": "templates/qbr/", "title": "QBR資料", "tags": ["テンプレート"]}]}
    doc = augment_index(index, ())["docs"][0]
    tokens = set(doc["ngt"].split())
    assert {encode("資料"), encode("テン"), encode("ート")} <= tokens
