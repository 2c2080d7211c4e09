"""The site search, built after MkDocs on one language's finished folder.

Every page's article is marked for Pagefind with its kind (from the labels) and a hidden field
of normalised tokens (see :mod:`generator.search_text`), one for its title (weighted) and one
for its text; Pagefind then writes a chunked index into ``pagefind/``. Beside it go the rules
the browser normalises queries with (``search/rules.json``) and the site's vocabulary for
"did you mean" (``search/vocab/<first character>.json``, fetched for the words of a query).
Each page also carries how many other pages link to it (meta ``links``): the page a handbook
keeps pointing at is the page about its subject, and the browser ranks it first among pages
that match alike.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
import subprocess
import sys
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
RULES_FILE = "search/rules.json"
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
TEXT_REPEAT_CAP = 3

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
_HEADINGS = re.compile(r"<h([2-4])[^>]*>(.*?)</h\1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_FIELDS = re.compile(r'<div class="cs-search-terms"[^>]*>[^<]*</div>')
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
    """Mark the pages of one built language folder and index them with Pagefind, with the
    rules the generator wrote into the docs tree (``search/rules.json``) and a vocabulary.

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
    marked_pages: list[Path] = []
    pages = _indexed_pages(site_dir)
    links = inbound_links((rel, path.read_text("utf-8")) for rel, path in pages)
    for rel, path in pages:
        marked, text = mark_page(path.read_text("utf-8"), rel, labels, normalizer, links[rel])
        if marked is not None:
            path.write_text(marked, encoding="utf-8")
            texts.append(text)
            marked_pages.append(path)
    for first, words in vocabulary_chunks(vocabulary(texts, normalizer), VOCAB_LIMIT).items():
        _write_json(site_dir / VOCAB_FOLDER / f"{ord(first):04x}.json", words)
    run_pagefind(site_dir, lang)
    for path in marked_pages:  # indexed now: readers need not download the tokens
        path.write_text(_FIELDS.sub("", path.read_text("utf-8")), encoding="utf-8")
    index_bytes = sum(f.stat().st_size for f in (site_dir / OUTPUT).rglob("*") if f.is_file())
    return SearchReport(time.perf_counter() - started, len(marked_pages), index_bytes)


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
    """The page with its article marked for the index (None when it has no article), and the
    article's plain text. ``links`` is how many other pages link to it."""
    found = _ARTICLE.search(page)
    if found is None:
        return None, ""
    body = found.group(1)
    heading = _H1.search(body)
    title = _plain(heading.group(1)) if heading else ""
    text = _plain(body)
    kind = page_kind(rel, labels)
    # The page's kind counts as part of its title ("QBR template", 解約 プレイブック).
    title_tokens = " ".join(
        dict.fromkeys(normalizer.page_tokens(title) + normalizer.all_tokens(kind))
    )
    text_tokens = " ".join(normalizer.page_tokens(text, TEXT_REPEAT_CAP))
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
    marked = (
        page[: found.start()] + opening + meta + body + fields + "</article>" + page[found.end() :]
    )
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


def run_pagefind(site_dir: Path, lang: str) -> None:
    """Pagefind's own binary (shipped in the ``pagefind[extended]`` package) on the folder."""
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--output-subdir",
        OUTPUT,
        "--force-language",
        lang,
        "--silent",
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"pagefind failed for {lang}: {done.stderr.strip() or done.stdout}")


def _plain(markup: str) -> str:
    return html.unescape(_TAG.sub(" ", _SKIPPED.sub(" ", markup)))


def _write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
