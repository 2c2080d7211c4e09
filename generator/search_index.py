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
import operator
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from importlib import resources
from itertools import repeat
from pathlib import Path
from typing import Any

from generator.gc_pause import without_gc_pauses

TOKEN_PREFIX = "ж"
_NIBBLES = "abcdefghijklmnop"
TITLE_FIELD = "ngt"
TEXT_FIELD = "ngx"

_JAPANESE = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3006"
_RUN = re.compile(f"[{_JAPANESE}]+")
_TRAILING_LONG_VOWEL = re.compile("(?<=[\u30a0-\u30ff]{3})\u30fc(?![\u30a0-\u30ff])")
_TAG = re.compile(r"<[^>]*>")
#: Indexed by code point (a list is quicker than a dict for str.translate); code points past
#: its end stay as they are.
_HIRAGANA_TO_KATAKANA = [*range(0x3041), *range(0x3041 + 0x60, 0x3097 + 0x60)]


def base_form(text: str) -> str:
    """NFKC, lower case, hiragana as katakana (へるす finds ヘルス)."""
    if not unicodedata.is_normalized("NFKC", text):  # most text already is: a quick check
        text = unicodedata.normalize("NFKC", text)
    return text.lower().translate(_HIRAGANA_TO_KATAKANA)


def normalize(text: str, variants: Sequence[tuple[str, str]]) -> str:
    """:func:`base_form`, each variant folded to its canonical form, a final ー dropped.

    Folding is one pass over the text with the longest form first, so a form that is
    part of its own canonical word (申し込 / 申し込み) never folds twice.
    """
    return _folder(tuple(variants))(base_form(text))


@cache
def _folder(variants: tuple[tuple[str, str], ...]) -> Callable[[str], str]:
    """A function folding the variants of text already in :func:`base_form`."""
    table = dict(variants)
    pattern = re.compile("|".join(re.escape(form) for form, _ in variants)) if variants else None

    def fold(text: str) -> str:
        if pattern is not None:
            text = pattern.sub(lambda m: table[m.group(0)], text)
        return _TRAILING_LONG_VOWEL.sub("", text)

    return fold


def fold_pairs(groups: Iterable[tuple[str, Iterable[str]]]) -> list[tuple[str, str]]:
    """Normalised (form, canonical) pairs, canonical words included, longest form first."""
    pairs = set()
    for canonical, forms in groups:
        target = base_form(canonical)
        pairs.add((target, target))
        for form in forms:
            pairs.add((base_form(form), target))
    return sorted(pairs, key=lambda p: (-len(p[0]), p[0]))


@cache
def encode(chars: str) -> str:
    """The index token of a character or bigram: each code point as four letters a–p.

    Letters, not hex digits: Lunr's token-set minimisation joins edge labels with node
    numbers, so digit labels collide and whole groups of terms become unfindable.
    (Cached: a site has a few thousand distinct bigrams, written hundreds of thousands of
    times.)
    """
    return TOKEN_PREFIX + "".join(_letters(ord(c)) for c in chars)


def _letters(code: int) -> str:
    return "".join(_NIBBLES[(code >> shift) & 0xF] for shift in (12, 8, 4, 0))


def bigram_tokens(text: str) -> list[str]:
    """Tokens of every bigram, plus the last character of every run (for 1-character queries).

    Each token once, in the order it first appears: a search document is one page section,
    where whether a bigram occurs matters and how often it repeats adds only bytes.
    """
    grams: dict[str, None] = {}
    for run in _RUN.findall(text):
        grams.update(zip(map(operator.add, run, run[1:]), repeat(None)))
        grams[run[-1]] = None
    return list(map(encode, grams))


def plain_text(markup: str) -> str:
    """The text of an HTML fragment from the search index."""
    return html.unescape(_TAG.sub(" ", markup))


def augment_index(index: dict[str, Any], variants: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """Add the bigram fields to Material's ``search_index.json`` data (in place) and return it."""
    fold, plain = _folder(tuple(variants)), _folder(())
    for doc in index.get("docs", []):
        # A page's tags (its kind: テンプレート, プレイブック…) count as part of its title.
        title = " ".join([doc.get("title", ""), *doc.get("tags", [])])
        for field, text in ((TITLE_FIELD, title), (TEXT_FIELD, doc.get("text", ""))):
            base = base_form(plain_text(text))
            if not _RUN.search(base):
                continue
            folded = fold(base)
            tokens = bigram_tokens(folded)
            written = plain(base)
            if written != folded:
                # The words as written too, so that part of a folded word (ノーススター inside
                # ノーススターメトリック, folded to 北極星指標) is still found.
                tokens = list(dict.fromkeys(tokens + bigram_tokens(written)))
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
    with without_gc_pauses():  # the whole index is live until it is written back
        index = json.loads(index_path.read_text("utf-8"))
        data = json.dumps(augment_index(index, variants), ensure_ascii=False, separators=(",", ":"))
    index_path.write_text(data, encoding="utf-8")
    workers = site_dir / "assets" / "javascripts" / "workers"
    for worker in sorted(workers.glob("search.*.min.js")):
        if ".material." in worker.name:
            continue
        original = worker.with_name(worker.name.replace(".min.js", ".material.min.js"))
        if original.exists():  # an incremental (serve) build: the wrapper is already there
            continue
        worker.rename(original)
        wrapper = resources.files("generator").joinpath("templates/site/search-worker.js")
        script = wrapper.read_text("utf-8").replace("{{ material_worker }}", original.name)
        worker.write_text(script, encoding="utf-8")
    return len(data.encode("utf-8"))
