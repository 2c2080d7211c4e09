"""Page calculators give exactly Python's results; the page's .ics equals the CLI's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest

from generator.catalog import load_catalog
from generator.kpi import compute
from generator.schedule import ics
from generator.scoring import score
from tests.conftest import PROJECT_ROOT

pytestmark = pytest.mark.browser

CATALOG = load_catalog(PROJECT_ROOT / "frameworks", PROJECT_ROOT)
SAMPLES = [
    {"a": 1234.5, "b": 17, "c": 0.333, "d": 9},
    {"a": 3, "b": 2, "c": 1, "d": 0.5},
]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_kpi_calculator_matches_python(page, site_url, lang):
    for kpi in CATALOG.of("kpi"):
        page.goto(f"{site_url}/{lang}/kpis/{kpi.id}/", wait_until="load")
        output = page.locator(".csp-calc output[name=result]")
        for sample in SAMPLES:
            values = {i.id: list(sample.values())[n % 4] for n, i in enumerate(kpi.inputs)}
            for name, value in values.items():
                page.fill(f".csp-calc input[name={name}]", repr(value))
            expected = compute(kpi, values, lang)
            assert output.inner_text() == expected.display, (kpi.id, values)
            assert float(output.get_attribute("data-value") or "nan") == expected.value
    assert page.request_log.outside == []


def test_health_score_what_if_matches_python(page, site_url):
    model = CATALOG.get("framework", "health-score").score_model
    ids = [c.id for c in model.components]
    page.goto(f"{site_url}/en/frameworks/health-score/", wait_until="load")
    cases = [
        dict.fromkeys(ids, 80.0),
        {ids[0]: 90.0, ids[3]: 40.0},
        dict(zip(ids, [12.5, 99.0, 0.0, 55.5, 73.0], strict=True)),
        {ids[1]: 50.0},
    ]
    for values in cases:
        for component in ids:
            value = values.get(component)
            page.fill(f".csp-whatif input[name={component}]", "" if value is None else repr(value))
        expected = score(model, {c: values.get(c) for c in ids})
        from generator.kpi import fixed

        assert page.locator(".csp-whatif output[name=score]").inner_text() == fixed(
            expected.score, 1
        )
        band = page.locator(".csp-whatif output[name=band]")
        assert band.get_attribute("data-band") == expected.band.id
        assert band.inner_text() == expected.band.name("en")


@pytest.mark.parametrize(
    ("playbook_id", "lang"), [("high-touch", "ja"), ("retention-campaign", "en")]
)
def test_page_ics_is_the_cli_ics(page, site_url, tmp_path: Path, playbook_id, lang):
    anchor = dt.date(2026, 3, 31)
    page.goto(f"{site_url}/{lang}/playbooks/{playbook_id}/", wait_until="load")
    page.fill(".csp-schedule input[name=anchor]", anchor.isoformat())
    with page.expect_download() as info:
        page.click(".csp-schedule__ics")
    target = tmp_path / "page.ics"
    info.value.save_as(target)
    from_page = target.read_bytes()
    from_cli = ics(CATALOG, CATALOG.get("playbook", playbook_id), anchor, lang).encode("utf-8")
    assert from_page == from_cli
    events = icalendar.Calendar.from_ical(from_page).walk("VEVENT")
    assert len(events) == len(CATALOG.get("playbook", playbook_id).steps)
    assert page.request_log.outside == []
