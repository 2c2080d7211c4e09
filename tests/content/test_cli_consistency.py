"""The shipped handbook through the CLI: the same --lang default everywhere, KPI inputs in
--help, exact commands in headers."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalog import load_catalog
from generator.cli import main

ROOT = Path(__file__).resolve().parents[2]
CATALOG = load_catalog(ROOT / "frameworks", ROOT)


def _run(*args: str):
    return CliRunner().invoke(main, ["--project", str(ROOT), *args])


def test_every_lang_option_defaults_to_the_site_language():
    defaults = {
        name: next(p.default for p in command.params if p.name == "lang")
        for name, command in main.commands.items()
        if any(p.name == "lang" for p in command.params)
    }
    assert {"kpi", "fill", "schedule", "serve"} <= set(defaults)
    # None: the command takes the first of the site's languages when it runs.
    assert set(defaults.values()) == {None}
    default = CATALOG.languages.default
    header = _run("fill", "qbr", "--example").output.splitlines()[0]
    assert f"--lang {default} " in header


@pytest.mark.parametrize(
    ("kpi_id", "lang"),
    # every KPI once (each help loads the content), in both languages in turn
    [(k.id, ("ja", "en")[i % 2]) for i, k in enumerate(CATALOG.of("kpi"))],
)
def test_kpi_help_lists_the_inputs_of_the_kpi_named(kpi_id: str, lang: str):
    kpi = CATALOG.get("kpi", kpi_id)
    result = _run("kpi", kpi_id, "--lang", lang, "--help")
    assert result.exit_code == 0, result.output
    assert kpi.title(lang) in result.output
    for item in kpi.inputs:
        assert f"--set {item.id}=N" in result.output
        assert item.label(lang) in result.output


def test_kpi_help_without_an_id_lists_the_kpis():
    result = _run("kpi", "--help")
    assert result.exit_code == 0
    assert all(k.id in result.output for k in CATALOG.of("kpi"))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_fill_example_header_gives_the_exact_command_with_its_language(lang: str):
    result = _run("fill", "qbr", "--example", "--lang", lang)
    header = result.output.splitlines()[0]
    assert f"cs-playbook fill qbr --lang {lang} --answers" in header


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_schedule_names_its_anchor_event(lang: str):
    playbook = CATALOG.get("playbook", "qbr")
    result = _run("schedule", "qbr", "--anchor", "2026-04-01", "--lang", lang)
    assert result.exit_code == 0
    anchor_line = result.output.splitlines()[2]
    assert playbook.anchor.name(lang) in anchor_line
    assert anchor_line.endswith("2026-04-01")
