"""The home page, the frameworks index, the glossary, and what framework, playbook and
checklist pages need besides their item."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.business_days import WINDOW, compact_list, holiday_dates
from generator.catalog import Catalog
from generator.kana import KANA_ROWS, kana_row, latin_row, reading_key
from generator.kinds import KINDS, Kind
from generator.models.parts import by_audience
from generator.pages import PageSpec, index_page, item_context, page_builder
from generator.schedule import calendar_of


def home(catalog: Catalog) -> list[PageSpec]:
    """The home page: situations of a working day, one line per section, leader material apart."""
    site = catalog.one("site")
    if site is None:  # the home page is made from the site's texts
        return []
    # Each section with its own index page, in site order, then the glossary.
    sections = [
        (str(kind.section), f"{kind.pages}/index.md")
        for kind in KINDS.values()
        if kind.pages and kind.index and catalog.of(kind.name)
    ]
    sections.append(("glossary", str(KINDS["glossary"].page)))
    context = {
        "site": site,
        "sections": sections,
        "reference_pages": [
            (kind, item) for kind in ("comparison", "article") for item in catalog.of(kind)
        ],
        "has_tags": any(taxonomy.tags for taxonomy in catalog.of("taxonomy")),
    }
    return [PageSpec("index.md", "home.md.j2", context, _source(catalog, "site"))]


@index_page("framework")
def frameworks_index(catalog: Catalog, kind: Kind) -> PageSpec:
    """The frameworks index, by group."""
    context = {"groups": _framework_groups(catalog)}
    return PageSpec(f"{kind.pages}/index.md", "frameworks_index.md.j2", context)


@item_context("framework")
def framework_context(catalog: Catalog, item: Any) -> dict[str, Any]:
    """A framework's group, score bands and what-if data, standards and what uses it."""
    return {
        "group": catalog.get("group", item.group),
        "band_ranges": _band_ranges(item.score_model),
        "whatif": _whatif_data(item.score_model, catalog.languages.codes),
        "weight_total": sum(c.weight for c in item.score_model.components)
        if item.score_model
        else 0,
        "standards": _standards_by_framework(catalog).get(item.id, []),
        "playbooks": catalog.referrers("framework", item.id, "playbook"),
        "question_sets": catalog.referrers("framework", item.id, "question-set"),
        "question_groups": by_audience(item.questions),
    }


@item_context("playbook")
def playbook_context(catalog: Catalog, item: Any) -> dict[str, Any]:
    """A playbook's steps in time order, and the data of its schedule widget."""
    steps = sorted(item.steps, key=lambda s: s.offset_days)
    return {"steps": steps, "schedule": _schedule_data(catalog, item)}


@item_context("checklist")
def checklist_context(catalog: Catalog, item: Any) -> dict[str, Any]:
    """The frameworks a checklist's entries name, in order of first mention."""
    return {"frameworks": list(dict.fromkeys(e.framework for e in item.items if e.framework))}


@item_context("question-set")
def question_set_context(catalog: Catalog, item: Any) -> dict[str, Any]:
    """A question set's questions grouped by who they are asked of."""
    return {"question_groups": by_audience(item.questions)}


@page_builder("glossary")
def glossary(catalog: Catalog) -> list[PageSpec]:
    """One glossary page with every term of every glossary file, in each language's index
    order: by kana reading under gojūon rows (``glossary_index: kana``), or A–Z under letters."""
    terms = [t for g in catalog.of("glossary") for t in g.terms]
    rows, index = {}, {}
    for language in catalog.languages.all:
        lang = language.code
        rows[lang], full = _glossary_rows(terms, lang, language.glossary_index == "kana")
        index[lang] = [
            (anchor, heading, any(a == anchor for a, _, _ in rows[lang]))
            for anchor, heading in full
        ]
    sources = sorted(catalog.source("glossary", g.id) for g in catalog.of("glossary"))
    context = {"rows": rows, "index": index}
    return [
        PageSpec("glossary/index.md", "glossary.md.j2", context, sources[0] if sources else None)
    ]


_LETTERS = [(f"letter-{c.lower()}", c) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]


