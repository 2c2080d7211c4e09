"""Page calculators give exactly Python's results; the page's downloads equal the CLI's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest

from generator.business_days import holiday_dates
from generator.catalog import load_catalog
from generator.formula import EvaluationError
from generator.kpi import bound_display, compute, fixed, position
from generator.labels import load_labels
from generator.schedule import ScheduleError, calendar_of, ics, markdown
from generator.scoring import score
from tests.conftest import PROJECT_ROOT

pytestmark = pytest.mark.browser

CATALOG = load_catalog(PROJECT_ROOT / "frameworks", PROJECT_ROOT)
#: Values spread over the inputs in turn: plain, fractional, rounding edges (x.x5, 1/3), zero.
SAMPLES = [
    [1234.5, 17, 0.333, 9],
    [3, 2, 1, 0.5],
    [0.125, 0.375, 1 / 3, 2.675],
    [1e6, 987654.321, 0.0425, 12],
    [0, 5, 7, 0],
]


def _fill(page, selector: str, values: dict[str, float | None]) -> None:
    for name, value in values.items():
        page.fill(f"{selector} input[name={name}]", "" if value is None else repr(value))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_kpi_calculator_matches_python(page, engine_site_url, lang):
    t = load_labels(lang)
    checked = 0
    for kpi in CATALOG.of("kpi"):
        page.goto(f"{engine_site_url}/{lang}/kpis/{kpi.id}/", wait_until="load")
        output = page.locator(".csp-calc output[name=result]")
        example = compute(kpi, kpi.example, lang)
        assert output.inner_text() == example.display  # the page's first state is the example
        for sample in SAMPLES:
            values = {i.id: sample[n % len(sample)] for n, i in enumerate(kpi.inputs)}
            _fill(page, ".csp-calc", values)
            try:
                expected = compute(kpi, values, lang)
            except EvaluationError as exc:
                assert "zero" in str(exc), (kpi.id, values, exc)
                assert output.inner_text() == t.kpi.error_zero
                assert output.get_attribute("data-value") is None
                continue
            assert output.inner_text() == expected.display, (kpi.id, values)
            assert float(output.get_attribute("data-value") or "nan") == expected.value
            checked += 1
    assert checked >= 3 * len(CATALOG.of("kpi"))
    assert page.request_log.outside == []


def test_kpi_calculator_error_states(page, site_url):
    t = load_labels("en")
    grr = CATALOG.get("kpi", "grr")
    page.goto(f"{site_url}/en/kpis/grr/", wait_until="load")
    output = page.locator(".csp-calc output[name=result]")
    names = [i.id for i in grr.inputs]
    named = t.kpi.error_field.format(label=grr.inputs[0].label("en"))
    page.fill(f".csp-calc input[name={names[0]}]", "")
    assert output.inner_text() == named
    page.fill(f".csp-calc input[name={names[0]}]", "-5")
    assert output.inner_text() == named
    assert page.get_attribute(f".csp-calc input[name={names[0]}]", "aria-invalid") == "true"
    assert page.get_attribute(f".csp-calc input[name={names[1]}]", "aria-invalid") is None
    ltv = CATALOG.get("kpi", "ltv")
    page.goto(f"{site_url}/en/kpis/ltv/", wait_until="load")
    huge = {ltv.inputs[0].id: 1e30, ltv.inputs[1].id: 1.0, ltv.inputs[2].id: 0.5}
    _fill(page, ".csp-calc", huge)
    with pytest.raises(EvaluationError, match="too large"):
        compute(ltv, huge, "en")
    assert page.locator(".csp-calc output[name=result]").inner_text() == t.kpi.error_large


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_health_score_what_if_matches_python(page, engine_site_url, lang):
    t = load_labels(lang)
    model = CATALOG.get("framework", "health-score").score_model
    ids = [c.id for c in model.components]
    page.goto(f"{engine_site_url}/{lang}/frameworks/health-score/", wait_until="load")
    box = ".csp-whatif"
    assert page.locator(f"{box} output[name=score]").inner_text() == t.whatif.empty
    cases: list[dict[str, float | None]] = [
        dict.fromkeys(ids, 80.0),
        {ids[0]: 90.0, ids[3]: 40.0},
        dict(zip(ids, [12.5, 99.0, 0.0, 55.5, 73.0], strict=True)),
        {ids[1]: 50.0},
        dict(zip(ids, [79.95, 80.0, 80.0, 80.0, None], strict=True)),
        dict(zip(ids, [49.99, 50.0, 50.0, 50.0, 49.0], strict=True)),
        dict.fromkeys(ids, 0.0),
        dict.fromkeys(ids, 100.0),
    ]
    for values in cases:
        _fill(page, box, {c: values.get(c) for c in ids})
        expected = score(model, {c: values.get(c) for c in ids})
        assert page.locator(f"{box} output[name=score]").inner_text() == fixed(expected.score, 1)
        band = page.locator(f"{box} output[name=band]")
        assert band.get_attribute("data-band") == expected.band.id, values
        assert band.inner_text() == expected.band.name(lang)
        action = page.locator(f"{box} output[name=action]").inner_text()
        assert action == expected.band.action(lang).strip()
    _fill(page, box, dict.fromkeys(ids))
    assert page.locator(f"{box} output[name=score]").inner_text() == t.whatif.empty
    _fill(page, box, {ids[0]: 101.0})
    assert page.locator(f"{box} output[name=score]").inner_text() == t.whatif.range
    assert page.request_log.outside == []


def _download(page, selector: str, target: Path) -> bytes:
    with page.expect_download() as info:
        page.click(selector)
    info.value.save_as(target)
    return target.read_bytes()


@pytest.mark.parametrize(
    ("playbook_id", "lang"), [("high-touch", "ja"), ("retention-campaign", "en")]
)
def test_page_downloads_are_the_cli_files(page, engine_site_url, tmp_path: Path, playbook_id, lang):
    playbook = CATALOG.get("playbook", playbook_id)
    anchor = dt.date(2026, 3, 31)
    page.goto(f"{engine_site_url}/{lang}/playbooks/{playbook_id}/", wait_until="load")
    page.fill(".csp-schedule input[name=anchor]", anchor.isoformat())
    from_page = _download(page, ".csp-schedule__ics", tmp_path / "page.ics")
    assert from_page == ics(CATALOG, playbook, anchor, lang).encode("utf-8")
    events = icalendar.Calendar.from_ical(from_page).walk("VEVENT")
    assert len(events) == len(playbook.steps)
    checklist = _download(page, ".csp-schedule__md", tmp_path / "page.md")
    assert checklist == markdown(CATALOG, playbook, anchor, lang).encode("utf-8")
    shown = page.locator(".csp-schedule__list li").all_inner_texts()
    first_day = anchor + dt.timedelta(days=min(s.offset_days for s in playbook.steps))
    assert shown[0].startswith(first_day.isoformat())
    assert len(shown) == len(playbook.steps)
    assert page.request_log.outside == []


def test_schedule_refuses_dates_beyond_the_calendar(page, site_url):
    page.goto(f"{site_url}/en/playbooks/high-touch/", wait_until="load")
    page.fill(".csp-schedule input[name=anchor]", "9999-12-30")
    assert page.locator(".csp-schedule__invalid").is_visible()
    assert page.locator(".csp-schedule__ics").is_hidden()
    assert page.locator(".csp-schedule__list li").count() == 0
    page.fill(".csp-schedule input[name=anchor]", "0050-03-01")
    assert page.locator(".csp-schedule__invalid").is_hidden()
    assert page.locator(".csp-schedule__list li").first.inner_text().startswith("0050-")


def test_business_days_outside_the_holiday_years_are_refused_like_the_cli(page, site_url):
    """The page knows the holidays of WINDOW only; beyond it, as the CLI, it refuses."""
    playbook = CATALOG.get("playbook", "high-touch")
    page.goto(f"{site_url}/en/playbooks/high-touch/", wait_until="load")
    page.fill(".csp-schedule input[name=anchor]", "2051-01-05")
    assert page.locator(".csp-schedule__invalid").is_hidden()
    page.check(".csp-schedule input[name=weekdays]")
    assert page.locator(".csp-schedule__invalid").is_visible()
    assert page.locator(".csp-schedule__ics").is_hidden()
    with pytest.raises(ScheduleError):
        markdown(CATALOG, playbook, dt.date(2051, 1, 5), "en", weekdays_only=True)


# Titles and names that would forge Markdown structure, break out of iCalendar text or hide
# terminal sequences; "$&" and friends are JavaScript replacement patterns.
SCHEDULE_PAYLOADS = [
    "Review\n- [x] forged item",
    "# Forged heading",
    "- [ ] nested\r\n1. numbered",
    "<img src=x onerror=alert(1)> [click](javascript:alert(1))",
    "a;b,c\\d $& $' $$",
    "Lone\rCR\x0bVT\x1b]8;;http://x\x07link\x7f\x85",
    "  | table | cell `code` *em* _u_ ~~s~~",
]


def test_page_schedule_escapes_like_the_cli_with_hostile_names(page, site_url, tmp_path: Path):
    """Payloads in the playbook title, step titles, roles and channels: page bytes == CLI bytes."""
    import json
    from types import SimpleNamespace

    from generator.render import _script_json

    url = f"{site_url}/en/playbooks/high-touch/"
    changed: dict[str, object] = {}

    def swap_data(route):
        html = route.fetch().text()
        opening = '<script type="application/json">'
        start = html.index(opening, html.index('class="csp-schedule"')) + len(opening)
        end = html.index("</script>", start)
        data = json.loads(html[start:end])
        data["title"]["en"] = SCHEDULE_PAYLOADS[0]
        for number, step in enumerate(data["steps"]):
            for key in ("title", "description", "owner", "channel"):
                pick = SCHEDULE_PAYLOADS[(number + len(key)) % len(SCHEDULE_PAYLOADS)]
                step[key]["en"] = pick
        changed.update(data)
        body = html[:start] + str(_script_json(data)) + html[end:]
        route.fulfill(body=body, content_type="text/html")

    page.route(url, swap_data)
    page.goto(url, wait_until="load")
    anchor = dt.date(2026, 3, 31)
    page.fill(".csp-schedule input[name=anchor]", anchor.isoformat())
    from_page_md = _download(page, ".csp-schedule__md", tmp_path / "page.md")
    from_page_ics = _download(page, ".csp-schedule__ics", tmp_path / "page.ics")
    page.unroute(url)

    def text(value):
        return lambda lang: value[lang]

    steps = [
        SimpleNamespace(
            id=s["id"],
            offset_days=s["offset"],
            title=text(s["title"]),
            description=text(s["description"]),
            owner=f"role-{n}",
            channel=f"channel-{n}",
        )
        for n, s in enumerate(changed["steps"])  # type: ignore[arg-type]
    ]
    taxonomy = SimpleNamespace(
        roles=[
            SimpleNamespace(id=f"role-{n}", name=text(s["owner"]))
            for n, s in enumerate(changed["steps"])
        ],  # type: ignore[arg-type]
        channels=[
            SimpleNamespace(id=f"channel-{n}", name=text(s["channel"]))
            for n, s in enumerate(changed["steps"])
        ],  # type: ignore[arg-type]
    )
    catalog = SimpleNamespace(of=lambda kind: [taxonomy], one=lambda kind: None)  # no calendar
    shipped = CATALOG.get("playbook", "high-touch")
    playbook = SimpleNamespace(
        id=changed["id"], title=text(changed["title"]), steps=steps, anchor=shipped.anchor
    )
    assert from_page_md == markdown(catalog, playbook, anchor, "en").encode("utf-8")
    assert from_page_ics == ics(catalog, playbook, anchor, "en").encode("utf-8")
    lines = from_page_md.decode("utf-8").splitlines()
    assert sum(line.startswith("- [") for line in lines) == len(steps)
    assert sum(line.startswith("#") for line in lines) == 1
    assert not any(ord(c) < 32 and c not in "\t\r\n" for c in from_page_ics.decode("utf-8"))


@pytest.mark.parametrize(("lang", "customer"), [("ja", "株式会社ACME"), ("en", "Acme, Inc.")])
def test_schedule_per_customer_on_weekdays(page, site_url, tmp_path: Path, lang, customer):
    """Customer name in titles, UIDs and file names; steps off weekends and the site's public
    holidays; the same bytes as the CLI."""
    playbook = CATALOG.get("playbook", "high-touch")
    # A Saturday before 5/4–5/6 (Golden Week): the kickoff (offset 0) moves to Thursday 5/7.
    anchor = dt.date(2026, 5, 2)
    closed = holiday_dates(calendar_of(CATALOG))
    assert dt.date(2026, 5, 4) in closed
    page.goto(f"{site_url}/{lang}/playbooks/high-touch/", wait_until="load")
    page.fill(".csp-schedule input[name=anchor]", anchor.isoformat())
    page.fill(".csp-schedule input[name=customer]", f"  {customer} ")
    page.check(".csp-schedule input[name=weekdays]")
    with page.expect_download() as info:
        page.click(".csp-schedule__ics")
    assert info.value.suggested_filename == f"{customer.replace(' ', '-')}-high-touch.ics"
    info.value.save_as(tmp_path / "page.ics")
    expected = ics(CATALOG, playbook, anchor, lang, customer, weekdays_only=True)
    assert (tmp_path / "page.ics").read_bytes() == expected.encode("utf-8")
    events = icalendar.Calendar.from_ical(expected).walk("VEVENT")
    assert all(str(e["SUMMARY"]).startswith(f"{customer}: ") for e in events)
    assert all(e["DTSTART"].dt.weekday() < 5 and e["DTSTART"].dt not in closed for e in events)
    assert dt.date(2026, 5, 7) in {e["DTSTART"].dt for e in events}  # the kickoff
    checklist = _download(page, ".csp-schedule__md", tmp_path / "page.md")
    assert checklist == markdown(
        CATALOG, playbook, anchor, lang, customer, weekdays_only=True
    ).encode("utf-8")
    shown = page.locator(".csp-schedule__list li").all_inner_texts()
    assert all(dt.date.fromisoformat(s[:10]).weekday() < 5 for s in shown)
    assert any(s.startswith("2026-05-07") for s in shown)
    # The computed dates are also written into the steps table (and so printed).
    dated = page.locator(".md-typeset table .csp-step-date").all_inner_texts()
    assert len(dated) == len(playbook.steps) and dated[0] == shown[0][:10]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_kpi_accepts_separators_and_explains_itself(page, site_url, lang):
    """1,000,000 and full-width digits are read; results and inputs show separators;
    the formula is also written with the inputs' labels."""
    nrr = CATALOG.get("kpi", "nrr")
    page.goto(f"{site_url}/{lang}/kpis/nrr/", wait_until="load")
    words = page.locator(".csp-formula-words").inner_text()
    assert all(i.label(lang) in words for i in nrr.inputs)
    assert not any(i.id in words for i in nrr.inputs)
    typed = {
        "start_mrr": "1,000,000",
        "expansion_mrr": "１５０，０００",
        "contraction_mrr": "30000",
    }
    for name, text in typed.items():
        page.fill(f".csp-calc input[name={name}]", text)
    page.fill(".csp-calc input[name=churned_mrr]", "50,000")
    page.press(".csp-calc input[name=churned_mrr]", "Tab")
    values = {
        "start_mrr": 1e6,
        "expansion_mrr": 150000,
        "contraction_mrr": 30000,
        "churned_mrr": 5e4,
    }
    expected = compute(nrr, values, lang)
    assert page.locator(".csp-calc output[name=result]").inner_text() == expected.display
    page.locator(".csp-calc input[name=contraction_mrr]").dispatch_event("change")
    assert page.input_value(".csp-calc input[name=contraction_mrr]") == "30,000"
    ltv = CATALOG.get("kpi", "ltv")
    page.goto(f"{site_url}/{lang}/kpis/ltv/", wait_until="load")
    big = {i.id: v for i, v in zip(ltv.inputs, (1234567.0, 0.9, 0.05), strict=False)}
    _fill(page, ".csp-calc", big)
    assert "," in page.locator(".csp-calc output[name=result]").inner_text()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_what_if_breakdown_names_the_weakest(page, site_url, lang):
    framework = CATALOG.get("framework", "health-score")
    model = framework.score_model
    page.goto(f"{site_url}/{lang}/frameworks/health-score/", wait_until="load")
    ids = [c.id for c in model.components]
    values = {c: float(90 - 10 * n) for n, c in enumerate(ids)}
    _fill(page, ".csp-whatif", values)
    parts = page.locator(".csp-whatif__parts li")
    assert parts.count() == len(ids)
    total = sum(c.weight for c in model.components)
    for n, component in enumerate(model.components):
        text = parts.nth(n).inner_text()
        assert component.name(lang) in text
        assert fixed(component.weight / total * values[component.id], 1) in text
    weakest = page.locator(".csp-whatif__weakest")
    assert weakest.get_attribute("data-component") == ids[-1]
    assert weakest.count() == 1


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_kpi_result_is_placed_in_the_typical_range(page, site_url, lang):
    """The page states the handbook's range and its source; the calculator says below,
    within or above, in the words and with the rounding of the worked example."""
    t = load_labels(lang).kpi
    renewal = CATALOG.get("kpi", "renewal-rate")
    assert renewal.typical is not None
    page.goto(f"{site_url}/{lang}/kpis/renewal-rate/", wait_until="load")
    stated = page.locator(".csp-typical").inner_text()
    assert t.typical in stated
    assert renewal.typical.note(lang) in stated
    at_least = t.typical_at_least.format(min=bound_display(95, "percent", lang))
    assert at_least in stated
    typical = page.locator(".csp-calc output[name=typical]")
    cases = [
        ({"renewals_due": 80, "renewed": 76}, "within"),  # 95.0%: on the bound
        ({"renewals_due": 80, "renewed": 70}, "below"),
        ({"renewals_due": 80, "renewed": 80}, "within"),
    ]
    for values, place in cases:
        _fill(page, ".csp-calc", values)
        value = compute(renewal, values, lang).value
        assert position(value, renewal.unit, renewal.typical.min, renewal.typical.max) == place
        assert typical.inner_text() == t[f"typical_{place}"].format(range=at_least)
        assert typical.get_attribute("data-position") == place
    page.fill(".csp-calc input[name=renewed]", "")
    assert typical.inner_text() == ""
    grr = CATALOG.get("kpi", "grr")
    assert grr.typical is not None
    page.goto(f"{site_url}/{lang}/kpis/grr/", wait_until="load")
    typical = page.locator(".csp-calc output[name=typical]")
    for values, place in [
        ({"start_mrr": 100, "contraction_mrr": 5, "churned_mrr": 5}, "within"),
        ({"start_mrr": 100, "contraction_mrr": 10, "churned_mrr": 10}, "below"),
        ({"start_mrr": 100, "contraction_mrr": 1, "churned_mrr": 1}, "above"),
    ]:
        _fill(page, ".csp-calc", values)
        assert typical.get_attribute("data-position") == place
        assert (
            t.typical_between.format(
                min=bound_display(85, "percent", lang), max=bound_display(95, "percent", lang)
            )
            in typical.inner_text()
        )


def test_a_broken_data_block_stops_only_its_own_box(page, site_url):
    """A KPI box whose JSON is cut short, placed before the real one: the real one still works."""
    kpi = CATALOG.of("kpi")[0]
    url = f"{site_url}/en/kpis/{kpi.id}/"
    data = '<script type="application/json">{"tree": </script>'
    broken = f'<div class="csp-calc" data-csp-kpi>{data}</div>'

    def with_broken_box(route):
        html = route.fetch().text()
        start = html.index('<div class="csp-calc"')
        route.fulfill(body=html[:start] + broken + html[start:], content_type="text/html")

    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.route(url, with_broken_box)
    page.goto(url, wait_until="load")
    assert page.locator(".csp-calc").count() == 2
    output = page.locator(".csp-calc output[name=result]")
    assert output.inner_text() == compute(kpi, kpi.example, "en").display
    assert any("csp-calc" in e for e in errors), errors
