"""Search normalisation: one set of rules for the indexed text and for what readers type.

The rules are data (``rules_for``: spelling variants, synonyms and question phrasings from
``frameworks/site/search.yaml``, compiled to regular expressions both Python and JavaScript
read). The code here has a twin, ``overrides/assets/cs-playbook/search-text.js``, which the
browser runs on queries; a test runs both on the same strings and compares.

Steps, in order: NFKC and lower case; hiragana as katakana; small kana as full-size; the
long-vowel mark and the middle dot dropped (マネージャー = マネジャー); every listed form
replaced by its canonical word (longest first, one pass; Latin forms only as whole words, a
plural included).

Japanese text becomes two kinds of ASCII token (a prefix and each code point as four letters
a–p), so that the search engine keeps them whole:

- **suffixes** (``zr``): each run of katakana and kanji as written (hiragana, which carries the
  grammar, ends a run) of a page's title and headings gives a token for every suffix, up to
  :data:`SUFFIX_CHARS` characters. The engine matches a query term as the start of a word,
  so any part of a word there (サクセス in カスタマーサクセス) is one query term.
  Pagefind's search costs about the pages a query matches times the page entries of its
  terms: one term over the titles and headings instead of three pairs over every text
  (ヘルススコア) is what keeps a large site quick (see benchmarks/README.md);
- **title words** (``zl``): the Latin words of a page's title and headings, so that a query
  in English is searched over the titles and headings first, as a Japanese one is;
- **pairs** (``zq``): overlapping character pairs of the whole text in base form, which find
  what the suffixes cannot: a word only in a page's text, written in hiragana, or misspelt.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypedDict

TOKEN_PREFIX = "zq"
SUFFIX_PREFIX = "zr"
#: Prefix of a title's or heading's Latin word as a token of its own (see latin_words).
WORD_PREFIX = "zl"
#: Longest suffix token, in characters; a longer query word is searched as several pieces.
SUFFIX_CHARS = 8
SUFFIX_END = "z"
_NIBBLES = "abcdefghijklmnop"
_JAPANESE = "\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3006"
_RUN = re.compile(f"[{_JAPANESE}]+")
#: Scripts written without spaces between words (kana, kanji, half-width kana).
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_LATIN_WORD = re.compile("[a-z0-9]+")
_SMALL_KANA = str.maketrans("ァィゥェォッャュョヮヵヶ", "アイウエオツヤユヨワカケ")
_DROPPED = str.maketrans("", "", "\u30fc\u30fb")
_LATIN_FORM = re.compile(r"^[a-z0-9][a-z0-9 /:.'&+-]*$")
#: Particles typed between two words of a question (顧客の声, CSとサポートの違い).
_PARTICLES = re.compile(
    "(?<=[^\\s\u3041-\u3096])[のをとにでがはへもや]{1,2}(?=[^\\s\u3041-\u3096])"
)
_SPECIAL = re.compile(r"([.*+?^${}()|\[\]\\/-])")


class SearchRules(TypedDict):
    """The rules of one language's site, as written to ``search/rules.json``."""

    #: Canonical word -> the other forms read as it (each form under one canonical word).
    forms: dict[str, list[str]]
    fold_latin: str
    fold_other: str
    phrasings_suffix: str
    phrasings_word: str