def _glossary_rows(
    terms: list[Any], lang: str, by_kana: bool
) -> tuple[list[tuple[str, str, list[Any]]], list[tuple[str, str]]]:
    """One language's index rows and every heading its index shows (gojūon rows or A–Z)."""
    if by_kana:
        by_reading = sorted(terms, key=lambda t: (reading_key(t.reading_or_head(lang)), t.id))
        rows = _index_rows(by_reading, lambda t: kana_row(reading_key(t.reading_or_head(lang))))
        return rows, KANA_ROWS
    by_letter = sorted(terms, key=lambda t: (t.term.raw(lang).casefold(), t.id))
    return _index_rows(by_letter, lambda t: latin_row(t.term.raw(lang))), _LETTERS


def _index_rows(
    terms: list[Any], row_of: Callable[[Any], tuple[str, str]]
) -> list[tuple[str, str, list[Any]]]:
    """(anchor, heading, terms) per index row, in the order the sorted terms give."""
    rows: dict[tuple[str, str], list[Any]] = {}
    for term in terms:
        rows.setdefault(row_of(term), []).append(term)
    return [(anchor, heading, items) for (anchor, heading), items in rows.items()]


def _source(catalog: Catalog, kind: str) -> str | None:
    item = catalog.one(kind)
    return catalog.source(kind, item.id) if item is not None else None


def _framework_groups(catalog: Catalog) -> list[tuple[Any, list[Any]]]:
    """(group, its frameworks) in taxonomy order, skipping empty groups."""
    by_group: dict[str, list[Any]] = {}
    for item in catalog.of("framework"):
        by_group.setdefault(item.group, []).append(item)
    groups = [g for t in catalog.of("taxonomy") for g in t.groups]
    return [(g, by_group[g.id]) for g in groups if g.id in by_group]


def _schedule_data(catalog: Catalog, playbook: Any) -> dict[str, Any]:
    """What the schedule widget needs to write the same .ics and checklist as the CLI."""
    roles = {r.id: r.name for t in catalog.of("taxonomy") for r in t.roles}
    channels = {c.id: c.name for t in catalog.of("taxonomy") for c in t.channels}

    def both(text: Any) -> dict[str, str]:
        return {lang: text(lang) for lang in catalog.languages.codes}

    return {
        "id": playbook.id,
        "title": both(playbook.title),
        "steps": [
            {
                "id": s.id,
                "offset": s.offset_days,
                "title": both(s.title),
                "description": both(s.description),
                "owner": both(roles[s.owner]),
                "channel": both(channels[s.channel]),
            }
            for s in sorted(playbook.steps, key=lambda s: s.offset_days)
        ],
        **_holiday_data(calendar_of(catalog)),
    }


def _holiday_data(calendar: str | None) -> dict[str, Any]:
    """The site calendar's holidays in the WINDOW years, as schedule.dated_steps() skips them."""
    if not calendar:
        return {}
    return {"holidays": compact_list(holiday_dates(calendar)), "holidayYears": list(WINDOW)}


def _whatif_data(score_model: Any, langs: tuple[str, ...]) -> dict[str, Any]:
    """The score model for the what-if calculator: weights, and bands in both languages."""
    if score_model is None:
        return {}
    return {
        "components": [c.id for c in score_model.components],
        "weights": [c.weight for c in score_model.components],
        "names": {lang: [c.name.raw(lang) for c in score_model.components] for lang in langs},
        "bands": [
            {
                "id": b.id,
                "min": b.min,
                "name": {lang: b.name.raw(lang) for lang in langs},
                "action": {lang: b.action.raw(lang) for lang in langs},
            }
            for b in score_model.bands
        ],
    }


def _band_ranges(score_model: Any) -> list[tuple[Any, float, float | None]]:
    """Each band with its lower bound and the next band's lower bound as its upper one."""
    if score_model is None:
        return []
    ranges = []
    upper: float | None = None
    for band in score_model.bands:
        ranges.append((band, band.min, upper))
        upper = band.min
    return ranges


def _standards_by_framework(catalog: Catalog) -> dict[str, list[tuple[Any, list[Any]]]]:
    """framework id → [(checklist, its entries that name the framework)], in checklist order."""
    found: dict[str, list[tuple[Any, list[Any]]]] = {}
    for checklist in catalog.of("checklist"):
        by_framework: dict[str, list[Any]] = {}
        for entry in checklist.items:
            if entry.framework:
                by_framework.setdefault(entry.framework, []).append(entry)
        for framework_id, entries in by_framework.items():
            found.setdefault(framework_id, []).append((checklist, entries))
    return found
