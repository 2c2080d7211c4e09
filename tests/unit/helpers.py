"""Helpers for unit tests: write small content projects into tmp_path."""

from __future__ import annotations

import textwrap
from pathlib import Path

TAXONOMY = """\
kind: taxonomy
id: main
groups:
  - {id: health, name: {ja: 健全性, en: Health}, summary: {ja: 概要, en: Summary}}
tags:
  - {id: high-touch, facet: touch, name: {ja: ハイタッチ, en: High touch}}
roles:
  - {id: csm, name: {ja: CSM, en: CSM}}
channels:
  - {id: meeting, name: {ja: 会議, en: Meeting}}
"""

SITE = """\
kind: site
id: site
name: {ja: テスト, en: Test}
tagline: {ja: 標語, en: Tagline}
intro: {ja: 紹介, en: Intro}
"""

CHECKLIST = """\
kind: checklist
id: {id}
title: {{ja: 基準, en: Standards}}
summary: {{ja: 概要, en: Summary}}
body: {{ja: 本文, en: Body}}
items:
  - {{id: one, text: {{ja: 項目, en: Item}}}}
"""


def write(root: Path, rel: str, text: str) -> Path:
    """Write ``text`` (dedented) to ``root/frameworks/rel`` and return the path."""
    path = root / "frameworks" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def content_errors(root: Path, files: dict[str, str]) -> list[str]:
    """Write ``files`` under ``root/frameworks`` and return the check's error lines."""
    from generator.catalog import load_catalog
    from generator.errors import ContentErrors

    for rel, text in files.items():
        write(root, rel, text)
    try:
        load_catalog(root / "frameworks", root)
    except ContentErrors as exc:
        return [str(e) for e in exc.errors]
    return []
