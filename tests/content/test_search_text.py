"""Search normalisation: what it does, and that the browser's twin does exactly the same."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from generator.models.search import SearchTerms
from generator.search_text import (
    Normalizer,
    base_form,
    encode,
    forms_of,
    rules_for,
    run_tokens,
)
from tests.conftest import PROJECT_ROOT

TWIN = PROJECT_ROOT / "overrides" / "assets" / "cs-playbook" / "search-text.js"
HELDOUT = PROJECT_ROOT / "tests" / "browser" / "search-heldout.yaml"


def content_rules(lang: str) -> Normalizer:
    data = yaml.safe_load((PROJECT_ROOT / "frameworks/site/search.yaml").read_text("utf-8"))
    terms = SearchTerms.model_validate(data)
    rules = rules_for(
        lang,
        [(e.canonical, e.forms) for e in terms.equivalents],
        [s.by_language() for s in terms.synonyms],
        [p for words in terms.phrasings.by_language().values() for p in words],
    )
    return Normalizer(rules)


def test_width_case_kana_and_long_vowels_fold():
    assert base_form("ﾍﾙｽｽｺｱ") == base_form("へるすすこあ") == base_form("ヘルススコア")
    assert base_form("ＮＰＳ") == "nps"
    assert base_form("マネージャー") == base_form("マネジャ")
    assert base_form("オンボーディング") == base_form("ｵﾝﾎﾞｰﾃﾞｨﾝｸﾞ") == base_form("オンボーデイング")


def test_synonyms_fold_both_ways_and_across_languages():
    ja = content_rules("ja")
    assert ja.query_words("退会") == ja.query_words("解約") == ja.query_words("churn")
    assert ja.normalize("チャーン予測モデル").startswith(ja.normalize("解約"))
    en = content_rules("en")
    assert en.query_words("book of business") == en.query_words("customers per CSM")
    assert en.query_words("attrition") == ["churn"]


def test_question_phrasing_and_particles_leave_the_content_words():
    ja = content_rules("ja")
    assert ja.query_words("解約を防ぐには") == ja.query_words("解約")
    assert ja.query_words("ヘルススコアとは") == [base_form("ヘルススコア")]
    assert ja.query_words("CSとサポートの違い") == ["cs", base_form("サポート"), base_form("違い")]
    en = content_rules("en")
    assert en.query_words("how to reduce churn") == ["reduce", "churn"]
    assert en.query_words("what is") == ["what", "is"]  # phrasing alone stays


def test_any_part_of_a_word_is_one_term_and_a_misspelt_one_shares_its_pairs():
    ja = content_rules("ja")
    page = ja.page_tokens("カスタマーサクセスとヘルススコア")

    def found(terms: list[str]) -> bool:  # the engine matches a term as a word's start
        return all(any(token.startswith(term) for token in page) for term in terms)

    for part in ("サクセス", "カスタマーサクセス", "スコア", "ヘルススコア", "ス"):
        terms = ja.query_tokens(base_form(part))
        assert len(terms) == 1 and found(terms), part
    assert not found(ja.query_tokens(base_form("ヘルスコア")))  # not a part of the word...
    assert found(ja.pair_tokens(base_form("ヘルスコア")))  # ...but it shares its pairs
    assert not found(ja.query_tokens(base_form("スとヘ")))  # a particle ends a suffix
    assert encode("ス") in set(run_tokens("ヘルス", with_last=True))


def test_a_long_word_is_searched_in_pieces_that_cover_it():
    ja = content_rules("ja")
    word = base_form("カスタマーサクセスマネージャー")  # 12 characters in base form
    page = ja.page_tokens("担当のカスタマーサクセスマネージャーです")
    terms = ja.query_tokens(word)
    assert len(terms) == 2
    assert all(any(token.startswith(term) for token in page) for term in terms)


def _corpus() -> list[str]:
    heldout = yaml.safe_load(HELDOUT.read_text("utf-8"))
    queries = [str(i["q"]) for splits in heldout.values() for part in splits.values() for i in part]
    return [
        *queries,
        "ロータッチ運用（ウェビナーとヘルススコア閾値フォロー）",
        "Book of Business: accounts per CSM, renewals & upsells (QBRs).",
        "ﾁｬｰﾝﾘｽｸ 問合せ 申込み ＡＢＣ１２３ ㈱ ① ｶﾞｷﾞ",
        "What is the best way to prevent cancellations?",
        "顧客の声とNPSアンケートのやり方",
        "",
    ]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_browser_normalises_exactly_like_the_build(lang, tmp_path: Path):
    node = shutil.which("node")
    assert node, "node is needed to run the browser's normaliser"
    normalizer = content_rules(lang)
    corpus = _corpus()
    rules = {
        "forms": forms_of(normalizer.table),
        "fold_latin": normalizer.fold_latin.pattern if normalizer.fold_latin else "",
        "fold_other": normalizer.fold_other.pattern if normalizer.fold_other else "",
        "phrasings_suffix": normalizer.phrasings_suffix.pattern
        if normalizer.phrasings_suffix
        else "",
        "phrasings_word": normalizer.phrasings_word.pattern if normalizer.phrasings_word else "",
    }
    script = tmp_path / "run.mjs"
    script.write_text(
        "import { pathToFileURL } from 'node:url';\n"
        "import { readFileSync } from 'node:fs';\n"
        "const t = await import(pathToFileURL(process.argv[2]).href);\n"
        "const input = JSON.parse(readFileSync(0, 'utf8'));\n"
        "const n = new t.Normalizer(input.rules);\n"
        "console.log(JSON.stringify(input.corpus.map(s => ({\n"
        "  normalized: n.normalize(s), words: n.queryWords(s),\n"
        "  tokens: n.queryWords(s).map(w => n.queryTokens(w)),\n"
        "  pairTokens: n.queryWords(s).map(w => n.pairTokens(w)),\n"
        "  pairs: t.runTokens(n.normalize(s), true)}))));\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [node, str(script), str(TWIN)],
        input=json.dumps({"rules": rules, "corpus": corpus}),
        capture_output=True,
        text=True,
        check=True,
    )
    browser = json.loads(done.stdout)
    python = [
        {
            "normalized": normalizer.normalize(s),
            "words": normalizer.query_words(s),
            "tokens": [normalizer.query_tokens(w) for w in normalizer.query_words(s)],
            "pairTokens": [normalizer.pair_tokens(w) for w in normalizer.query_words(s)],
            "pairs": run_tokens(normalizer.normalize(s), with_last=True),
        }
        for s in corpus
    ]
    assert browser == python


def test_an_english_query_is_searched_over_title_words_first():
    en = content_rules("en")
    title = en.page_tokens("Customer health scores", suffix_tokens=True)
    text = en.page_tokens("A page that mentions a health score.", suffix_tokens=False)
    terms = [t for w in en.query_words("health score") for t in en.query_tokens(w)]
    assert terms and all(any(token.startswith(term) for token in title) for term in terms)
    assert not any(token.startswith(term) for term in terms for token in text)
    # When no word starts with a term, the engine takes the longest word the term starts
    # with; each title word ends with a letter no query term holds, so "on" never answers
    # "onbording".
    [onbording] = en.query_tokens("onbording")
    assert not any(onbording.startswith(token) for token in en.page_tokens("On"))
