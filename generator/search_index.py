"""Japanese-aware search: normalised character bigrams added to Material's search index.

Material segments Japanese with TinySegmenter, so a query only matches when it is cut
the same way as the text (サクセス inside カスタマーサクセス, 注意 inside 要注意 and
ログイン頻度 all miss). We add two hidden fields to every search document, ``ngt``
(title) and ``ngx`` (text), holding the overlapping character bigrams of every run of
Japanese characters after normalisation (NFKC, lower case, declared spelling variants
folded to one form, a final long-vowel mark dropped). A small wrapper around
Material's search worker applies the same normalisation to the query and requires
every bigram, so any substring of the text is found. Tokens are written as
``ж`` + code points spelled in letters so that the segmenter leaves them whole and typed words never
collide with them. The JavaScript twin of this module is ``templates/site/search-worker.js``.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

TOKEN_PREFIX = "ж"
_NIBBLES = "abcdefghijklmnop"
TITLE_FIELD = "ngt"
TEXT_FIELD = "ngx"
#: Repeated bigrams beyond this count add nothing but bytes.
MAX_REPEATS = 3

_JAPANESE = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3006"
_RUN = re.compile(f"[{_JAPANESE}]+")
_TRAILING_LONG_VOWEL = re.compile("(?<=[\u30a0-\u30ff]{3})\u30fc(?![\u30a0-\u30ff])")
_TAG = re.compile(r"<[^>]*>")


def normalize(text: str, variants: Sequence[tuple[str, str]]) -> str:
    """NFKC, lower case, fold each variant to its canonical form, drop a final ー.

    Folding is one pass over the text with the longest form first, so a form that is
    part of its own canonical word (申し込 / 申し込み) never folds twice.
    """
    text = unicodedata.normalize("NFKC", text).lower()
    if variants:
        table = dict(variants)
        pattern = "|".join(re.escape(form) for form, _ in variants)
        text = re.sub(pattern, lambda m: table[m.group(0)], text)
    return _TRAILING_LONG_VOWEL.sub("", text)


def fold_pairs(groups: Iterable[tuple[str, Iterable[str]]]) -> list[tuple[str, str]]:
    """Normalised (form, canonical) pairs, canonical words included, longest form first."""
    pairs = set()
    for canonical, forms in groups:
        target = unicodedata.normalize("NFKC", canonical).lower()
        pairs.add((target, target))
        for form in forms:
            pairs.add((unicodedata.normalize("NFKC", form).lower(), target))
    return sorted(pairs, key=lambda p: (-len(p[0]), p[0]))


def encode(chars: str) -> str:
    """The index token of a character or bigram: each code point as four letters a–p.

    Letters, not hex digits: Lunr's token-set minimisation joins edge labels with node
    numbers, so digit labels collide and whole groups of terms become unfindable.
    """
    return TOKEN_PREFIX + "".join(
        "".join(_NIBBLES[(ord(c) >> shift) & 0xF] for shift in (12, 8, 4, 0)) for c in chars
    )


def bigram_tokens(text: str) -> list[str]:
    """Tokens of every bigram, plus the last character of every run (for 1-character queries)."""
    counts: Counter[str] = Counter()
    tokens: list[str] = []
    for run in _RUN.findall(text):
        grams = [run[i : i + 2] for i in range(len(run) - 1)] + [run[-1]]
        for gram in grams:
            token = encode(gram)
            counts[token] += 1
            if counts[token] <= MAX_REPEATS:
                tokens.append(token)
    return tokens


def plain_text(markup: str) -> str:
    """The text of an HTML fragment from the search index."""
    return html.unescape(_TAG.sub(" ", markup))


def augment_index(index: dict[str, Any], variants: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """Add the bigram fields to Material's ``search_index.json`` data (in place) and return it."""
    for doc in index.get("docs", []):
        title = normalize(plain_text(doc.get("title", "")), variants)
        text = normalize(plain_text(doc.get("text", "")), variants)
        for field, value in ((TITLE_FIELD, title), (TEXT_FIELD, text)):
            tokens = bigram_tokens(value)
            if tokens:
                doc[field] = " ".join(tokens)
    fields = index.setdefault("config", {}).setdefault("fields", {})
    fields[TITLE_FIELD] = {"boost": 50.0}
    fields[TEXT_FIELD] = {"boost": 1.0}
    index["config"]["cs_playbook"] = {"variants": [list(p) for p in variants]}
    return index


def install(site_dir: Path, variants: Sequence[tuple[str, str]]) -> int:
    """Augment ``search/search_index.json`` and put the query wrapper in front of Material's worker.

    Returns the size in bytes of the augmented index.
    """
    index_path = site_dir / "search" / "search_index.json"
    index = json.loads(index_path.read_text("utf-8"))
    data = json.dumps(augment_index(index, variants), ensure_ascii=False, separators=(",", ":"))
    index_path.write_text(data, encoding="utf-8")
    workers = site_dir / "assets" / "javascripts" / "workers"
    for worker in sorted(workers.glob("search.*.min.js")):
        if ".material." in worker.name:
            continue
        original = worker.with_name(worker.name.replace(".min.js", ".material.min.js"))
        worker.rename(original)
        wrapper = resources.files("generator").joinpath("templates/site/search-worker.js")
        script = wrapper.read_text("utf-8").replace("{{ material_worker }}", original.name)
        worker.write_text(script, encoding="utf-8")
    return len(data.encode("utf-8"))