def base_form(text: str) -> str:
    """NFKC, lower case, katakana for hiragana and small kana, no long-vowel mark or middle dot."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = "".join(chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" else c for c in text)
    return text.translate(_SMALL_KANA).translate(_DROPPED)


def _escape(text: str) -> str:
    """A regular-expression literal that Python and JavaScript read alike."""
    return _SPECIAL.sub(r"\\\1", text)


def _alternation(forms: Iterable[str]) -> str:
    return "|".join(_escape(f) for f in sorted(set(forms), key=lambda f: (-len(f), f)))


def rules_for(
    lang: str,
    equivalents: Iterable[tuple[str, Sequence[str]]],
    synonyms: Iterable[Mapping[str, Sequence[str]]],
    phrasings: Iterable[str],
) -> SearchRules:
    """The rules of ``lang``'s site from the content's search data.

    ``synonyms`` are ``{lang: [canonical, form…]}`` groups; on a site every form in every
    language is read as that site's canonical word. The first canonical given for a form wins.
    ``phrasings`` (of every language) written in CJK characters are cut at the end of a word
    (those scripts do not space words); any other only as whole words.
    """
    table: dict[str, str] = {}

    def add(canonical: str, forms: Iterable[str]) -> None:
        target = base_form(canonical)
        table.setdefault(target, target)
        for form in forms:
            form = base_form(form).strip()
            if form:
                table.setdefault(form, target)

    for canonical, forms in equivalents:
        add(canonical, forms)
    for group in synonyms:
        words = list(group[lang]) + [w for other, ws in group.items() if other != lang for w in ws]
        add(words[0], words)
    latin = [f for f in table if _LATIN_FORM.match(f)]
    other = [f for f in table if not _LATIN_FORM.match(f)]
    phrasings = list(phrasings)
    suffixes = [unicodedata.normalize("NFKC", p).lower() for p in phrasings if _CJK.search(p)]
    words = [base_form(p) for p in phrasings if not _CJK.search(p)]
    return {
        "forms": forms_of(table),
        "fold_latin": f"(?<![a-z0-9])({_alternation(latin)})(?:e?s)?(?![a-z0-9])" if latin else "",
        "fold_other": f"({_alternation(other)})" if other else "",
        "phrasings_suffix": f"(?:{_alternation(suffixes)})(?=\\s|$)" if suffixes else "",
        "phrasings_word": (
            f"(?<![a-z0-9'])(?:{_alternation(words)})(?![a-z0-9'])" if words else ""
        ),
    }


class Normalizer:
    """Compiled rules: :meth:`normalize` for any text, :meth:`query_words` for a query."""

    def __init__(self, rules: SearchRules) -> None:
        self.table = table_of(rules["forms"])
        self.fold_latin = _compiled(rules["fold_latin"])
        self.fold_other = _compiled(rules["fold_other"])
        self.phrasings_suffix = _compiled(rules["phrasings_suffix"])
        self.phrasings_word = _compiled(rules["phrasings_word"])
        self._inner: dict[str, list[str]] | None = None

    def fold(self, text: str) -> str:
        """Every listed form of text already in :func:`base_form` replaced by its canonical word."""
        table = self.table
        if self.fold_latin is not None:
            text = self.fold_latin.sub(lambda m: table[m.group(1)], text)
        if self.fold_other is not None:
            text = self.fold_other.sub(lambda m: table[m.group(1)], text)
        return text

    def normalize(self, text: str) -> str:
        """:func:`base_form`, then :meth:`fold`."""
        return self.fold(base_form(text))

    def query_words(self, query: str) -> list[str]:
        """The normalised words of a query, its question phrasing and particles left out.

        Japanese phrasing (〜とは) is cut from the end of a word as typed, then the particles
        between words; English phrasing (how to) after folding, so that a listed form holding
        such a word (book of business) is read first. Phrasing alone (what is) counts whole.
        """
        text = unicodedata.normalize("NFKC", query).lower()
        text = _PARTICLES.sub(" ", _cut(self.phrasings_suffix, text))
        text = _cut(self.phrasings_word, self.normalize(text))
        return [w for w in re.split("[^a-z0-9/" + _JAPANESE + "]+", text) if w]

    def page_tokens(
        self, text: str, repeat_cap: int = 1, *, suffix_tokens: bool = True
    ) -> list[str]:
        """Index tokens of a page's text: pairs of its Japanese runs, as written and folded,
        the Latin words folding added (the engine indexes the words as written itself) and,
        with ``suffix_tokens`` (titles and headings), the suffix tokens
        (:meth:`suffix_tokens`) and the Latin words as tokens (:func:`latin_words`).

        A token that occurs several times is written up to ``repeat_cap`` times, so the engine
        still sees that a page about a word uses it often, without a long page's tokens
        growing with every repetition."""
        written = base_form(text)
        folded = self.fold(written)
        counts = Counter(_pairs(folded))
        if folded != written:
            for token, count in Counter(_pairs(written)).items():
                counts[token] = max(counts[token], count)
            seen = set(_LATIN_WORD.findall(written))
            counts.update(w for w in _LATIN_WORD.findall(folded) if w not in seen)
        for variant in self.inner_variants(written):
            counts.update(t for t in dict.fromkeys(_pairs(variant)) if t not in counts)
        if suffix_tokens:
            counts.update(self.suffix_tokens(text))
            counts.update(latin_words(folded))
        return [t for t, n in counts.items() for _ in range(min(n, repeat_cap))]

    def suffix_tokens(self, text: str) -> list[str]:
        """Suffix tokens of every katakana and kanji run of ``text`` (each time it occurs), as
        written and folded, and of the run's inner variants; and of the canonical word of
        every listed form in the text (a Latin form, or one written with hiragana, such as
        ARPA and 顧客あたり平均売上, is searched as its canonical word)."""
        out: list[str] = []
        for canonical in self._canonicals(base_form(text)):
            for piece in _RUN.findall(canonical):
                out.extend(suffixes(piece))
        for run in _RUN.findall(unicodedata.normalize("NFKC", text).lower()):
            written = base_form(run)
            seen: set[str] = set()
            for form in dict.fromkeys([written, self.fold(written), *self.inner_variants(written)]):
                for piece in _RUN.findall(form):
                    fresh = [t for t in suffixes(piece) if t not in seen]
                    seen.update(fresh)
                    out.extend(fresh)
        return out

    def _canonicals(self, text: str) -> list[str]:
        """The canonical word of every listed form in ``text`` (in base form), each time."""
        table = self.table
        found = []
        for pattern in (self.fold_latin, self.fold_other):
            if pattern is not None:
                found += [table[m.group(1)] for m in pattern.finditer(text)]
        return found

    def inner_variants(self, text: str) -> list[str]:
        """Each listed Japanese form found in text (in base form), with a shorter form inside it
        read as its canonical word: チャーンリスク is its own word, and also 解約リスク."""
        if self.fold_other is None:
            return []
        out: dict[str, None] = {}
        for found in dict.fromkeys(m.group(1) for m in self.fold_other.finditer(text)):
            for inner in self._inner_forms().get(found, ()):
                variant = found.replace(inner, self.table[inner])
                if variant != found:
                    out[variant] = None
        return list(out)

    def _inner_forms(self) -> dict[str, list[str]]:
        """Japanese forms -> the other forms inside them (computed once)."""
        if self._inner is None:
            forms = [f for f in self.table if not _LATIN_FORM.match(f)]
            self._inner = {
                f: [g for g in forms if g != f and g in f and self.table[g] != self.table[f]]
                for f in forms
            }
        return self._inner

    def title_keys(self, title: str, kind: str) -> str:
        """A title as the browser compares queries with it: folded, with its inner variants,
        and the page's kind."""
        written = base_form(title)
        return " ".join([self.fold(written), *self.inner_variants(written), self.normalize(kind)])

    def all_tokens(self, text: str) -> list[str]:
        """Every token of a text: its pairs and its Latin words, folded, its suffixes and its
        Latin words as tokens."""
        folded = self.normalize(text)
        tokens = run_tokens(folded, with_last=True) + _LATIN_WORD.findall(folded)
        return tokens + list(dict.fromkeys(self.suffix_tokens(text) + latin_words(folded)))

    def query_tokens(self, word: str) -> list[str]:
        """Search terms of one normalised query word over titles and headings: each Japanese
        run as the start of a suffix (one term, or one per :data:`SUFFIX_CHARS` characters),
        and its Latin words as such words."""
        return word_tokens(word) + [WORD_PREFIX + w for w in _LATIN_WORD.findall(word)]

    def pair_tokens(self, word: str) -> list[str]:
        """Search terms of one normalised query word by pairs that cover each Japanese run
        (every second pair, and the last: ヘルススコア -> ヘル スス コア), for what suffixes
        miss, and its Latin words."""
        return cover_tokens(word) + _LATIN_WORD.findall(word)


