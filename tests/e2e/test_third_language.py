"""A third language by configuration alone: the trilingual fixture (ja, en, de) is checked
and built end to end, with its own German labels file and no code of its own."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.kinds import skeleton_folders
from tests.fixtures.projects import TRILINGUAL, make_project

LANGS = ("ja", "en", "de")


def run(project: Path, *args: str):
    return CliRunner().invoke(main, ["--project", str(project), *args], catch_exceptions=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    project = make_project(TRILINGUAL, tmp_path_factory.mktemp("tri") / "project")
    checked = run(project, "check")
    assert checked.exit_code == 0, checked.output
    result = run(project, "build")
    assert result.exit_code == 0, result.output
    assert [line.split(":")[0] for line in result.output.splitlines()[1:4]] == list(LANGS)
    yield project / "site"


def _pages(site: Path, lang: str) -> set[str]:
    return {p.relative_to(site / lang).as_posix() for p in (site / lang).rglob("index.html")}


def test_every_language_has_the_same_pages(built):
    ja, en, de = (_pages(built, lang) for lang in LANGS)
    assert ja == en == de
    assert {"kpis/retention/index.html", "glossary/index.html", "index.html"} <= de


def test_the_root_chooser_links_every_language_by_its_own_name(built):
    html = (built / "index.html").read_text("utf-8")
    links = re.findall(r'<a href="(\w+)/" hreflang="\1">([^<]+)</a>', html)
    assert links == [("ja", "日本語"), ("en", "English"), ("de", "Deutsch")]
    assert '<html lang="ja">' in html  # the first configured language is the default
    assert 'var langs = ["ja", "en", "de"];' in html  # the browser-language redirect


def test_the_third_language_site_is_german_with_a_switch_to_all_three(built):
    html = (built / "de/kpis/retention/index.html").read_text("utf-8")
    assert '<html lang="de"' in html
    assert "Bindungsrate" in html and "Rechner" in html and "Rechenbeispiel" in html
    assert "継続率" not in html and "Retention rate" not in html
    switch = re.findall(r'hreflang="(\w+)" class="md-select__link"', html)
    assert switch == list(LANGS)


def test_the_german_glossary_is_indexed_by_letter_and_the_japanese_one_by_kana(built):
    de = (built / "de/glossary/index.html").read_text("utf-8")
    ja = (built / "ja/glossary/index.html").read_text("utf-8")
    assert 'id="letter-a"' in de and 'id="letter-e"' in de  # Abwanderung, Einführung
    assert 'id="kana-ka"' in ja  # 解約 read かいやく
    assert de.index("Abwanderung") < de.index("Einführung")


def test_commands_take_the_third_language_and_name_the_languages_when_wrong(built):
    project = built.parent
    result = run(
        project, "kpi", "retention", "--set", "kept=45", "--set", "start=50", "--lang", "de"
    )
    assert result.exit_code == 0 and result.output.strip() == "90.0 %"
    wrong = run(project, "kpi", "retention", "--set", "kept=1", "--set", "start=2", "--lang", "fr")
    assert wrong.exit_code == 2
    assert wrong.output.strip() == (
        "cs-playbook kpi: --lang: unknown language 'fr'; this site is written in: ja, en, de"
    )
    default = run(project, "kpi", "retention", "--set", "kept=45", "--set", "start=50")
    assert default.output.strip() == "90.0%"  # ja, the first language


def test_the_schemas_list_the_configured_languages(built):
    import json

    project = built.parent
    assert run(project, "schema").exit_code == 0
    schema = json.loads((project / "schema/checklist.schema.json").read_text("utf-8"))
    text = schema["$defs"]["Text"]
    assert text["required"] == list(LANGS) and text["additionalProperties"] is False
    assert text["properties"]["de"]["title"] == "German"


@pytest.mark.parametrize("kind", sorted(skeleton_folders()))
def test_new_writes_a_skeleton_in_the_three_languages_that_passes_check(tmp_path, kind):
    project = make_project(TRILINGUAL, tmp_path / "project")
    assert run(project, "new", kind, "brand-new").exit_code == 0
    [path] = (project / "frameworks").rglob("brand-new.yaml")
    text = path.read_text("utf-8")
    assert "\n  de: " in text or ", de: " in text
    result = run(project, "check")
    assert result.exit_code == 0, result.output
    assert "placeholder" in result.output  # the copied texts are still to be written


def test_the_german_labels_have_every_key_of_the_shipped_ones():
    import yaml

    def keys(data: dict, prefix: str = "") -> set[str]:
        found = set()
        for key, value in data.items():
            found.add(prefix + str(key))
            if isinstance(value, dict):
                found |= keys(value, f"{prefix}{key}.")
        return found

    shipped = Path(__file__).resolve().parents[2] / "generator/templates/labels/en.yaml"
    german = TRILINGUAL / "labels" / "de.yaml"
    assert keys(yaml.safe_load(german.read_text("utf-8"))) == keys(
        yaml.safe_load(shipped.read_text("utf-8"))
    )


def test_the_german_search_folds_its_synonyms_and_cuts_its_phrasings(built):
    from generator.search_text import Normalizer

    rules = json.loads((built / "de" / "search" / "rules.json").read_text("utf-8"))
    normalizer = Normalizer(rules)
    assert normalizer.query_words("was ist Kündigung") == normalizer.query_words("Abwanderung")
    assert normalizer.query_words("churn") == normalizer.query_words("Abwanderung")
    japanese = Normalizer(json.loads((built / "ja" / "search" / "rules.json").read_text("utf-8")))
    assert japanese.query_words("離反とは") == japanese.query_words("解約")


def test_search_words_in_a_language_the_site_lacks_are_a_located_error(tmp_path):
    project = make_project(TRILINGUAL, tmp_path / "project")
    search = project / "frameworks" / "search.yaml"
    search.write_text(
        search.read_text("utf-8").replace("    de: [Abwanderung, Kündigung]\n", "")
        + "  fr: [qu'est-ce que]\n",
        "utf-8",
    )
    result = run(project, "check")
    assert result.exit_code == 1
    assert "frameworks/search.yaml:4:5: synonyms.0.de: missing German text (de)" in result.output
    assert "frameworks/search.yaml:10:3: phrasings.fr: unknown language 'fr'" in result.output
