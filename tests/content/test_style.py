"""The style guide holds: STYLE.md's term table, punctuation and money rules over every text, and
no build talk on the generated pages of either language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.core import generate
from generator.models.parts import DataTable

ROOT = Path(__file__).resolve().parents[2]
LABELS = ROOT / "generator" / "templates" / "labels"
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Kinds whose job is to list variants (search synonyms), so the term rules do not apply.
VARIANT_LISTS = {"search"}

#: Per language: (rule name, pattern) that no text of that language may match.
PUNCTUATION = {
    "ja": [
        ("ASCII colon after Japanese", re.compile(r"[\u3040-\u30ff\u3400-\u9fff）」』]:")),
        ("ASCII colon after a list label", re.compile(r"(?m)^\s*[-*]\s+[A-Z]{2,6}:")),
        ("dollar amount in Japanese", re.compile(r"\$\s?\d")),
    ],
    "en": [
        ("full-width colon in English", re.compile("：")),
        ("yen amount in English", re.compile(r"¥|円")),
    ],
}

#: Build talk: words about how the site is made, in the generated Markdown of either language.
BUILD_TALK = [
    "kept as data",
    "is data",
    "データとして管理",
    "データとして保持",
    "9999",
    "id prefix",
    "generated from",
    "から生成されています",
    "YAML",
]
#: An id prefix shown to readers, such as "(onboarding-)".
ID_PREFIX = re.compile(r"[(（][a-z]+-[)）]")
#: A formula input or field id shown to readers, such as start_mrr.
SNAKE_CASE = re.compile(r"\b[a-z]+_[a-z0-9_]+\b")


def parse_terms(style: str) -> dict[str, list[str]]:
    """The avoided variants per language from STYLE.md's "Terms" table."""
    section = style.split("## Terms", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    header, *body = rows
    columns = [cell.strip() for cell in header.strip("|").split("|")]
    avoid = {"ja": columns.index("日本語（使わない）"), "en": columns.index("English (avoid)")}
    terms: dict[str, list[str]] = {"ja": [], "en": []}
    for row in body:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        if set("".join(cells)) <= {"-", " "}:
            continue
        for lang, index in avoid.items():
            terms[lang].extend(re.findall(r"`([^`]+)`", cells[index]))
    return terms


def term_pattern(variant: str, lang: str) -> re.Pattern[str]:
    """A variant as a pattern: English whole words ignoring case, ``*`` for any ending."""
    stem = re.escape(variant.rstrip("*"))
    if lang == "ja":
        return re.compile(stem)
    tail = r"\w*" if variant.endswith("*") else r"\b"
    return re.compile(rf"(?<![\w-]){stem}{tail}", re.IGNORECASE)


TERMS = {
    lang: [(v, term_pattern(v, lang)) for v in variants]
    for lang, variants in parse_terms((ROOT / "STYLE.md").read_text("utf-8")).items()
}


def texts(node: Any, lang: str | None = None, path: str = "") -> Iterator[tuple[str, str, str]]:
    """(language, key path, text) for every string under a ``ja:`` or ``en:`` key."""
    if isinstance(node, dict):
        for key, value in node.items():
            child_lang = str(key) if key in ("ja", "en") else lang
            yield from texts(value, child_lang, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from texts(value, lang, f"{path}.{index}")
    elif isinstance(node, str) and lang is not None:
        yield lang, path, node


def content_texts() -> Iterator[tuple[str, str, str]]:
    """(language, "file: key path", text) for all content, both label files and docs pages."""
    for path in sorted((ROOT / "frameworks").rglob("*.yaml")):
        data = yaml.load(path.read_text("utf-8"), Loader=LOADER)
        if isinstance(data, dict) and data.get("kind") in VARIANT_LISTS:
            continue
        rel = path.relative_to(ROOT).as_posix()
        for lang, key, text in texts(data):
            yield lang, f"{rel}: {key}", text
    for lang in ("ja", "en"):
        path = LABELS / f"{lang}.yaml"
        data = yaml.load(path.read_text("utf-8"), Loader=LOADER)
        for _, key, text in texts({lang: data}):
            yield lang, f"{path.relative_to(ROOT).as_posix()}: {key}", text
        for page in sorted((ROOT / "docs" / lang).glob("*.md")):
            prose = re.sub(r"```.*?```|`[^`]*`", "", page.read_text("utf-8"), flags=re.S)
            yield lang, page.relative_to(ROOT).as_posix(), prose


def problems_in(lang: str, where: str, text: str) -> list[str]:
    """Every broken rule in one text."""
    found = [f"{where}: avoid {v!r}" for v, pattern in TERMS[lang] if pattern.search(text)]
    found += [f"{where}: {name}" for name, pattern in PUNCTUATION[lang] if pattern.search(text)]
    return found


def test_the_term_table_is_read():
    assert "ノーススターメトリクス" in dict(TERMS["ja"])
    assert "閾値" in dict(TERMS["ja"])
    assert "organis*" in dict(TERMS["en"])


@pytest.mark.parametrize(
    ("lang", "text", "broken"),
    [
        ("ja", "ノーススターメトリクスを決める", True),
        ("ja", "北極星指標を決める", False),
        ("ja", "- 責任者: 田中", True),
        ("ja", "- NRR: [[nrr]]", True),
        ("ja", "- 責任者：田中", False),
        ("en", "Our organisational goals", True),
        ("en", "Our organizational goals", False),
        ("en", "the time-to-value framework", False),
        ("en", "About ¥400,000 a month", True),
        ("en", "Owner：Maria", True),
    ],
)
def test_the_rules_catch_what_they_should(lang, text, broken):
    assert bool(problems_in(lang, "sample", text)) is broken


def test_every_text_follows_the_style_guide():
    problems = [p for lang, where, text in content_texts() for p in problems_in(lang, where, text)]
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="module")
def pages() -> dict[str, dict[str, str]]:
    return generate(ROOT).pages


def reader_text(markdown: str) -> str:
    """What a reader sees: no front matter, no embedded data, no HTML tags or attributes."""
    body = markdown.split("\n---\n", 1)[1] if markdown.startswith("---\n") else markdown
    body = re.sub(r"<script\b.*?</script>", "", body, flags=re.S)
    body = re.sub(r"\{#[^}]*\}", "", body)
    body = re.sub(r"\]\([^)]*\)", "]", body)
    return re.sub(r"<[^>]+>", "", body)


def build_talk_in(markdown: str) -> list[str]:
    """Every piece of build talk a reader would see on a page."""
    text = reader_text(markdown)
    lowered = text.lower()
    found = [repr(phrase) for phrase in BUILD_TALK if phrase.lower() in lowered]
    found += [f"id prefix {m}" for m in ID_PREFIX.findall(text)]
    return found + [f"input id {m}" for m in SNAKE_CASE.findall(text)]


@pytest.mark.parametrize(
    "markdown",
    [
        "Every number here is kept as data, so each page shows the same value.",
        "Enter a real date between the years 1 and 9999.",
        "Items are grouped as onboarding (onboarding-) and adoption (adoption-).",
        "```text\ngrr = (start_mrr − churned_mrr) ÷ start_mrr\n```",
    ],
)
def test_build_talk_is_caught(markdown):
    assert build_talk_in(markdown)


def test_form_fields_and_anchors_are_not_build_talk():
    markdown = '<input name="start_mrr">\n### Q1. Why? {#q-first_value}\n[Plan](../templates/x.md)'
    assert build_talk_in(markdown) == []


def test_no_build_talk_on_reader_pages(pages):
    problems = [
        f"{lang}/{path}: {found}"
        for lang, by_path in pages.items()
        for path, markdown in by_path.items()
        for found in build_talk_in(markdown)
    ]
    assert not problems, "\n".join(problems)


def test_calculator_notes_only_where_there_is_a_formula(pages):
    from generator.labels import load_labels

    problems = []
    for lang, by_path in pages.items():
        formula_note = load_labels(lang).kpi.no_js
        for path, markdown in by_path.items():
            if formula_note in markdown and "csp-calc__data" not in markdown:
                problems.append(f"{lang}/{path}")
    assert not problems, problems


def test_each_page_shows_its_summary_once(pages):
    problems = []
    for lang, by_path in pages.items():
        for path, markdown in by_path.items():
            if not markdown.startswith("---\n"):
                continue
            front, body = markdown[4:].split("\n---\n", 1)
            summary = (yaml.load(front, Loader=LOADER) or {}).get("description", "")
            sentence = summary.split("。")[0].split(". ")[0].strip()
            if len(sentence) >= 20 and body.count(sentence) > 1:
                problems.append(f"{lang}/{path}: {sentence!r}")
    assert not problems, "\n".join(problems)


def test_example_tables_are_marked_as_examples_on_the_page(pages):
    """Tables of values a team sets for itself say so, in both languages."""
    from generator.catalog import load_catalog
    from generator.labels import load_labels

    catalog = load_catalog(ROOT / "frameworks", ROOT)
    examples: list[tuple[str, DataTable]] = [
        (f.id, table) for f in catalog.of("framework") for table in f.tables if table.example
    ]
    assert {table.id for _, table in examples} >= {"segment-model", "severity-levels"}
    for lang in ("ja", "en"):
        note = load_labels(lang).framework.example_values
        for framework_id, table in examples:
            page = pages[lang][f"frameworks/{framework_id}.md"]
            after_title = page.split(f"\n## {table.title(lang)}\n", 1)[1]
            assert note in after_title.split("\n## ", 1)[0], (lang, framework_id, table.id)


SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "vs"}
#: Names that keep their capitals inside a sentence-case title.
PROPER_NAMES = ("Net Promoter Score", "Customer Success")