def forms_of(table: Mapping[str, str]) -> dict[str, list[str]]:
    """Form -> canonical word, grouped by canonical word (each written once: every reader's
    first search downloads the rules)."""
    forms: dict[str, list[str]] = {}
    for form, canonical in table.items():
        group = forms.setdefault(canonical, [])
        if form != canonical:
            group.append(form)
    return forms


def table_of(forms: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Every form, the canonical words included, -> its canonical word."""
    table: dict[str, str] = {}
    for canonical, others in forms.items():
        table[canonical] = canonical
        table.update((form, canonical) for form in others)
    return table


def _compiled(source: str) -> re.Pattern[str] | None:
    return re.compile(source) if source else None


def _cut(pattern: re.Pattern[str] | None, text: str) -> str:
    """``text`` without what ``pattern`` matches, unless nothing else would be left."""
    if pattern is None:
        return text
    rest = pattern.sub(" ", text)
    return rest if rest.strip() else text


def _pairs(text: str) -> list[str]:
    """The pair tokens of every run, each time it occurs, and every run's last character."""
    out: list[str] = []
    for run in _RUN.findall(text):
        out.extend(encode(run[i : i + 2]) for i in range(len(run) - 1))
        out.append(encode(run[-1]))
    return out


def suffixes(run: str) -> list[str]:
    """Tokens of every suffix of a run, each cut to :data:`SUFFIX_CHARS` characters.

    Each ends with :data:`SUFFIX_END`, a letter no character is encoded with: when no word
    starts with a query term, the engine takes the longest word the term starts with
    instead (pagefind_web's ``find_word_extensions``), and 顧客 must not stand in for
    顧客単価."""
    return [encode(run[i : i + SUFFIX_CHARS], SUFFIX_PREFIX) + SUFFIX_END for i in range(len(run))]


def latin_words(text: str) -> list[str]:
    """Tokens of the Latin words of ``text`` (folded) for the title and headings fields, each
    time it occurs: the engine indexes the words of every text itself, and a query over the
    titles and headings alone matches few pages, so it is quick on a large site. Each ends
    with :data:`SUFFIX_END`, as suffixes do."""
    return [WORD_PREFIX + w + SUFFIX_END for w in _LATIN_WORD.findall(text)]


def word_tokens(text: str) -> list[str]:
    """Query terms for the Japanese runs of ``text``: each run whole, or, when it is longer
    than a suffix token, pieces of :data:`SUFFIX_CHARS` characters that cover it."""
    return _covering(text, SUFFIX_CHARS, SUFFIX_PREFIX)


def cover_tokens(text: str) -> list[str]:
    """Tokens of pairs that together cover every Japanese run of ``text`` (every second pair,
    and the last)."""
    return _covering(text, 2, TOKEN_PREFIX)


def _covering(text: str, width: int, prefix: str) -> list[str]:
    """Tokens of pieces of ``width`` characters, side by side and the last one flush with the
    run's end, that together cover every Japanese run of ``text`` (a shorter run whole)."""
    out: dict[str, None] = {}
    for run in _RUN.findall(text):
        starts = list(range(0, max(len(run) - width, 0) + 1, width))
        if starts[-1] + width < len(run):
            starts.append(len(run) - width)
        out.update((encode(run[i : i + width], prefix), None) for i in starts)
    return list(out)


def run_tokens(text: str, *, with_last: bool) -> list[str]:
    """Tokens of each Japanese run's character pairs; a one-character run is its character.

    ``with_last`` adds every run's last character (pages: so a one-character query finds a
    word that ends with it; the engine matches a query term as a prefix)."""
    out: dict[str, None] = {}
    for run in _RUN.findall(text):
        if len(run) == 1:
            out[encode(run)] = None
            continue
        for i in range(len(run) - 1):
            out[encode(run[i : i + 2])] = None
        if with_last:
            out[encode(run[-1])] = None
    return list(out)


def encode(chars: str, prefix: str = TOKEN_PREFIX) -> str:
    """The token of characters: ``prefix`` (pairs: ``zq``) and each code point as four
    letters a–p."""
    return prefix + "".join(
        _NIBBLES[(ord(c) >> shift) & 0xF] for c in chars for shift in (12, 8, 4, 0)
    )


def vocabulary(texts: Iterable[str], normalizer: Normalizer) -> list[str]:
    """The site's words for "did you mean": Latin words of 4+ letters and katakana words of
    3+ characters, most frequent first."""
    counts: dict[str, int] = {}
    for text in texts:
        folded = normalizer.normalize(text)
        for word in _LATIN_WORD.findall(folded):
            if len(word) >= 4 and not word.isdigit():
                counts[word] = counts.get(word, 0) + 1
        for word in re.findall("[\u30a1-\u30fa]{3,}", folded):
            counts[word] = counts.get(word, 0) + 1
    return sorted(counts, key=lambda w: (-counts[w], w))


def vocabulary_chunks(words: Iterable[str], limit: int) -> dict[str, list[str]]:
    """Words grouped by their first character, at most ``limit`` per group (in given order)."""
    chunks: dict[str, list[str]] = {}
    for word in words:
        chunk = chunks.setdefault(word[0], [])
        if len(chunk) < limit:
            chunk.append(word)
    return chunks


def rules_json(rules: SearchRules) -> dict[str, Any]:
    """The rules as written for the browser."""
    return dict(rules)
