"""Rules the Python and the page's JavaScript share, checked against one file of cases each.

Each file in ``tests/vectors/`` holds inputs and the results both sides must give; this test
holds the Python to them and ``tests/js/*.test.mjs`` hold the browser modules to the same
files (run by ``npm test``):

- ``markdown-inline.json``: ``fill.inline`` (``markdown-text.js``)
- ``numbers.json``: ``kpi.fixed``, ``kpi.showable``'s 2^53 limit, ``kpi.position``,
  ``fill.number`` and the 10^15 answer limit (``numbers.js``, ``kpi.js``)
- ``calendar.json``: RFC 5545 escaping and folding, download names, weekend and holiday
  moves (``calendar.js``, ``file-name.js``)
- ``search-normalize.json``: search normalisation and the Japanese character range
  (``search-text.js``)
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from generator import answers, kpi, schedule
from generator.business_days import next_business_day
from generator.fill import inline, number
from generator.search_text import Normalizer, base_form, run_tokens

VECTORS = Path(__file__).resolve().parents[1] / "vectors"


def _load(name: str) -> Any:
    return json.loads((VECTORS / name).read_text("utf-8"))


INLINE = _load("markdown-inline.json")
NUMBERS = _load("numbers.json")
CALENDAR = _load("calendar.json")
SEARCH = _load("search-normalize.json")


@pytest.mark.parametrize("case", INLINE, ids=lambda case: repr(case["text"])[:40])
def test_inline_matches_the_shared_vector(case):
    assert inline(case["text"]) == case["inline"]


def test_numbers_match_the_shared_vectors():
    for case in NUMBERS["fixed"]:
        assert kpi.fixed(case["value"], case["digits"]) == case["text"], case
    for case in NUMBERS["number"]:
        assert number(case["value"]) == case["text"], case
    for case in NUMBERS["position"]:
        assert kpi.DIGITS[case["unit"]] == case["digits"]
        got = kpi.position(case["value"], case["unit"], case["min"], case["max"])
        assert got == case["position"], case


def test_limits_match_the_shared_vectors():
    assert {c["showable"] for c in NUMBERS["showable"]} == {True, False}
    for case in NUMBERS["showable"]:
        value, digits = case["value"], case["digits"]
        unit = next(u for u, d in kpi.DIGITS.items() if d == digits and u != "percent")
        assert kpi.showable(value, unit) is case["showable"], case
    assert {c["acceptable"] for c in NUMBERS["acceptable"]} == {True, False}
    for case in NUMBERS["acceptable"]:
        field = SimpleNamespace(type="number")
        assert (answers.answer_problem(field, case["value"]) is None) is case["acceptable"], case


def test_calendar_text_matches_the_shared_vectors():
    for case in CALENDAR["escape"]:
        assert schedule._escape(case["text"]) == case["escaped"], case
    for case in CALENDAR["fold"]:
        assert schedule._fold(case["line"]) == case["folded"], case
        assert all(len(part.encode()) <= 75 for part in case["folded"].split("\r\n"))
    for case in CALENDAR["file_name"]:
        got = schedule.file_name(case["id"], case["customer"], case["extension"])
        assert got == case["name"], case


def test_calendar_days_match_the_shared_vectors():
    for case in CALENDAR["weekday"]:
        day = dt.date.fromisoformat(case["anchor"]) + dt.timedelta(days=case["offset"])
        assert schedule.weekday_of(day).isoformat() == case["date"], case
    closed = frozenset(dt.datetime.strptime(d, "%Y%m%d").date() for d in CALENDAR["holidays"])
    for case in CALENDAR["business_day"]:
        day = dt.date.fromisoformat(case["anchor"]) + dt.timedelta(days=case["offset"])
        assert next_business_day(day, closed).isoformat() == case["date"], case


@pytest.mark.parametrize("case", SEARCH["cases"], ids=lambda case: repr(case["text"])[:30])
def test_search_normalisation_matches_the_shared_vector(case):
    normalizer = Normalizer(SEARCH["rules"])
    text = case["text"]
    assert base_form(text) == case["base"]
    assert normalizer.normalize(text) == case["normalized"]
    assert normalizer.query_words(text) == case["words"]
    assert [normalizer.query_tokens(w) for w in normalizer.query_words(text)] == case["tokens"]
    words = normalizer.query_words(text)
    assert [normalizer.pair_tokens(w) for w in words] == case["pair_tokens"]
    assert run_tokens(normalizer.normalize(text), with_last=True) == case["pairs"]
    assert run_tokens(text, with_last=True) == case["raw_pairs"]
