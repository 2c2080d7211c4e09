"""The site search, built after the engine on one language's finished folder.

Every page's article is marked for Pagefind with its kind (from the labels) and a hidden field
of normalised tokens (see :mod:`generator.search_text`), one for its title (weighted) and one
for its text. The marked articles go to Pagefind, not into the site: the pages readers load
stay as the engine wrote them. Pagefind writes a chunked index into ``pagefind/``; a large site
is indexed in parts (see :data:`PART_PAGES`) that the browser searches together. Beside it go
the rules the browser normalises queries with (``search/rules.json``), the list of parts
(``search/parts.json``) and the site's vocabulary for "did you mean"
(``search/vocab/<first character>.json``, fetched for the words of a query).
Each page also carries how many other pages link to it (meta ``links``): the page a handbook
keeps pointing at is the page about its subject, and the browser ranks it first among pages
that match alike.
"""

from __future__ import annotations

import html
import json
import math
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.core import CHANGES_PAGE
from generator.kinds import KINDS
from generator.labels import Labels, load_labels
from generator.search_text import (
    Normalizer,
    SearchRules,
    rules_for,
    vocabulary,
    vocabulary_chunks,
)

#: Folder of the "what's new" page, left out of the index.
_CHANGES = CHANGES_PAGE.removesuffix("/index.md")
OUTPUT = "pagefind"
#: Folder of the index's second and later parts, inside OUTPUT.
PARTS_FOLDER = "parts"
RULES_FILE = "search/rules.json"
PARTS_FILE = "search/parts.json"
#: Pages in one part of the index at most. Pagefind's search, for every page a query matches,
#: scans the page entries of all the query's terms (``search_term`` in pagefind_web's
#: search.rs), so a search costs about the square of the pages a common word is on. A site
#: larger than this is indexed in parts that the browser searches together (Pagefind's
#: ``mergeIndex``): each part keeps that cost to its own pages, and costs one more index chunk
#: (about 10 KB) per query word. At 8,012 pages, one part, the costliest first query's
#: search took about 0.1 s (benchmarks/README.md).
PART_PAGES = 10_000
#: What a part other than the first needs (the first also holds Pagefind's script and wasm).
_PART_FILES = ("pagefind-entry.json", "index", "fragment", "filter")
VOCAB_FOLDER = "search/vocab"
#: Words kept per vocabulary chunk (one chunk per first character), most frequent first.
VOCAB_LIMIT = 1500
#: First word of each hidden field: where a page's real text ends in Pagefind's content.
SENTINEL = "zqzz"
#: Pagefind weights of our token fields: the title's pairs count like a heading, the text's
#: pairs below the words as written, so a page whose text only mentions a word does not
#: outrank the page about it.
TITLE_WEIGHT = 6.0
TEXT_WEIGHT = 0.5
#: Pairs of the section headings count between the two: a page with a section about a word
#: comes before pages that only use it (Pagefind weights the headings' own words likewise).
HEADING_WEIGHT = 2.0
#: How many times a pair is written at most in a page's text field (see page_tokens).
TEXT_REPEAT_CAP = 2

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
_HEADINGS = re.compile(r"<h([2-4])[^>]*>(.*?)</h\1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_HREF = re.compile(r'href="([^"]*)"')
_SKIPPED = re.compile(r'<(script|style)[^>]*>.*?</\1>|<a class="headerlink".*?</a>', re.S)
#: First path segment of a page -> the label of its kind (``kinds.*`` or ``nav.*``).
#: First folder of a page → the label of its kind (from the kind registry), and the two
#: single pages that are not overviews of other pages.
_KIND_OF_SECTION = {
    **{kind.pages: f"kinds.{kind.name}" for kind in KINDS.values() if kind.pages},
    "glossary": "nav.glossary",
    "csm-onboarding": "nav.curriculum",
}
_OVERVIEWS = {"", "tags", "challenges"}


@dataclass
class SearchReport:
    """What the search step wrote for one language."""

    seconds: float
    pages: int
    index_bytes: int


def search_rules(catalog: Any, lang: str) -> SearchRules:
    """The rules of ``lang``'s site from the content's ``search`` items."""
    terms = catalog.of("search")
    return rules_for(
        lang,
        [(e.canonical, e.forms) for t in terms for e in t.equivalents],
        [s.by_language() for t in terms for s in t.synonyms],
        [p for t in terms for words in t.phrasings.by_language().values() for p in words],
    )


def build_search(site_dir: Path, lang: str) -> SearchReport:
    """Index one built language folder with Pagefind, with the rules the generator wrote into
    the docs tree (``search/rules.json``), and write its vocabulary and list of parts.

    Raises RuntimeError when Pagefind fails (its own message included) or the rules are
    missing (a folder not built from a generated docs tree).
    """
    started = time.perf_counter()
    try:
        rules: SearchRules = json.loads((site_dir / RULES_FILE).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise RuntimeError(f"no search rules in the built site ({RULES_FILE}): {exc}") from None
    labels = load_labels(lang)
    normalizer = Normalizer(rules)
    texts: list[str] = []
    articles: list[tuple[str, str]] = []
    pages = _indexed_pages(site_dir)
    links = inbound_links((rel, path.read_text("utf-8")) for rel, path in pages)
    for rel, path in pages:
        marked, text = mark_page(path.read_text("utf-8"), rel, labels, normalizer, links[rel])
        if marked is not None:
            articles.append((rel, marked))
            texts.append(text)
    for first, words in vocabulary_chunks(vocabulary(texts, normalizer), VOCAB_LIMIT).items():
        _write_json(site_dir / VOCAB_FOLDER / f"{ord(first):04x}.json", words)
    parts = split_parts(articles, PART_PAGES)
    shutil.rmtree(site_dir / OUTPUT, ignore_errors=True)  # no part of an earlier build is kept
    folders = [OUTPUT] + [f"{OUTPUT}/{PARTS_FOLDER}/{n}" for n in range(2, len(parts) + 1)]
    for folder, part in zip(folders, parts, strict=True):
        index_part(site_dir, folder, part, lang)
    for folder in folders[1:]:
        _keep_only(site_dir / folder, _PART_FILES)
    # Addresses relative to the search folder, for the browser to merge into the first part.
    _write_json(site_dir / PARTS_FILE, [f"../{folder}/" for folder in folders[1:]])
    index_bytes = sum(f.stat().st_size for f in (site_dir / OUTPUT).rglob("*") if f.is_file())
    return SearchReport(time.perf_counter() - started, len(articles), index_bytes)


def split_parts(items: list[Any], most: int) -> list[list[Any]]:
    """``items`` in as few parts of at most ``most`` as will do, dealt out in turn so that the
    parts are alike (copies and neighbours of a page go to different parts)."""
    count = max(1, math.ceil(len(items) / most))
    return [items[n::count] for n in range(count)]


def index_part(site_dir: Path, folder: str, articles: list[tuple[str, str]], lang: str) -> None:
    """Pagefind's index of ``articles`` ((folder path, marked page) pairs) in ``folder``.

    The marked pages are written to a scratch folder inside ``site_dir`` (removed after), at
    the paths the pages have in the site, so Pagefind gives each result its page's address.
    """
    scratch = Path(tempfile.mkdtemp(prefix=".cs-search-", dir=site_dir))
    try:
        for rel, marked in articles:
            target = scratch / rel / "index.html" if rel else scratch / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(marked, encoding="utf-8")
        run_pagefind(scratch, site_dir / folder, lang)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _keep_only(folder: Path, names: tuple[str, ...]) -> None:
    """Remove what a part's folder holds besides ``names`` and the part's metadata."""
    for entry in folder.iterdir():
        if entry.name in names or entry.suffix == ".pf_meta":
            continue
        if entry.is_dir():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def _indexed_pages(site_dir: Path) -> list[tuple[str, Path]]:
    """(folder path, file) of every page that goes into the index."""
    pages = []
    for path in sorted(site_dir.rglob("index.html")):
        rel = path.parent.relative_to(site_dir).as_posix()
        rel = "" if rel == "." else rel
        if rel.startswith((OUTPUT, "assets", "search", _CHANGES)):
            continue  # the "what's new" page only repeats other pages' titles
        pages.append((rel, path))
    return pages


def inbound_links(pages: Iterable[tuple[str, str]]) -> Counter[str]:
    """For each page's folder path, how many other pages link to it from their article."""
    counts: Counter[str] = Counter()
    for rel, page in pages:
        found = _ARTICLE.search(page)
        if found is None:
            continue
        targets = set()
        for href in _HREF.findall(found.group(1)):
            target = href.split("#", 1)[0].split("?", 1)[0]
            if not target or ":" in target or target.startswith("/"):
                continue  # same page, another site, or a path outside the language
            resolved = posixpath.normpath(posixpath.join(rel, html.unescape(target)))
            resolved = "" if resolved == "." else resolved.removesuffix("/index.html")
            if resolved != rel:
                targets.add(resolved)
        counts.update(targets)
    return counts


def mark_page(
    page: str, rel: str, labels: Labels, normalizer: Normalizer, links: int = 0
) -> tuple[str | None, str]:
    """The page's article marked for the index, as a document of its own (None when the page
    has no article), and the article's plain text. ``links`` is how many other pages link to
    it."""
    found = _ARTICLE.search(page)
    if found is None:
        return None, ""
    body = found.group(1)
    heading = _H1.search(body)
    title = _plain(heading.group(1), inline=True) if heading else ""
    text = _plain(body)
    kind = page_kind(rel, labels)
    # The page's kind counts as part of its title ("QBR template", 解約 プレイブック).
    title_tokens = " ".join(
        dict.fromkeys(normalizer.page_tokens(title) + normalizer.all_tokens(kind))
    )
    # Suffix tokens only for the title and the headings: a page's text would need one per
    # character, and they would fill the result fragments (a passage comes from the same
    # content) beyond what a first query may download on a large site.
    text_tokens = " ".join(normalizer.page_tokens(text, TEXT_REPEAT_CAP, suffix_tokens=False))
    headings = "\n".join(_plain(h) for _, h in _HEADINGS.findall(body))
    heading_tokens = " ".join(normalizer.page_tokens(headings))
    # The hidden fields go last, so a result's passage (taken from the start) is real text.
    fields = (
        f'<div class="cs-search-terms" hidden data-pagefind-weight="{TITLE_WEIGHT}">'
        f"{SENTINEL} {title_tokens}</div>"
        f'<div class="cs-search-terms" hidden data-pagefind-weight="{HEADING_WEIGHT}">'
        f"{SENTINEL} {heading_tokens}</div>"
        f'<div class="cs-search-terms" hidden data-pagefind-weight="{TEXT_WEIGHT}">'
        f"{SENTINEL} {text_tokens}</div>"
    )
    opening = '<article class="md-content__inner md-typeset" data-pagefind-body>'
    body = body.replace('<a class="headerlink"', '<a data-pagefind-ignore class="headerlink"')
    # Meta from attributes: an empty element adds no words to the page's text.
    meta = "".join(
        f'<span hidden data-pagefind-meta="{key}[data-{key}]" data-{key}="{html.escape(value)}">'
        "</span>"
        for key, value in (
            ("kind", kind),
            ("title", " ".join(title.split())),
            ("keys", normalizer.title_keys(title, kind)),
            ("links", str(links)),
        )
    )
    marked = f"<!DOCTYPE html><html><body>{opening}{meta}{body}{fields}</article></body></html>"
    return marked, f"{title}\n{text}"


def page_kind(rel: str, labels: Labels) -> str:
    """The label of a page's kind: a section's index page and the home page are overviews."""
    parts = rel.split("/") if rel else []
    if rel in _OVERVIEWS or (
        len(parts) == 1
        and parts[0] in _KIND_OF_SECTION
        and parts[0] not in ("glossary", "csm-onboarding")
    ):
        return str(labels.search.overview)
    key = _KIND_OF_SECTION.get(parts[0]) if parts else None
    if key is None:
        return str(labels.search.page)
    group, name = key.split(".")
    return str(labels[group][name])


def run_pagefind(pages_dir: Path, output: Path, lang: str) -> None:
    """Pagefind's own binary (shipped in the ``pagefind[extended]`` package) on ``pages_dir``,
    writing the index into ``output``."""
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(pages_dir),
        "--output-path",
        str(output),
        "--force-language",
        lang,
        "--silent",
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"pagefind failed for {lang}: {done.stderr.strip() or done.stdout}")


def _plain(markup: str, *, inline: bool = False) -> str:
    """Text of markup; ``inline`` (a heading's content): tags join their neighbours, so
    ``<abbr>CSM</abbr>'s`` reads "CSM's", not "CSM 's"."""
    text = html.unescape(_TAG.sub("" if inline else " ", _SKIPPED.sub(" ", markup)))
    return " ".join(text.split()) if inline else text


def _write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
