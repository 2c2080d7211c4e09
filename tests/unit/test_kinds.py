"""A new content kind is its model, its page template and one registry entry.

The test declares a small kind (``note``) the shipped code knows nothing about, in a
fixture project, and checks that validation, references, links, the page plan, the
rendered page and the sidebar all follow from the entry.
"""

from __future__ import annotations

from typing import Literal

import pytest
from pydantic import Field

from generator.core import generate
from generator.kinds import KINDS, Kind
from generator.models.base import FrameworkRef, Item, Text

from .helpers import SITE, TAXONOMY, write


class Note(Item):
    """A short note that points at frameworks."""

    kind: Literal["note"]
    body: Text
    related: list[FrameworkRef] = Field(default_factory=list)


NOTE = """\
kind: note
id: first-note
title: {ja: はじめてのメモ, en: First note}
summary: {ja: 要約, en: Summary}
body: {ja: 本文です。, en: The body.}
"""

TEMPLATE = """\
---
title: {{ item.title(lang) | fm }}
---
# {{ item.title(lang) | line }}

{{ item.body(lang) }}
"""


@pytest.fixture
def note_kind(monkeypatch: pytest.MonkeyPatch) -> Kind:
    kind = Kind("note", Note, "notes", pages="notes", section="references", index=False)
    monkeypatch.setitem(KINDS, "note", kind)
    return kind


def test_a_kind_declared_once_gets_pages_links_and_a_sidebar_entry(tmp_path, note_kind):
    write(tmp_path, "site/taxonomy.yaml", TAXONOMY)
    write(tmp_path, "site/site.yaml", SITE)
    write(tmp_path, "notes/first-note.yaml", NOTE)
    templates = tmp_path / "page-templates" / "pages"
    templates.mkdir(parents=True)
    (templates / "note.md.j2").write_text(TEMPLATE, encoding="utf-8")

    generated = generate(tmp_path)

    assert generated.pages["en"]["notes/first-note.md"].startswith('---\ntitle: "First note"')
    assert "本文です。" in generated.pages["ja"]["notes/first-note.md"]
    assert generated.sources["notes/first-note.md"] == "frameworks/notes/first-note.yaml"
    references = next(e for e in generated.nav["en"] if "Reference" in e)["Reference"]
    assert "notes/first-note.md" in references


def test_a_declared_kind_checks_its_references(tmp_path, note_kind):
    from generator.catalog import load_catalog
    from generator.errors import ContentErrors

    write(tmp_path, "site/taxonomy.yaml", TAXONOMY)
    write(tmp_path, "notes/first-note.yaml", NOTE + "related: [no-such-framework]\n")
    with pytest.raises(ContentErrors) as caught:
        load_catalog(tmp_path / "frameworks", tmp_path)
    assert "no framework with id 'no-such-framework'" in str(caught.value)
