"""What a content change says on the "what's new" page, from two versions of a file."""

from __future__ import annotations

from datetime import date

from generator.changes import page_changes
from generator.history import FileChange
from generator.labels import load_labels

BEFORE = b"""\
kind: framework
id: score
title: {ja: \xe3\x82\xb9\xe3\x82\xb3\xe3\x82\xa2, en: Score}
order: 3
components:
  - {id: usage, name: {ja: \xe5\x88\xa9\xe7\x94\xa8, en: Usage}, weight: 60}
  - {id: nps, name: {ja: NPS, en: NPS}, weight: 40}
summary: {ja: \xe6\xa6\x82\xe8\xa6\x81, en: Summary}
"""
PAGES = {"frameworks/score.yaml": ["frameworks/score.md"]}


def _entry(after: bytes, before: bytes | None = BEFORE):
    change = FileChange("c1", date(2026, 11, 15), "frameworks/score.yaml", before, after)
    return page_changes([change], PAGES)


def test_a_new_file_is_a_new_page():
    (entry,) = _entry(BEFORE, before=None)
    assert entry.new_page and entry.summary(load_labels("en"), "en") == "New page"


def test_changed_numbers_are_named_by_what_holds_them_old_to_new():
    (entry,) = _entry(BEFORE.replace(b"weight: 60", b"weight: 55"))
    assert entry.summary(load_labels("en"), "en") == "Usage (weight): 60 → 55"
    ja = entry.summary(load_labels("ja"), "ja")
    assert ja == "\u5229\u7528\uff08\u91cd\u307f\uff09\uff1a60 \u2192 55"


def test_texts_and_numbers_changed_together_say_both():
    after = BEFORE.replace(b"weight: 40", b"weight: 45").replace(b"en: Summary", b"en: Sum")
    (entry,) = _entry(after)
    assert entry.summary(load_labels("en"), "en") == "NPS (weight): 40 → 45; Text updated"


def test_a_text_change_is_found_without_parsing_numbers():
    (entry,) = _entry(BEFORE.replace(b"en: Score}", b"en: Health score}"))
    assert entry.texts and not entry.numbers


def test_comments_and_page_order_are_not_news():
    assert _entry(BEFORE + b"# a note for editors\n") == []
    assert _entry(BEFORE.replace(b"order: 3", b"order: 4")) == []


def test_items_matched_by_id_not_position():
    swapped = BEFORE.replace(
        b"  - {id: usage, name: {ja: \xe5\x88\xa9\xe7\x94\xa8, en: Usage}, weight: 60}\n"
        b"  - {id: nps, name: {ja: NPS, en: NPS}, weight: 40}\n",
        b"  - {id: nps, name: {ja: NPS, en: NPS}, weight: 40}\n"
        b"  - {id: usage, name: {ja: \xe5\x88\xa9\xe7\x94\xa8, en: Usage}, weight: 60}\n",
    )
    assert all(not entry.numbers for entry in _entry(swapped))
