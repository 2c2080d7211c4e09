"""Languages are content: the site document's list sets what every text is checked against."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.catalog import load_catalog
from generator.cli import main
from generator.labels import load_labels, use_project
from generator.langs import SHIPPED
from tests.unit.helpers import CHECKLIST, content_errors, write

SITE = """\
kind: site
id: site
languages:
  - {{code: {first}, name: {first_name}}}
  - {{code: xx, name: Testish}}
name: {{{first}: A, xx: B}}
tagline: {{{first}: A, xx: B}}
intro: {{{first}: A, xx: B}}
"""


@pytest.fixture(autouse=True)
def _shipped_labels_afterwards() -> object:
    yield
    use_project(None)  # later tests read the package's labels again


def _labels(root: Path, lang: str, name: str) -> None:
    """A labels file of the project's own: the English one with another language name."""
    english = (Path(__file__).parents[2] / "generator/templates/labels/en.yaml").read_text("utf-8")
    folder = root / "labels"
    folder.mkdir(exist_ok=True)
    text = english.replace("language_name: English", f"language_name: {name}")
    (folder / f"{lang}.yaml").write_text(text, encoding="utf-8")


def test_without_a_languages_list_texts_are_in_the_shipped_pair(tmp_path):
    write(tmp_path, "c.yaml", CHECKLIST.format(id="c"))
    assert load_catalog(tmp_path / "frameworks", tmp_path).languages == SHIPPED


def test_missing_and_unknown_languages_are_located_in_one_run(tmp_path):
    _labels(tmp_path, "xx", "Testish")
    checklist = """\
    kind: checklist
    id: c
    title: {en: Standards, xx: Standardish}
    summary: {en: Summary, fr: Résumé, xx: Summarish}
    body: {en: Body}
    items:
      - {id: one, text: {en: Item, xx: Itemish, ja: 項目}}
    """
    site = SITE.format(first="en", first_name="English")
    assert content_errors(tmp_path, {"site.yaml": site, "c.yaml": checklist}) == [
        "frameworks/c.yaml:4:24: summary.fr: unknown language 'fr'; texts are written in: en, xx",
        "frameworks/c.yaml:5:7: body.xx: missing Testish text (xx)",
        "frameworks/c.yaml:7:45: items.0.text.ja: unknown language 'ja'; "
        "texts are written in: en, xx",
    ]


def test_a_language_without_labels_is_a_located_error(tmp_path):
    site = SITE.format(first="en", first_name="English")
    [error] = content_errors(tmp_path, {"site.yaml": site})
    assert error.startswith("frameworks/site.yaml:5:12: languages.1.code: no labels file for ")
    assert "'xx': add labels/xx.yaml" in error


def test_a_language_listed_twice_is_an_error(tmp_path):
    site = SITE.format(first="xx", first_name="Testish")
    _labels(tmp_path, "xx", "Testish")
    errors = content_errors(tmp_path, {"site.yaml": site})
    assert errors[0] == "frameworks/site.yaml:4:3: languages: language listed twice: xx"
    assert not any("missing" in e or "unknown" in e for e in errors)  # xx counts once


def test_project_labels_come_before_the_shipped_ones(tmp_path):
    _labels(tmp_path, "xx", "Testish")
    _labels(tmp_path, "en", "Englisch")
    write(tmp_path, "site.yaml", SITE.format(first="en", first_name="English"))
    catalog = load_catalog(tmp_path / "frameworks", tmp_path)
    assert catalog.languages.codes == ("en", "xx") and catalog.languages.default == "en"
    assert load_labels("xx").language_name == "Testish"
    assert load_labels("en").language_name == "Englisch"


KPI = """\
kind: kpi
id: share
title: {en: Share, xx: Sharish}
summary: {en: A share., xx: A sharish.}
unit: percent
definition: {en: Part over whole., xx: Part overish whole.}
inputs:
  - {id: part, label: {en: Part, xx: Partish}, unit: count}
  - {id: whole, label: {en: Whole, xx: Wholish}, unit: count}
formula: part ÷ whole
example: {part: 1, whole: 4}
"""


def test_lang_is_checked_against_the_project_and_defaults_to_its_first(tmp_path):
    _labels(tmp_path, "xx", "Testish")
    write(tmp_path, "site.yaml", SITE.format(first="en", first_name="English"))
    write(tmp_path, "kpi.yaml", KPI)
    args = ["--project", str(tmp_path), "kpi", "share", "--set", "part=1", "--set", "whole=2"]
    runner = CliRunner()
    wrong = runner.invoke(main, [*args, "--lang", "ja"])
    assert wrong.exit_code == 2
    assert wrong.output == (
        "cs-playbook kpi: --lang: unknown language 'ja'; this site is written in: en, xx\n"
    )
    assert runner.invoke(main, [*args, "--lang", "xx"]).output == "50.0%\n"
    assert runner.invoke(main, [*args, "--json"]).exit_code == 0