def is_title_case(title: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'/-]*", title)
    return all(w[0].isupper() or w in SMALL_WORDS for w in words)


def is_sentence_case(title: str) -> bool:
    for name in PROPER_NAMES:
        title = title.replace(name, "")
    words = re.findall(r"[A-Za-z][\w'/-]*", title)
    later = [w for w in words[1:] if w[0].isupper()]
    return all(sum(c.isupper() for c in w) >= 2 for w in later)


def english_titles() -> Iterator[tuple[str, str, str]]:
    """(kind, "file: key", English title) for page titles, section and table titles."""
    for path in sorted((ROOT / "frameworks").rglob("*.yaml")):
        data = yaml.load(path.read_text("utf-8"), Loader=LOADER)
        if not isinstance(data, dict) or not isinstance(data.get("title"), dict):
            continue
        rel = path.relative_to(ROOT).as_posix()
        yield data["kind"], f"{rel}: title", data["title"]["en"]
        for key in ("sections", "tables"):
            for part in data.get(key) or []:
                yield "heading", f"{rel}: {key}.{part['id']}", part["title"]["en"]


@pytest.mark.parametrize(
    ("title", "title_case", "sentence_case"),
    [
        ("Voice of the Customer (VoC)", True, False),
        ("Running a QBR (quarterly business review)", False, True),
        ("Save Plan", True, False),
        ("The CSM's quarterly workflow", False, True),
    ],
)
def test_case_rules(title, title_case, sentence_case):
    assert is_title_case(title) is title_case
    assert is_sentence_case(title) is sentence_case


def test_framework_titles_use_title_case_and_the_rest_sentence_case():
    problems = [
        f"{where}: {title!r}"
        for kind, where, title in english_titles()
        if not (is_title_case(title) if kind == "framework" else is_sentence_case(title))
    ]
    assert not problems, "\n".join(problems)
